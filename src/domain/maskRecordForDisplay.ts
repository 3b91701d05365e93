/**
 * The one place personal data is masked before display: every record passes through here on
 * its way into a store the screen reads (live and playback), so no panel, tooltip, label or
 * caption can show what it never received. Subject fields are masked by kind (ID number, phone,
 * plate, name); every other text field of every kind (station, device, grid and village names,
 * titles, notes, summaries, KPI labels, sources) is free text, scanned by maskFreeText for
 * numbers, plates and the names of persons. Which strings are text is the schemas' to say
 * (compileTextMasker), so a new text field is masked without being listed here.
 */
import { ENTITY_SCHEMAS, type AnyEntity, type EntityKind } from './entities/entityKinds';
import { type FieldMaskers, type Intern, compileTextMasker } from './compileTextMasker';
import { maskIdNumber, maskName, maskPhone, maskPlate } from './maskPersonalData';

/** Fields holding one person's name or number whole, masked as such rather than scanned. */
const FIELD_MASKERS: { readonly [K in EntityKind]?: FieldMaskers } = {
  alert: { 'subject.name': maskName, 'subject.idNumber': maskIdNumber, 'subject.phone': maskPhone, 'subject.plate': maskPlate },
  controlOrder: { 'subject.name': maskName, 'subject.idNumber': maskIdNumber, 'subject.phone': maskPhone, 'subject.plate': maskPlate },
  // Residents report events too; a grid worker's name is no less personal on a public wall.
  gridEvent: { 'reporter.name': maskName },
  grid: { 'gridWorkers.name': maskName },
};

type RecordMasker = ReturnType<typeof compileTextMasker>;
const maskers = new Map<EntityKind, RecordMasker>();

/** Built on first use: a screen that shows personal data whole never builds one. */
function maskerOf(kind: EntityKind): RecordMasker {
  let masker = maskers.get(kind);
  if (!masker) maskers.set(kind, (masker = compileTextMasker(ENTITY_SCHEMAS[kind], FIELD_MASKERS[kind])));
  return masker;
}

/**
 * A copy of the record with its personal data masked, or the record itself when it holds none;
 * the input is never changed (the caller may still hold it). `intern` lets a store share the
 * masked names, plates and numbers it keeps.
 */
export function maskRecordForDisplay(kind: EntityKind, record: AnyEntity, intern: Intern = (value) => value): AnyEntity {
  return maskerOf(kind)(record, intern) as AnyEntity;
}
