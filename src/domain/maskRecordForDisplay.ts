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

const optional = <T>(value: T | undefined, mask: (value: T) => T): T | undefined => (value === undefined ? undefined : mask(value));

function maskAlert(alert: EntityByKind['alert']): EntityByKind['alert'] {
  const { subject } = alert;
  const masked = {
    ...subject,
    name: optional(subject.name, maskName),
    idNumber: optional(subject.idNumber, maskIdNumber),
    phone: optional(subject.phone, maskPhone),
    plate: optional(subject.plate, maskPlate),
    description: optional(subject.description, maskFreeText),
  };
  for (const key of ['name', 'idNumber', 'phone', 'plate', 'description'] as const) if (masked[key] === undefined) delete masked[key];
  return { ...alert, watchlist: maskFreeText(alert.watchlist), subject: masked };
}

function maskGridEvent(event: EntityByKind['gridEvent']): EntityByKind['gridEvent'] {
  return {
    ...event,
    title: maskFreeText(event.title),
    // Residents report events too; a grid worker's name is no less personal on a public wall.
    reporter: { ...event.reporter, name: maskName(event.reporter.name) },
    handoffs: event.handoffs.map((handoff) => (handoff.note === undefined ? handoff : { ...handoff, note: maskFreeText(handoff.note) })),
  };
}

function maskAssistRequest(request: EntityByKind['assistRequest']): EntityByKind['assistRequest'] {
  const { subject } = request;
  return {
    ...request,
    subject: { ...subject, summary: maskFreeText(subject.summary), ...(subject.details === undefined ? {} : { details: maskFreeText(subject.details) }) },
  };
}

/** A copy of the record with its personal data masked; kinds without any are returned as they are. */
export function maskRecordForDisplay(kind: EntityKind, record: AnyEntity): AnyEntity {
  switch (kind) {
    case 'alert':
      return maskAlert(record as EntityByKind['alert']);
    case 'gridEvent':
      return maskGridEvent(record as EntityByKind['gridEvent']);
    case 'assistRequest':
      return maskAssistRequest(record as EntityByKind['assistRequest']);
    default:
      return record;
  }
}
