/**
 * The detail panel's words in both languages. They live beside describeDetails (a pure module,
 * tested in Node) rather than in vue-i18n's messages, which would tie it to Vue.
 */
import type { Alert } from '../../domain/entities/alert';
import type { AssistRequest } from '../../domain/entities/assistRequest';
import type { GridEvent } from '../../domain/entities/gridEvent';
import type { Station } from '../../domain/entities/station';

export interface DetailWords {
  kinds: { alert: string; gridEvent: string; assistRequest: string; drone: string; vehiclePatrol: string; grid: string };
  stationKinds: Record<Station['stationKind'], string>;
  alertStatuses: Record<Alert['status'], string>;
  stages: Record<GridEvent['stage'], string>;
  checkpointStatuses: Record<NonNullable<Station['checkpoint']>['status'], string>;
  assistStatuses: Record<AssistRequest['status'], string>;
  outcomes: Record<NonNullable<AssistRequest['outcome']>, string>;
  reporterRoles: Record<GridEvent['reporter']['role'], string>;
  source: string;
  updated: string;
  updatedValue(time: string, version: number): string;
  location: string;
  officersOnDuty: string;
  checkpointStatus: string;
  interceptionsToday: string;
  belongsTo: string;
  severity: string;
  severityValue(level: number): string;
  status: string;
  watchlist: string;
  subject: string;
  vehicle: string;
  person: string;
  name: string;
  idNumber: string;
  phone: string;
  plate: string;
  hit: string;
  checkpoint: string;
  camera: string;
  hitPlace: string;
  controlSide: string;
  hitSide: string;
  category: string;
  grid: string;
  stage: string;
  due: string;
  overdue: string;
  overdueValue: string;
  reporter: string;
  place: string;
  foundBy: string;
  handledBy: string;
  handoff(n: number): string;
  sla: string;
  left: string;
  overdueBy: string;
  outcome: string;
  requested: string;
  responded: string;
  completed: string;
  requester: string;
  responder: string;
  patrolling: string;
  returned: string;
  unit: string;
  lastPosition: string;
  openEvents: string;
  gridWorkers: string;
  listSeparator: string;
  people(n: number): string;
  cases(n: number): string;
  items(n: number): string;
  minutes(n: number): string;
}

const zh: DetailWords = {
  kinds: { alert: '布控预警', gridEvent: '跨省网格事件', assistRequest: '跨省协查请求', drone: '无人机巡查', vehiclePatrol: '车辆巡逻', grid: '跨省网格' },
  stationKinds: {
    'police-station': '派出所',
    'police-office': '警务室',
    'border-workstation': '边界警务融治工作站',
    'joint-control-centre': '联合布控预警中心',
    'eco-police-office': '省际生态警务室',
    'shared-court': '共享法庭',
    checkpoint: '卡口/检查站',
  },
  alertStatuses: { new: '新预警', acknowledged: '已签收', dispatched: '已指派', intercepted: '已拦截', released: '已放行', closed: '已办结' },
  stages: { discover: '发现', analyze: '研判', command: '指令', handle: '处置', feedback: '反馈', closed: '归档' },
  checkpointStatuses: { open: '正常通行', intercepting: '拦截中', closed: '关闭' },
  assistStatuses: { open: '待回复', responded: '已接受 · 处置中', declined: '已拒绝', completed: '已完成' },
  outcomes: { intercepted: '已截获', located: '已查明', 'not-found': '未发现', withdrawn: '已撤回' },
  reporterRoles: { 'grid-worker': '网格员', resident: '群众', police: '民警', patrol: '巡查', sensor: '感知设备' },
  source: '数据来源',
  updated: '更新时间',
  updatedValue: (time, version) => `${time}（第 ${version} 版）`,
  location: '位置',
  officersOnDuty: '在岗警力',
  checkpointStatus: '卡口状态',
  interceptionsToday: '今日拦截',
  belongsTo: '所属',
  severity: '预警等级',
  severityValue: (level) => `${level} 级`,
  status: '状态',
  watchlist: '布控类别',
  subject: '对象',
  vehicle: '车辆',
  person: '人员',
  name: '姓名',
  idNumber: '身份证号',
  phone: '手机号',
  plate: '车牌',
  hit: '命中',
  checkpoint: '卡口',
  camera: '视频',
  hitPlace: '命中地点',
  controlSide: '布控方',
  hitSide: '命中方',
  category: '类别',
  grid: '网格',
  stage: '环节',
  due: '办结时限',
  overdue: '超期',
  overdueValue: '已超过办结时限',
  reporter: '上报人',
  place: '地点',
  foundBy: '发现方',
  handledBy: '当前处置方',
  handoff: (n) => `交办 ${n}`,
  sla: '时限',
  left: '剩余',
  overdueBy: '超时',
  outcome: '结果',
  requested: '发出请求',
  responded: '回复',
  completed: '完成',
  requester: '请求方',
  responder: '协查方',
  patrolling: '巡逻中',
  returned: '已返航',
  unit: '所属单位',
  lastPosition: '最近位置',
  openEvents: '在办事件',
  gridWorkers: '网格员',
  listSeparator: '、',
  people: (n) => `${n} 人`,
  cases: (n) => `${n} 起`,
  items: (n) => `${n} 件`,
  minutes: (n) => `${n} 分钟`,
};

const en: DetailWords = {
  kinds: { alert: 'Watchlist alert', gridEvent: 'Cross-province grid event', assistRequest: 'Assistance request', drone: 'Drone patrol', vehiclePatrol: 'Vehicle patrol', grid: 'Cross-province grid' },
  stationKinds: {
    'police-station': 'Police station',
    'police-office': 'Police office',
    'border-workstation': 'Joint border workstation',
    'joint-control-centre': 'Joint control centre',
    'eco-police-office': 'Eco-police office',
    'shared-court': 'Shared court',
    checkpoint: 'Checkpoint',
  },
  alertStatuses: { new: 'New', acknowledged: 'Acknowledged', dispatched: 'Dispatched', intercepted: 'Intercepted', released: 'Released', closed: 'Closed' },
  stages: { discover: 'Found', analyze: 'Analysed', command: 'Ordered', handle: 'Handled', feedback: 'Reported', closed: 'Closed' },
  checkpointStatuses: { open: 'Open', intercepting: 'Intercepting', closed: 'Closed' },
  assistStatuses: { open: 'Awaiting reply', responded: 'Accepted · in hand', declined: 'Declined', completed: 'Completed' },
  outcomes: { intercepted: 'Intercepted', located: 'Located', 'not-found': 'Not found', withdrawn: 'Withdrawn' },
  reporterRoles: { 'grid-worker': 'grid worker', resident: 'resident', police: 'police', patrol: 'patrol', sensor: 'sensor' },
  source: 'Source',
  updated: 'Updated',
  updatedValue: (time, version) => `${time} (version ${version})`,
  location: 'Location',
  officersOnDuty: 'Officers on duty',
  checkpointStatus: 'Checkpoint',
  interceptionsToday: 'Interceptions today',
  belongsTo: 'Side',
  severity: 'Severity',
  severityValue: (level) => `level ${level}`,
  status: 'Status',
  watchlist: 'Watchlist',
  subject: 'Subject',
  vehicle: 'Vehicle',
  person: 'Person',
  name: 'Name',
  idNumber: 'ID number',
  phone: 'Phone',
  plate: 'Plate',
  hit: 'Hit by',
  checkpoint: 'checkpoint',
  camera: 'camera',
  hitPlace: 'Hit at',
  controlSide: 'Control set by',
  hitSide: 'Hit in',
  category: 'Category',
  grid: 'Grid',
  stage: 'Stage',
  due: 'Due',
  overdue: 'Overdue',
  overdueValue: 'past its deadline',
  reporter: 'Reported by',
  place: 'Place',
  foundBy: 'Found by',
  handledBy: 'Handled by',
  handoff: (n) => `Handoff ${n}`,
  sla: 'SLA',
  left: 'Left',
  overdueBy: 'Overdue by',
  outcome: 'Outcome',
  requested: 'Requested',
  responded: 'Replied',
  completed: 'Completed',
  requester: 'Requested by',
  responder: 'Asked of',
  patrolling: 'On patrol',
  returned: 'Returned',
  unit: 'Unit',
  lastPosition: 'Last position',
  openEvents: 'Open events',
  gridWorkers: 'Grid workers',
  listSeparator: ', ',
  people: (n) => `${n}`,
  cases: (n) => `${n}`,
  items: (n) => `${n}`,
  minutes: (n) => `${n} min`,
};

export const DETAIL_WORDS: Record<'zh' | 'en', DetailWords> = { zh, en };
