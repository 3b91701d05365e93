import type { Messages } from './zhCN';

/** The HUD's words in English, complete: every key of the Chinese messages. */
export const en: Messages = {
  app: { title: 'Safe Border · Zhejiang–Jiangxi Joint Policing' },
  panels: {
    overview: 'Border overview',
    kpi: 'Key indicators · year on year',
    trend: 'Incidents by month',
    gridEvents: 'Cross-province grid events',
    alerts: 'Live watchlist alerts',
    assists: 'Assistance requests',
    ranking: 'Border towns · open items',
    waiting: 'Waiting for a data source',
  },
  legend: { context: 'Neighbouring counties', border: 'Provincial border' },
  sceneErrors: {
    format: '{label}: {error}',
    globe: 'The 3D scene could not start',
    render: 'The 3D scene failed to render',
    basemap: 'The base map failed to load; the dark base map is used instead',
    region: 'Drawing the region timed out',
  },
  ticker: { severity: 'L{level}', sides: 'set by {control} · hit in {hit}' },
  assists: { none: 'No request awaiting a response', left: '{minutes} min left', overdue: '{minutes} min overdue' },
  events: {
    loop: 'Closed loop',
    overdue: '{count} late',
    stages: { discover: 'Found', analyze: 'Analysed', command: 'Ordered', handle: 'Handled', feedback: 'Reported', closed: 'Closed' },
  },
  freshness: { never: 'not connected', ago: 'updated {seconds} s ago' },
  notices: {
    regionFailed: 'The region failed to load: {error}',
    configProblems: 'Configuration problems, defaults used: {problems}',
  },
  kpi: {
    yearOnYear: 'YoY',
    noComparison: 'nothing to compare',
    months: '{count} months compared',
    definition: 'Definition',
    source: 'Source',
    close: 'Close',
    trend: 'Monthly trend',
    bySide: 'both sides',
    thisYear: '{year}',
    lastYear: '{year}',
  },
};
