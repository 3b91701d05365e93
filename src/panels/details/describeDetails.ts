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
import { maskIdNumber, maskName, maskPhone, maskPlate } from '../../domain/maskPersonalData';

export interface DetailField {
  label: string;
  value: string;
  tone?: 'normal' | 'warning' | 'danger';
}

export interface TimelineStep {
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
  provinceName(id: string): string;
  countyName(id: string): string;
  townName(id: string): string;
  stationName(id: string): string;
  gridName(id: string): string;
  openEventsInGrid(id: string): number;
}

const STATION_KIND_LABELS: Record<Station['stationKind'], string> = {
  'police-station': '派出所',
  'police-office': '警务室',
  'border-workstation': '边界警务融治工作站',
  'joint-control-centre': '联合布控预警中心',
  'eco-police-office': '省际生态警务室',
  'shared-court': '共享法庭',
  checkpoint: '卡口/检查站',
};
const ALERT_STATUS_LABELS: Record<Alert['status'], string> = {
  new: '新预警',
  acknowledged: '已签收',
  dispatched: '已指派',
  intercepted: '已拦截',
  released: '已放行',
  closed: '已办结',
};
const STAGE_LABELS: Record<GridEvent['stage'], string> = { discover: '发现', analyze: '研判', command: '指令', handle: '处置', feedback: '反馈', closed: '归档' };
const CHECKPOINT_LABELS = { open: '正常通行', intercepting: '拦截中', closed: '关闭' } as const;
const ASSIST_STATUS_LABELS: Record<AssistRequest['status'], string> = { open: '待回复', responded: '已回复', completed: '已完成' };
const OUTCOME_LABELS: Record<NonNullable<AssistRequest['outcome']>, string> = { intercepted: '已截获', located: '已查明', 'not-found': '未发现', withdrawn: '已撤回' };

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

const common = (record: { source: string; updatedAt: string; version: number }): DetailField[] => [
  { label: '数据来源', value: record.source },
  { label: '更新时间', value: `${formatTime(record.updatedAt)}（第 ${record.version} 版）` },
];

function stationView(station: Station, lookups: DetailLookups): DetailView {
  const fields: DetailField[] = [
    { label: '位置', value: place(station, lookups) },
    { label: '在岗警力', value: `${station.officersOnDuty} 人` },
  ];
  if (station.checkpoint) {
    fields.push(
      { label: '卡口状态', value: CHECKPOINT_LABELS[station.checkpoint.status], tone: station.checkpoint.status === 'intercepting' ? 'danger' : 'normal' },
      { label: '今日拦截', value: `${station.checkpoint.interceptionsToday} 起` },
    );
  }
  return { kindLabel: STATION_KIND_LABELS[station.stationKind], title: station.name, fields: [...fields, ...common(station)], timeline: [], sides: [{ label: '所属', value: lookups.provinceName(station.province) }] };
}

function alertView(alert: Alert, lookups: DetailLookups): DetailView {
  const subject = alert.subject;
  const fields: DetailField[] = [
    { label: '预警等级', value: `${alert.severity} 级`, tone: alert.severity >= 4 ? 'danger' : alert.severity >= 3 ? 'warning' : 'normal' },
    { label: '状态', value: ALERT_STATUS_LABELS[alert.status] },
    { label: '布控类别', value: alert.watchlist },
    { label: '对象', value: subject.type === 'vehicle' ? '车辆' : '人员' },
    // Masked on every screen for now; duty mode (issue 6) decides where they may show whole.
    ...(subject.name ? [{ label: '姓名', value: maskName(subject.name) }] : []),
    ...(subject.idNumber ? [{ label: '身份证号', value: maskIdNumber(subject.idNumber) }] : []),
    ...(subject.phone ? [{ label: '手机号', value: maskPhone(subject.phone) }] : []),
    ...(subject.plate ? [{ label: '车牌', value: maskPlate(subject.plate) }] : []),
    { label: '命中', value: `${alert.hit.via === 'checkpoint' ? '卡口' : '视频'} · ${alert.hit.deviceName}` },
    { label: '命中地点', value: place(alert, lookups) },
    ...common(alert),
  ];
  const timeline = ALERT_STATUSES.filter((status) => alert.statusTimes[status] !== undefined || ['new', 'acknowledged', 'dispatched'].includes(status)).map((status) => ({
    label: ALERT_STATUS_LABELS[status],
    at: alert.statusTimes[status] ?? null,
    done: alert.statusTimes[status] !== undefined,
  }));
  return {
    kindLabel: '布控预警',
    title: `${alert.watchlist} · ${alert.severity} 级`,
    fields,
    timeline,
    sides: [
      { label: '布控方', value: `${lookups.provinceName(alert.controlSide)} · ${lookups.stationName(alert.controlStationId)}` },
      { label: '命中方', value: lookups.provinceName(alert.hitSide) },
    ],
  };
}

function gridEventView(event: GridEvent, lookups: DetailLookups): DetailView {
  const overdue = isGridEventOverdue(event, new Date(lookups.now));
  const category = GRID_EVENT_CATEGORIES.find((c) => c.id === event.category);
  const reached = new Map(event.stages.map((s) => [s.stage, s]));
  return {
    kindLabel: '跨省网格事件',
    title: event.title,
    fields: [
      { label: '类别', value: `${category?.zh ?? event.category} / ${subcategoryLabel(event.subcategory)?.zh ?? event.subcategory}` },
      { label: '网格', value: lookups.gridName(event.gridId) },
      { label: '环节', value: STAGE_LABELS[event.stage] },
      { label: '办结时限', value: formatTime(event.dueAt), tone: overdue ? 'danger' : 'normal' },
      ...(overdue ? [{ label: '超期', value: '已超过办结时限', tone: 'danger' as const }] : []),
      { label: '上报人', value: `${event.reporter.name}（${event.reporter.role === 'grid-worker' ? '网格员' : event.reporter.role === 'patrol' ? '巡查' : event.reporter.role}）` },
      { label: '地点', value: place(event, lookups) },
      ...common(event),
    ],
    timeline: (Object.keys(STAGE_LABELS) as GridEvent['stage'][]).map((stage) => {
      const step = reached.get(stage);
      return { label: STAGE_LABELS[stage], at: step?.at ?? null, ...(step ? { side: lookups.provinceName(step.side) } : {}), done: step !== undefined };
    }),
    sides: [
      { label: '发现方', value: lookups.provinceName(event.stages[0]!.side) },
      { label: '当前处置方', value: lookups.provinceName(event.stages[event.stages.length - 1]!.side) },
      ...event.handoffs.map((h, i) => ({ label: `交办 ${i + 1}`, value: `${formatTime(h.at)} ${lookups.provinceName(h.fromSide)} → ${lookups.provinceName(h.toSide)}${h.note ? `：${h.note}` : ''}` })),
    ],
  };
}

function assistView(request: AssistRequest, lookups: DetailLookups): DetailView {
  const left = assistMinutesLeft(request, new Date(lookups.now));
  return {
    kindLabel: '跨省协查请求',
    title: request.subject.summary,
    fields: [
      { label: '状态', value: ASSIST_STATUS_LABELS[request.status] },
      { label: '时限', value: `${request.slaMinutes} 分钟` },
      ...(left === null ? [] : [{ label: left < 0 ? '超时' : '剩余', value: `${Math.abs(Math.round(left))} 分钟`, tone: left < 0 ? ('danger' as const) : ('normal' as const) }]),
      ...(request.outcome ? [{ label: '结果', value: OUTCOME_LABELS[request.outcome] }] : []),
      ...common(request),
    ],
    timeline: [
      { label: '发出请求', at: request.requestedAt, done: true },
      { label: '回复', at: request.respondedAt ?? null, done: request.respondedAt !== undefined },
      { label: '完成', at: request.completedAt ?? null, done: request.completedAt !== undefined },
    ],
    sides: [
      { label: '请求方', value: `${lookups.provinceName(request.fromSide)} · ${lookups.stationName(request.fromStationId)}` },
      { label: '协查方', value: `${lookups.provinceName(request.toSide)} · ${lookups.stationName(request.toStationId)}` },
    ],
  };
}

function patrolView(track: PatrolTrack, lookups: DetailLookups): DetailView {
  return {
    kindLabel: track.patrolKind === 'drone' ? '无人机巡查' : '车辆巡逻',
    title: track.name,
    fields: [
      { label: '状态', value: track.active ? '巡逻中' : '已返航' },
      { label: '所属单位', value: lookups.stationName(track.unitStationId) },
      { label: '最近位置', value: formatTime(track.points[track.points.length - 1]?.at) },
      ...common(track),
    ],
    timeline: [],
    sides: [{ label: '所属', value: lookups.provinceName(track.province) }],
  };
}

function gridView(grid: Grid, lookups: DetailLookups): DetailView {
  const sides = [...new Set(grid.villages.map((v) => v.side))];
  return {
    kindLabel: '跨省网格',
    title: grid.name.zh,
    fields: [
      { label: '在办事件', value: `${lookups.openEventsInGrid(grid.id)} 件` },
      { label: '网格员', value: `${grid.gridWorkers.length} 人` },
      ...common(grid),
    ],
    timeline: [],
    sides: sides.map((side) => ({
      label: lookups.provinceName(side),
      value: grid.villages.filter((v) => v.side === side).map((v) => `${lookups.townName(v.townId)}${v.name}`).join('、'),
    })),
  };
}

export function describeDetails<K extends EntityKind>(kind: K, record: EntityByKind[K], lookups: DetailLookups): DetailView | null {
  switch (kind) {
    case 'station':
      return stationView(record as Station, lookups);
    case 'alert':
      return alertView(record as Alert, lookups);
    case 'gridEvent':
      return gridEventView(record as GridEvent, lookups);
    case 'assistRequest':
      return assistView(record as AssistRequest, lookups);
    case 'patrolTrack':
      return patrolView(record as PatrolTrack, lookups);
    case 'grid':
      return gridView(record as Grid, lookups);
    default:
      return null;
  }
}
