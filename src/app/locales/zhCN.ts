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
    stations: '警务站点',
    waiting: '等待数据源接入',
  },
  legend: { context: '周边县区', border: '省界' },
  layers: {
    stations: '警务站点',
    checkpoints: '卡口检查站',
    alerts: '布控预警',
    gridEvents: '网格事件',
    assists: '跨省协查',
    grids: '跨省网格',
    patrols: '巡逻轨迹',
  },
  sceneErrors: {
    format: '{label}：{error}',
    globe: '三维场景无法启动',
    render: '三维场景渲染出错',
    basemap: '底图加载失败，已改用深色底图',
    region: '区域图层绘制超时',
  },
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
    thisYear: '{year}年',
    lastYear: '{year}年',
  },
};

export type Messages = typeof zhCN;
