/**
 * Reference data for demo declarations: real HS subheadings with English and
 * Chinese descriptions, typical origins and value per kilogram, traders (some
 * AEO-certified), offices with their ports, and container owner prefixes.
 */
export interface Commodity {
  hs: string;
  en: string;
  zh: string;
  origins: readonly string[];
  /** Customs value per kg in USD, low and high. */
  usdPerKg: readonly [number, number];
  perishable: boolean;
}

export const COMMODITIES: readonly Commodity[] = [
  {
    hs: '030617',
    en: 'Frozen shrimps and prawns',
    zh: '冻虾',
    origins: ['VN', 'TH', 'EC', 'IN'],
    usdPerKg: [6, 14],
    perishable: true,
  },
  {
    hs: '030214',
    en: 'Fresh Atlantic salmon',
    zh: '鲜大西洋鲑鱼',
    origins: ['NO', 'CL', 'GB'],
    usdPerKg: [8, 16],
    perishable: true,
  },
  {
    hs: '030743',
    en: 'Frozen cuttlefish and squid',
    zh: '冻墨鱼及鱿鱼',
    origins: ['PE', 'AR', 'CN'],
    usdPerKg: [2, 6],
    perishable: true,
  },
  { hs: '070200', en: 'Fresh tomatoes', zh: '鲜番茄', origins: ['ES', 'MA', 'NL'], usdPerKg: [0.8, 2], perishable: true },
  { hs: '070960', en: 'Fresh peppers', zh: '鲜辣椒', origins: ['ES', 'NL', 'MX'], usdPerKg: [1, 3], perishable: true },
  { hs: '080300', en: 'Fresh bananas', zh: '鲜香蕉', origins: ['EC', 'PH', 'CR'], usdPerKg: [0.5, 1.2], perishable: true },
  { hs: '080510', en: 'Fresh oranges', zh: '鲜橙', origins: ['ZA', 'EG', 'US', 'ES'], usdPerKg: [0.7, 1.6], perishable: true },
  { hs: '080610', en: 'Fresh grapes', zh: '鲜葡萄', origins: ['CL', 'PE', 'ZA', 'AU'], usdPerKg: [1.5, 4], perishable: true },
  { hs: '081010', en: 'Fresh strawberries', zh: '鲜草莓', origins: ['US', 'EG', 'ES'], usdPerKg: [3, 7], perishable: true },
  { hs: '081090', en: 'Fresh durians', zh: '鲜榴莲', origins: ['TH', 'MY', 'VN'], usdPerKg: [4, 9], perishable: true },
  { hs: '090121', en: 'Roasted coffee', zh: '焙炒咖啡', origins: ['BR', 'CO', 'IT', 'ET'], usdPerKg: [8, 20], perishable: false },
  {
    hs: '220421',
    en: 'Wine in containers of 2 l or less',
    zh: '小包装葡萄酒',
    origins: ['FR', 'AU', 'CL', 'IT'],
    usdPerKg: [4, 30],
    perishable: false,
  },
  {
    hs: '392690',
    en: 'Other articles of plastics',
    zh: '其他塑料制品',
    origins: ['CN', 'VN', 'DE'],
    usdPerKg: [2, 8],
    perishable: false,
  },
  {
    hs: '401110',
    en: 'New pneumatic tyres for motor cars',
    zh: '新的汽车用充气轮胎',
    origins: ['CN', 'TH', 'JP'],
    usdPerKg: [3, 6],
    perishable: false,
  },
  {
    hs: '610910',
    en: 'Cotton T-shirts, knitted',
    zh: '棉制针织T恤衫',
    origins: ['BD', 'VN', 'CN', 'KH'],
    usdPerKg: [8, 25],
    perishable: false,
  },
  {
    hs: '640399',
    en: 'Footwear with leather uppers',
    zh: '皮革鞋面的鞋靴',
    origins: ['VN', 'IT', 'CN'],
    usdPerKg: [20, 80],
    perishable: false,
  },
  {
    hs: '720839',
    en: 'Hot-rolled flat steel, under 3 mm',
    zh: '热轧钢板（厚度小于3毫米）',
    origins: ['KR', 'JP', 'IN'],
    usdPerKg: [0.5, 1],
    perishable: false,
  },
  {
    hs: '847130',
    en: 'Portable computers (laptops)',
    zh: '便携式电脑',
    origins: ['CN', 'TW', 'VN'],
    usdPerKg: [150, 400],
    perishable: false,
  },
  {
    hs: '850760',
    en: 'Lithium-ion accumulators',
    zh: '锂离子蓄电池',
    origins: ['CN', 'KR', 'JP'],
    usdPerKg: [20, 60],
    perishable: false,
  },
  {
    hs: '851762',
    en: 'Network switches and routers',
    zh: '网络交换机及路由器',
    origins: ['CN', 'US', 'MY'],
    usdPerKg: [80, 300],
    perishable: false,
  },
  { hs: '854143', en: 'Photovoltaic modules', zh: '光伏组件', origins: ['CN', 'VN', 'MY'], usdPerKg: [3, 8], perishable: false },
  {
    hs: '870380',
    en: 'Electric passenger cars',
    zh: '纯电动乘用车',
    origins: ['CN', 'DE', 'US'],
    usdPerKg: [15, 40],
    perishable: false,
  },
  {
    hs: '940161',
    en: 'Upholstered wooden seats',
    zh: '带软垫的木框架坐具',
    origins: ['CN', 'VN', 'PL'],
    usdPerKg: [5, 15],
    perishable: false,
  },
  {
    hs: '950300',
    en: 'Toys and scale models',
    zh: '玩具及模型',
    origins: ['CN', 'VN', 'DK'],
    usdPerKg: [6, 20],
    perishable: false,
  },
];

export interface Trader {
  id: string;
  name: string;
  country: string;
  aeo: boolean;
}

export const DECLARANTS: readonly Trader[] = [
  { id: 'CN4403960001', name: '深圳前海报关有限公司 Qianhai Customs Brokerage', country: 'CN', aeo: true },
  { id: 'CN4403960002', name: 'Lok Ma Chau Logistics', country: 'CN', aeo: false },
  { id: 'CN3101960007', name: '上海外高桥报关行 Waigaoqiao Brokers', country: 'CN', aeo: true },
  { id: 'NL000123456', name: 'Rotterdam Clearance B.V.', country: 'NL', aeo: true },
  { id: 'DE4711000001', name: 'Hanse Zollagentur GmbH', country: 'DE', aeo: false },
  { id: 'CN4401960033', name: 'Nansha Express Declarations', country: 'CN', aeo: false },
];

export const IMPORTERS: readonly Trader[] = [
  { id: 'CN91440300MA5', name: 'Shenzhen Fresh Fruit Import Co.', country: 'CN', aeo: false },
  { id: 'CN91310115XY7', name: '上海进口商贸有限公司', country: 'CN', aeo: true },
  { id: 'CN91440101AB2', name: 'Guangzhou Devices Trading', country: 'CN', aeo: false },
  { id: 'NL812345678B01', name: 'Holland Food Import B.V.', country: 'NL', aeo: true },
  { id: 'DE123456789', name: 'Rheinland Technik GmbH', country: 'DE', aeo: false },
];

export const EXPORTERS: readonly Omit<Trader, 'aeo'>[] = [
  { id: 'CL76543210', name: 'Frutas del Sur S.A.', country: 'CL' },
  { id: 'VN0301234567', name: 'Mekong Seafood JSC', country: 'VN' },
  { id: 'TH0105551234', name: 'Siam Durian Export', country: 'TH' },
  { id: 'US123456789', name: 'Pacific Tech Exports Inc.', country: 'US' },
  { id: 'DE987654321', name: 'Bayern Maschinen AG', country: 'DE' },
  { id: 'HK55512345', name: 'Kowloon Electronics Ltd', country: 'HK' },
  { id: 'NO998877665', name: 'Nordic Salmon AS', country: 'NO' },
  { id: 'BD1234567890', name: 'Dhaka Knitwear Ltd', country: 'BD' },
];

export interface Office {
  code: string;
  port: string;
  /** Land border office: most traffic is road. */
  land: boolean;
}

export const OFFICES: readonly Office[] = [
  { code: 'CNSZX001', port: 'CNYTN', land: false },
  { code: 'CNSZX002', port: 'CNSZX', land: true },
  { code: 'CNSHA001', port: 'CNSHA', land: false },
  { code: 'CNNSA001', port: 'CNNSA', land: false },
  { code: 'NL000396', port: 'NLRTM', land: false },
  { code: 'CNPXG001', port: 'CNPXG', land: true },
];

export const LOADING_PORTS: readonly string[] = [
  'CLVAP',
  'VNSGN',
  'THLCH',
  'USLAX',
  'DEHAM',
  'SGSIN',
  'KRPUS',
  'NOOSL',
  'BDCGP',
  'HKHKG',
  'ESALG',
  'BRSSZ',
];

/** Real BIC owner prefixes (MSC, Maersk, CMA CGM, COSCO, OOCL, Evergreen, Hapag-Lloyd, Triton). */
export const CONTAINER_OWNERS: readonly string[] = ['MSCU', 'MAEU', 'MSKU', 'CMAU', 'COSU', 'OOLU', 'EGHU', 'HLXU', 'TGHU'];

export const VESSELS: readonly { imo: string; name: string; flag: string }[] = [
  { imo: '9387421', name: 'MSC ANNA', flag: 'PA' },
  { imo: '9778791', name: 'MAERSK HANGZHOU', flag: 'DK' },
  { imo: '9795610', name: 'COSCO SHIPPING UNIVERSE', flag: 'HK' },
  { imo: '9454448', name: 'CMA CGM MARCO POLO', flag: 'GB' },
  { imo: '9776171', name: 'OOCL HONG KONG', flag: 'HK' },
];

export const CHINESE_PLATE_PREFIXES: readonly string[] = ['粤B', '粤A', '粤Z', '沪A', '浙B', '苏E', '闽D', '桂A'];
