/**
 * The grid-event taxonomy: 11 major categories and 79 subcategories of the high-frequency items
 * cross-province grid workers report (the Changshan–Yushan grids patrol "治危拆违等11大类、
 * 水体污染等79个小类"). The category names follow the reports; the subcategory list is ours,
 * written for the simulator and the panels, and a deployment can map its own codes onto it.
 */
export interface GridEventCategory {
  id: string;
  zh: string;
  en: string;
  subcategories: readonly { zh: string; en: string }[];
}

const sub = (zh: string, en: string) => ({ zh, en });

export const GRID_EVENT_CATEGORIES = [
  {
    id: 'hazardous-building',
    zh: '治危拆违',
    en: 'Unsafe and illegal buildings',
    subcategories: [
      sub('危旧房屋', 'Dilapidated house'),
      sub('违法建筑', 'Illegal construction'),
      sub('违法用地', 'Illegal land use'),
      sub('违规搭建', 'Unauthorised structure'),
      sub('危险边坡', 'Unstable slope'),
      sub('废弃矿山', 'Abandoned mine'),
      sub('违规采砂', 'Illegal sand dredging'),
    ],
  },
  {
    id: 'water-pollution',
    zh: '水体污染',
    en: 'Water pollution',
    subcategories: [
      sub('河道漂浮物', 'Floating debris'),
      sub('污水直排', 'Untreated discharge'),
      sub('养殖污染', 'Livestock effluent'),
      sub('工业废水', 'Industrial wastewater'),
      sub('饮用水源污染', 'Drinking-water source'),
      sub('河道淤堵', 'Blocked channel'),
      sub('水体异色异味', 'Discoloured or smelling water'),
    ],
  },
  {
    id: 'dispute',
    zh: '矛盾纠纷',
    en: 'Disputes',
    subcategories: [
      sub('山林权属纠纷', 'Forest ownership'),
      sub('土地边界纠纷', 'Land boundary'),
      sub('婚姻家庭纠纷', 'Marriage and family'),
      sub('邻里纠纷', 'Neighbours'),
      sub('劳资纠纷', 'Wages'),
      sub('涉企纠纷', 'Enterprise-related'),
      sub('合同经济纠纷', 'Contracts and debts'),
      sub('交通事故纠纷', 'Traffic accident'),
    ],
  },
  {
    id: 'safety-hazard',
    zh: '安全隐患',
    en: 'Safety hazards',
    subcategories: [
      sub('燃气安全', 'Gas safety'),
      sub('用电安全', 'Electrical safety'),
      sub('电动车违规充电', 'E-bike charging'),
      sub('危险化学品', 'Hazardous chemicals'),
      sub('特种设备', 'Special equipment'),
      sub('建筑施工', 'Construction site'),
      sub('校园周边', 'Around schools'),
      sub('群租房', 'Overcrowded rentals'),
    ],
  },
  {
    id: 'ecology',
    zh: '生态环境',
    en: 'Ecology',
    subcategories: [
      sub('非法采伐', 'Illegal logging'),
      sub('非法狩猎', 'Illegal hunting'),
      sub('毒品原植物种植', 'Drug-plant cultivation'),
      sub('危废倾倒', 'Hazardous-waste dumping'),
      sub('露天焚烧', 'Open burning'),
      sub('野生动物保护', 'Wildlife protection'),
      sub('森林防火', 'Forest fire prevention'),
    ],
  },
  {
    id: 'fire-safety',
    zh: '消防安全',
    en: 'Fire safety',
    subcategories: [
      sub('消防通道堵塞', 'Blocked fire lane'),
      sub('消防设施缺损', 'Damaged fire equipment'),
      sub('火灾隐患', 'Fire risk'),
      sub('野外用火', 'Outdoor fire'),
      sub('高层建筑消防', 'High-rise fire safety'),
      sub('九小场所', 'Small premises'),
      sub('仓储消防', 'Warehouse fire safety'),
    ],
  },
  {
    id: 'road-traffic',
    zh: '道路交通',
    en: 'Road traffic',
    subcategories: [
      sub('交通设施损坏', 'Damaged road furniture'),
      sub('非法营运', 'Unlicensed transport'),
      sub('超限超载', 'Overloading'),
      sub('道路积水', 'Flooded road'),
      sub('道路塌陷', 'Road collapse'),
      sub('乱停乱放', 'Illegal parking'),
      sub('交通事故', 'Traffic accident'),
    ],
  },
  {
    id: 'city-appearance',
    zh: '市容环境',
    en: 'Public environment',
    subcategories: [
      sub('垃圾堆放', 'Rubbish dumping'),
      sub('占道经营', 'Street obstruction'),
      sub('乱贴乱画', 'Fly-posting and graffiti'),
      sub('噪声扰民', 'Noise'),
      sub('户外广告', 'Outdoor advertising'),
      sub('油烟污染', 'Cooking fumes'),
      sub('犬只管理', 'Dogs'),
    ],
  },
  {
    id: 'public-facilities',
    zh: '公共设施',
    en: 'Public facilities',
    subcategories: [
      sub('路灯损坏', 'Street light'),
      sub('井盖缺失', 'Missing manhole cover'),
      sub('供水设施', 'Water supply'),
      sub('通信设施', 'Telecoms'),
      sub('监控设施损坏', 'Damaged camera'),
      sub('公共厕所', 'Public toilet'),
      sub('健身器材', 'Fitness equipment'),
    ],
  },
  {
    id: 'food-drug',
    zh: '食品药品',
    en: 'Food and drugs',
    subcategories: [
      sub('无证经营', 'Unlicensed trading'),
      sub('过期食品', 'Expired food'),
      sub('农村家宴', 'Village banquet'),
      sub('假冒伪劣', 'Counterfeit goods'),
      sub('药品违规销售', 'Illegal drug sales'),
      sub('校园食品安全', 'School food safety'),
      sub('农药残留', 'Pesticide residue'),
    ],
  },
  {
    id: 'public-order',
    zh: '社会治安',
    en: 'Public order',
    subcategories: [
      sub('可疑人员', 'Suspicious person'),
      sub('可疑车辆', 'Suspicious vehicle'),
      sub('盗窃', 'Theft'),
      sub('赌博', 'Gambling'),
      sub('诈骗线索', 'Fraud lead'),
      sub('打架斗殴', 'Fighting'),
      sub('流动人口管理', 'Floating population'),
    ],
  },
] as const satisfies readonly GridEventCategory[];

export type GridEventCategoryId = (typeof GRID_EVENT_CATEGORIES)[number]['id'];
export const GRID_EVENT_CATEGORY_IDS = GRID_EVENT_CATEGORIES.map((c) => c.id) as [GridEventCategoryId, ...GridEventCategoryId[]];

/** Subcategory codes are `<category>.<n>`, n counting from 1: `dispute.2` is 土地边界纠纷. */
export const GRID_EVENT_SUBCATEGORY_CODES: ReadonlySet<string> = new Set(
  GRID_EVENT_CATEGORIES.flatMap((category) => category.subcategories.map((_, index) => `${category.id}.${index + 1}`)),
);

export function subcategoryLabel(code: string): { zh: string; en: string } | undefined {
  const [categoryId, number] = code.split('.');
  const category = GRID_EVENT_CATEGORIES.find((c) => c.id === categoryId);
  return category?.subcategories[Number(number) - 1];
}
