/**
 * What the detail panel shows for a picked record: its fields, its lifecycle as a timeline, and
 * both sides of the border involved. Pure text: the panel renders it with text bindings only.
 */
import { ALERT_STATUSES, type Alert } from '../../domain/entities/alert';
import { assistMinutesLeft, type AssistRequest } from '../../domain/entities/assistRequest';
import type { EntityByKind, EntityKind } from '../../domain/entities/entityKinds';
import type { Grid } from '../../domain/entities/grid';
import { GRID_EVENT_CATEGORIES, subcategoryLabel } from '../../domain/entities/gridEventCategories';
import { isGridEventOverdue, type GridEvent } from '../../domain/entities/gridEvent';
import type { PatrolTrack } from '../../domain/entities/patrolTrack';
import type { Station } from '../../domain/entities/station';

interface DetailField {
  label: string;
  value: string;
  tone?: 'normal' | 'warning' | 'danger';
}

interface TimelineStep {
  label: string;
  at: string | null;
  side?: string;
  done: boolean;
}

export interface DetailView {
  kindLabel: string;
  title: string;
  fields: DetailField[];
  timeline: TimelineStep[];
  sides: DetailField[];
}

export interface DetailLookups {
  now: number;
  /** A source id as people say it (a configured display name), never an internal id where one is known. */
  sourceName(id: string): string;
  provinceName(id: string): string;
  countyName(id: string): string;
  townName(id: string): string;
  stationName(id: string): string;
  gridName(id: string): string;
  openEventsInGrid(id: string): number;
  /** The panel's language; the records' own texts stay as their backend wrote them. */
  language?: 'zh' | 'en';
}

import { DETAIL_WORDS, type DetailWords } from './detailWords';

/** `11-23 10:05:07` in the wall's time zone. */
export function formatTime(iso: string | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

const place = (record: { province: string; county: string; town?: string }, lookups: DetailLookups) =>
  [lookups.provinceName(record.province), lookups.countyName(record.county), record.town ? lookups.townName(record.town) : ''].filter(Boolean).join(' ');

const common = (record: { source: string; updatedAt: string; version: number }, w: DetailWords, lookups: DetailLookups): DetailField[] => [
  { label: w.source, value: lookups.sourceName(record.source) },
  { label: w.updated, value: w.updatedValue(formatTime(record.updatedAt), record.version) },
];

function stationView(station: Station, lookups: DetailLookups, w: DetailWords): DetailView {
  const fields: DetailField[] = [
    { label: w.location, value: place(station, lookups) },
    { label: w.officersOnDuty, value: w.people(station.officersOnDuty) },
  ];
  if (station.checkpoint) {
    fields.push(
      { label: w.checkpointStatus, value: w.checkpointStatuses[station.checkpoint.status], tone: station.checkpoint.status === 'intercepting' ? 'danger' : 'normal' },
      { label: w.interceptionsToday, value: w.cases(station.checkpoint.interceptionsToday) },
    );
  }
  return { kindLabel: w.stationKinds[station.stationKind], title: station.name, fields: [...fields, ...common(station, w, lookups)], timeline: [], sides: [{ label: w.belongsTo, value: lookups.provinceName(station.province) }] };
}

function alertView(alert: Alert, lookups: DetailLookups, w: DetailWords): DetailView {
  const subject = alert.subject;
  const fields: DetailField[] = [
    { label: w.severity, value: w.severityValue(alert.severity), tone: alert.severity >= 4 ? 'danger' : alert.severity >= 3 ? 'warning' : 'normal' },
    { label: w.status, value: w.alertStatuses[alert.status] },
    { label: w.watchlist, value: alert.watchlist },
    { label: w.subject, value: subject.type === 'vehicle' ? w.vehicle : w.person },
    // As the store holds them: masked on the way in unless this duty screen may show them whole.
    ...(subject.name ? [{ label: w.name, value: subject.name }] : []),
    ...(subject.idNumber ? [{ label: w.idNumber, value: subject.idNumber }] : []),
    ...(subject.phone ? [{ label: w.phone, value: subject.phone }] : []),
    ...(subject.plate ? [{ label: w.plate, value: subject.plate }] : []),
    { label: w.hit, value: `${alert.hit.via === 'checkpoint' ? w.checkpoint : w.camera} · ${alert.hit.deviceName}` },
    { label: w.hitPlace, value: place(alert, lookups) },
    ...common(alert, w, lookups),
  ];
  const timeline = ALERT_STATUSES.filter((status) => alert.statusTimes[status] !== undefined || ['new', 'acknowledged', 'dispatched'].includes(status)).map((status) => ({
    label: w.alertStatuses[status],
    at: alert.statusTimes[status] ?? null,
    done: alert.statusTimes[status] !== undefined,
  }));
  return {
    kindLabel: w.kinds.alert,
    title: `${alert.watchlist} · ${w.severityValue(alert.severity)}`,
    fields,
    timeline,
    sides: [
      { label: w.controlSide, value: `${lookups.provinceName(alert.controlSide)} · ${lookups.stationName(alert.controlStationId)}` },
      { label: w.hitSide, value: lookups.provinceName(alert.hitSide) },
    ],
  };
}

function gridEventView(event: GridEvent, lookups: DetailLookups, w: DetailWords, language: 'zh' | 'en'): DetailView {
  const overdue = isGridEventOverdue(event, new Date(lookups.now));
  const category = GRID_EVENT_CATEGORIES.find((c) => c.id === event.category);
  const reached = new Map(event.stages.map((s) => [s.stage, s]));
  return {
    kindLabel: w.kinds.gridEvent,
    title: event.title,
    fields: [
      { label: w.category, value: `${category?.[language] ?? event.category} / ${subcategoryLabel(event.subcategory)?.[language] ?? event.subcategory}` },
      { label: w.grid, value: lookups.gridName(event.gridId) },
      { label: w.stage, value: w.stages[event.stage] },
      { label: w.due, value: formatTime(event.dueAt), tone: overdue ? 'danger' : 'normal' },
      ...(overdue ? [{ label: w.overdue, value: w.overdueValue, tone: 'danger' as const }] : []),
      { label: w.reporter, value: `${event.reporter.name} (${w.reporterRoles[event.reporter.role]})` },
      { label: w.place, value: place(event, lookups) },
      ...common(event, w, lookups),
    ],
    timeline: (Object.keys(w.stages) as GridEvent['stage'][]).map((stage) => {
      const step = reached.get(stage);
      return { label: w.stages[stage], at: step?.at ?? null, ...(step ? { side: lookups.provinceName(step.side) } : {}), done: step !== undefined };
    }),
    sides: [
      { label: w.foundBy, value: lookups.provinceName(event.stages[0]!.side) },
      { label: w.handledBy, value: lookups.provinceName(event.stages[event.stages.length - 1]!.side) },
      ...event.handoffs.map((h, i) => ({ label: w.handoff(i + 1), value: `${formatTime(h.at)} ${lookups.provinceName(h.fromSide)} → ${lookups.provinceName(h.toSide)}${h.note ? `: ${h.note}` : ''}` })),
    ],
  };
}

function assistView(request: AssistRequest, lookups: DetailLookups, w: DetailWords): DetailView {
  const left = assistMinutesLeft(request, new Date(lookups.now));
  return {
    kindLabel: w.kinds.assistRequest,
    title: request.subject.summary,
    fields: [
      { label: w.status, value: w.assistStatuses[request.status] },
      { label: w.sla, value: w.minutes(request.slaMinutes) },
      ...(left === null ? [] : [{ label: left < 0 ? w.overdueBy : w.left, value: w.minutes(Math.abs(Math.round(left))), tone: left < 0 ? ('danger' as const) : ('normal' as const) }]),
      ...(request.outcome ? [{ label: w.outcome, value: w.outcomes[request.outcome] }] : []),
      ...common(request, w, lookups),
    ],
    timeline: [
      { label: w.requested, at: request.requestedAt, done: true },
      { label: w.responded, at: request.respondedAt ?? null, done: request.respondedAt !== undefined },
      { label: w.completed, at: request.completedAt ?? null, done: request.completedAt !== undefined },
    ],
    sides: [
      { label: w.requester, value: `${lookups.provinceName(request.fromSide)} · ${lookups.stationName(request.fromStationId)}` },
      { label: w.responder, value: `${lookups.provinceName(request.toSide)} · ${lookups.stationName(request.toStationId)}` },
    ],
  };
}

function patrolView(track: PatrolTrack, lookups: DetailLookups, w: DetailWords): DetailView {
  return {
    kindLabel: track.patrolKind === 'drone' ? w.kinds.drone : w.kinds.vehiclePatrol,
    title: track.name,
    fields: [
      { label: w.status, value: track.active ? w.patrolling : w.returned },
      { label: w.unit, value: lookups.stationName(track.unitStationId) },
      { label: w.lastPosition, value: formatTime(track.points[track.points.length - 1]?.at) },
      ...common(track, w, lookups),
    ],
    timeline: [],
    sides: [{ label: w.belongsTo, value: lookups.provinceName(track.province) }],
  };
}

function gridView(grid: Grid, lookups: DetailLookups, w: DetailWords, language: 'zh' | 'en'): DetailView {
  const sides = [...new Set(grid.villages.map((v) => v.side))];
  return {
    kindLabel: w.kinds.grid,
    title: grid.name[language],
    fields: [
      { label: w.openEvents, value: w.items(lookups.openEventsInGrid(grid.id)) },
      { label: w.gridWorkers, value: w.people(grid.gridWorkers.length) },
      ...common(grid, w, lookups),
    ],
    timeline: [],
    sides: sides.map((side) => ({
      label: lookups.provinceName(side),
      value: grid.villages.filter((v) => v.side === side).map((v) => `${lookups.townName(v.townId)}${v.name}`).join(w.listSeparator),
    })),
  };
}

export function describeDetails<K extends EntityKind>(kind: K, record: EntityByKind[K], lookups: DetailLookups): DetailView | null {
  const language = lookups.language ?? 'zh';
  const w = DETAIL_WORDS[language];
  switch (kind) {
    case 'station':
      return stationView(record as Station, lookups, w);
    case 'alert':
      return alertView(record as Alert, lookups, w);
    case 'gridEvent':
      return gridEventView(record as GridEvent, lookups, w, language);
    case 'assistRequest':
      return assistView(record as AssistRequest, lookups, w);
    case 'patrolTrack':
      return patrolView(record as PatrolTrack, lookups, w);
    case 'grid':
      return gridView(record as Grid, lookups, w, language);
    default:
      return null;
  }
}
