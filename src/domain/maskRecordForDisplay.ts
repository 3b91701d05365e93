/**
 * The one place personal data is masked before display: every record passes through here on
 * its way into a store the screen reads (live and playback), so no panel, tooltip, label or
 * caption can show what it never received. Subject fields are masked by kind (ID number, phone,
 * plate, name); free text is scanned for ID numbers, mobile numbers and plates, since a backend's
 * summary may quote them ("浙H·12345 无牌摩托车").
 */
import type { AnyEntity, EntityByKind, EntityKind } from './entities/entityKinds';
import { maskIdNumber, maskName, maskPhone, maskPlate } from './maskPersonalData';

/** 18-digit (or 17 + X) ID numbers and 15-digit old ones, not part of a longer run of digits. */
const ID_NUMBER = /(?<![\dA-Za-z])(\d{17}[\dXx]|\d{15})(?![\dA-Za-z])/g;
/** Mainland mobile numbers, optionally written 138-1234-5678, 138 1234 5678 or with +86 / 86 before them. */
const MOBILE = /(?<!\d)(?:\+?86[\s-]?)?(1[3-9]\d(?:[\s-]?\d{4}){2})(?!\d)/g;
/**
 * Plates: province character, city letter, optional separator, five or six characters, the last
 * of which may be 挂 (trailer), 学 (learner), 警 (police), 港 or 澳; written in either case.
 */
const PLATE = /[\u4e00-\u9fa5][A-Z][·•.\s-]?(?:[A-Z0-9]{5,6}|[A-Z0-9]{4,5}[挂学警港澳])(?![A-Z0-9])/gi;

/** Masks the ID numbers, mobile numbers and plates quoted anywhere in a text. */
export function maskFreeText(text: string): string {
  // Every pattern needs digits (a plate has at least one): most titles have none, and skip the scans.
  if (!/\d/.test(text)) return text;
  return text.replace(ID_NUMBER, (match) => maskIdNumber(match)).replace(MOBILE, (_match, mobile: string) => maskPhone(mobile)).replace(PLATE, (match) => maskPlate(match.toUpperCase()));
}

function maskAlert(alert: EntityByKind['alert'], intern: Intern): EntityByKind['alert'] {
  const { subject } = alert;
  // Overwrite only the fields the subject has. Adding undefined ones and deleting them again put
  // every subject object in dictionary mode: 14 MB more heap at 100k records (bench:render).
  const masked = { ...subject };
  if (subject.name !== undefined) masked.name = intern(maskName(subject.name));
  if (subject.idNumber !== undefined) masked.idNumber = intern(maskIdNumber(subject.idNumber));
  if (subject.phone !== undefined) masked.phone = intern(maskPhone(subject.phone));
  if (subject.plate !== undefined) masked.plate = intern(maskPlate(subject.plate));
  if (subject.description !== undefined) masked.description = maskFreeText(subject.description);
  return { ...alert, watchlist: maskFreeText(alert.watchlist), subject: masked };
}

function maskGridEvent(event: EntityByKind['gridEvent'], intern: Intern): EntityByKind['gridEvent'] {
  return {
    ...event,
    title: maskFreeText(event.title),
    // Residents report events too; a grid worker's name is no less personal on a public wall.
    reporter: { ...event.reporter, name: intern(maskName(event.reporter.name)) },
    // The same array when no handoff carries a note (most): a copy per event is memory for nothing.
    handoffs: event.handoffs.some((handoff) => handoff.note !== undefined)
      ? event.handoffs.map((handoff) => (handoff.note === undefined ? handoff : { ...handoff, note: maskFreeText(handoff.note) }))
      : event.handoffs,
  };
}

function maskAssistRequest(request: EntityByKind['assistRequest']): EntityByKind['assistRequest'] {
  const { subject } = request;
  return {
    ...request,
    subject: { ...subject, summary: maskFreeText(subject.summary), ...(subject.details === undefined ? {} : { details: maskFreeText(subject.details) }) },
  };
}

/** Shares one copy of a repeated value; masking makes many equal strings (浙H·1****5, 张*). */
export type Intern = (value: string) => string;

/**
 * A copy of the record with its personal data masked; kinds without any are returned as they are.
 * `intern` lets a store share the masked names, plates and numbers it keeps.
 */
export function maskRecordForDisplay(kind: EntityKind, record: AnyEntity, intern: Intern = (value) => value): AnyEntity {
  switch (kind) {
    case 'alert':
      return maskAlert(record as EntityByKind['alert'], intern);
    case 'gridEvent':
      return maskGridEvent(record as EntityByKind['gridEvent'], intern);
    case 'assistRequest':
      return maskAssistRequest(record as EntityByKind['assistRequest']);
    default:
      return record;
  }
}
