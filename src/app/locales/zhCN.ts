/** The HUD's words in Chinese, the wall's default language. Plain text only: never HTML. */
export const zhCN = {
  app: { title: '平安边界 · 浙赣联防联控态势' },
  panels: {
    overview: '边界态势总览',
    kpi: '关键指标 · 同比',
    trend: '警情月度趋势',
    gridEvents: '跨省网格事件',
    alerts: '实时布控预警',
    assists: '跨省协查请求',
    ranking: '边界乡镇 · 待办排名',
    waiting: '等待数据源接入',
  },
  legend: { context: '周边县区', border: '省界' },
  sceneErrors: {
    format: '{label}：{error}',
    globe: '三维场景无法启动',
    render: '三维场景渲染出错',
    basemap: '底图加载失败，已改用深色底图',
    region: '区域图层绘制超时',
  },
  ticker: { severity: '{level}级', sides: '{control}布控 · {hit}查获' },
  assists: { none: '暂无待响应协查', left: '剩余 {minutes} 分', overdue: '超时 {minutes} 分' },
  events: {
    loop: '闭环处置',
    overdue: '超期{count}',
    stages: { discover: '发现', analyze: '研判', command: '指令', handle: '处置', feedback: '反馈', closed: '归档' },
  },
  freshness: { never: '未连接', ago: '{seconds} 秒前更新' },
  notices: {
    regionFailed: '区域数据加载失败：{error}',
    configProblems: '配置有误，已使用默认值：{problems}',
  },
  kpi: {
    yearOnYear: '同比',
    noComparison: '无可比数据',
    months: '对比 {count} 个月',
    definition: '口径',
    source: '来源',
    close: '关闭',
    trend: '月度趋势',
    bySide: '浙赣两侧',
    thisYear: '{year}年',
    lastYear: '{year}年',
  },
};

export type Messages = typeof zhCN;
