/**
 * Word lists of the demo world. Brand names are invented; any likeness to a real brand is accidental.
 */
import { MARKETPLACE_CODES, type MarketplaceCode, type RejectionCode } from '@jf/domain';

/** Every marketplace code of the domain (the type checker insists), with its currency and share of sellers. */
const MARKETPLACE_DETAILS: Record<MarketplaceCode, { name: string; currency: string; weight: number }> = {
  taobao: { name: 'Taobao', currency: 'CNY', weight: 34 },
  tmall: { name: 'Tmall', currency: 'CNY', weight: 14 },
  aliexpress: { name: 'AliExpress', currency: 'USD', weight: 24 },
  '1688': { name: '1688', currency: 'CNY', weight: 16 },
  alibaba: { name: 'Alibaba.com', currency: 'USD', weight: 12 },
};

export const MARKETPLACES: readonly {
  code: MarketplaceCode;
  name: string;
  currency: string;
  weight: number;
}[] = MARKETPLACE_CODES.map((code) => ({ code, ...MARKETPLACE_DETAILS[code] }));

/** CNY per USD, fixed so prices are comparable with MSRPs (which are in USD). */
export const CNY_PER_USD = 7.2;

export interface CategoryItem {
  en: string;
  zh: string;
  /** MSRP range in US dollars. */
  msrp: readonly [number, number];
}

export interface BrandCategory {
  /** The listing category. */
  code: string;
  /** Nice classes of the brand's trademarks. */
  classes: readonly string[];
  items: readonly CategoryItem[];
}

export const BRAND_CATEGORIES: Record<string, BrandCategory> = {
  handbags: {
    code: 'handbags',
    classes: ['18'],
    items: [
      { en: 'Leather Tote', zh: '真皮托特包', msrp: [380, 2400] },
      { en: 'Crossbody Bag', zh: '斜挎包', msrp: [260, 1500] },
      { en: 'Shoulder Bag', zh: '单肩包', msrp: [320, 2100] },
      { en: 'Bifold Wallet', zh: '短款钱包', msrp: [120, 520] },
      { en: 'Leather Backpack', zh: '双肩包', msrp: [290, 1400] },
    ],
  },
  footwear: {
    code: 'footwear',
    classes: ['25'],
    items: [
      { en: 'Running Shoe', zh: '跑鞋', msrp: [90, 220] },
      { en: 'Sneaker', zh: '运动鞋', msrp: [80, 260] },
      { en: 'Leather Boot', zh: '皮靴', msrp: [160, 480] },
      { en: 'Slide Sandal', zh: '凉拖鞋', msrp: [40, 120] },
    ],
  },
  watches: {
    code: 'watches',
    classes: ['14'],
    items: [
      { en: 'Chronograph Watch', zh: '计时腕表', msrp: [450, 6800] },
      { en: 'Automatic Watch', zh: '自动机械表', msrp: [600, 9500] },
      { en: 'Diver Watch', zh: '潜水表', msrp: [520, 7200] },
      { en: 'Smart Watch', zh: '智能手表', msrp: [180, 650] },
    ],
  },
  audio: {
    code: 'audio',
    classes: ['9'],
    items: [
      { en: 'Wireless Earbuds', zh: '无线蓝牙耳机', msrp: [90, 280] },
      { en: 'Noise-Cancelling Headphones', zh: '降噪耳机', msrp: [180, 450] },
      { en: 'Bluetooth Speaker', zh: '蓝牙音箱', msrp: [60, 400] },
    ],
  },
  mobile_accessories: {
    code: 'mobile_accessories',
    classes: ['9'],
    items: [
      { en: 'Power Bank', zh: '充电宝', msrp: [35, 120] },
      { en: 'Phone Case', zh: '手机壳', msrp: [25, 70] },
      { en: 'Fast Charger', zh: '快充充电器', msrp: [20, 60] },
      { en: 'Charging Cable', zh: '数据线', msrp: [15, 40] },
    ],
  },
  beauty: {
    code: 'beauty',
    classes: ['3'],
    items: [
      { en: 'Lipstick', zh: '口红', msrp: [28, 55] },
      { en: 'Eau de Parfum', zh: '香水', msrp: [85, 260] },
      { en: 'Repair Serum', zh: '精华液', msrp: [60, 210] },
      { en: 'Liquid Foundation', zh: '粉底液', msrp: [38, 75] },
      { en: 'Eyeshadow Palette', zh: '眼影盘', msrp: [45, 90] },
    ],
  },
  toys: {
    code: 'toys',
    classes: ['28'],
    items: [
      { en: 'Building Blocks Set', zh: '积木套装', msrp: [40, 380] },
      { en: 'Collectible Figure', zh: '手办', msrp: [25, 180] },
      { en: 'Plush Toy', zh: '毛绒玩具', msrp: [18, 60] },
      { en: 'RC Car', zh: '遥控车', msrp: [45, 220] },
    ],
  },
  sportswear: {
    code: 'sportswear',
    classes: ['25', '28'],
    items: [
      { en: 'Training Jacket', zh: '训练夹克', msrp: [70, 180] },
      { en: 'Yoga Leggings', zh: '瑜伽裤', msrp: [60, 130] },
      { en: 'Football Jersey', zh: '足球球衣', msrp: [80, 160] },
      { en: 'Sports Bra', zh: '运动文胸', msrp: [40, 90] },
    ],
  },
  outdoor: {
    code: 'outdoor',
    classes: ['22', '25'],
    items: [
      { en: 'Down Jacket', zh: '羽绒服', msrp: [220, 900] },
      { en: 'Hiking Boot', zh: '登山鞋', msrp: [150, 320] },
      { en: 'Rain Shell', zh: '冲锋衣', msrp: [180, 650] },
      { en: 'Trekking Tent', zh: '露营帐篷', msrp: [250, 780] },
      { en: 'Fleece Pullover', zh: '抓绒衣', msrp: [90, 190] },
    ],
  },
  apparel: {
    code: 'apparel',
    classes: ['25'],
    items: [
      { en: 'Polo Shirt', zh: 'POLO衫', msrp: [70, 190] },
      { en: 'Cashmere Sweater', zh: '羊绒衫', msrp: [260, 1100] },
      { en: 'Denim Jacket', zh: '牛仔夹克', msrp: [120, 420] },
      { en: 'Silk Scarf', zh: '真丝围巾', msrp: [150, 520] },
      { en: 'Logo T-Shirt', zh: 'T恤', msrp: [45, 160] },
    ],
  },
  jewelry: {
    code: 'jewelry',
    classes: ['14'],
    items: [
      { en: 'Pendant Necklace', zh: '吊坠项链', msrp: [180, 3200] },
      { en: 'Charm Bracelet', zh: '手链', msrp: [120, 1800] },
      { en: 'Signet Ring', zh: '戒指', msrp: [150, 2600] },
      { en: 'Drop Earrings', zh: '耳环', msrp: [110, 1500] },
    ],
  },
  eyewear: {
    code: 'eyewear',
    classes: ['9'],
    items: [
      { en: 'Aviator Sunglasses', zh: '飞行员太阳镜', msrp: [150, 420] },
      { en: 'Optical Frames', zh: '近视眼镜框', msrp: [180, 480] },
      { en: 'Sport Goggles', zh: '运动护目镜', msrp: [90, 240] },
    ],
  },
  home_appliances: {
    code: 'home_appliances',
    classes: ['7', '11'],
    items: [
      { en: 'Hair Dryer', zh: '吹风机', msrp: [120, 480] },
      { en: 'Robot Vacuum', zh: '扫地机器人', msrp: [250, 1100] },
      { en: 'Air Purifier', zh: '空气净化器', msrp: [180, 750] },
      { en: 'High-Speed Blender', zh: '破壁机', msrp: [90, 420] },
      { en: 'Espresso Machine', zh: '咖啡机', msrp: [280, 1600] },
    ],
  },
};

export interface BrandSeed {
  name: string;
  zh: string;
  category: keyof typeof BRAND_CATEGORIES;
}

/** The two demo brands come first; the others are drawn from the rest by the seed. */
export const BRAND_POOL: readonly BrandSeed[] = [
  { name: 'Aurelia', zh: '奥蕾莉亚', category: 'handbags' },
  { name: 'Northpeak', zh: '北峰', category: 'outdoor' },
  { name: 'Veloria', zh: '薇洛莉雅', category: 'beauty' },
  { name: 'Brindlewood', zh: '布林德伍德', category: 'footwear' },
  { name: 'Caldera Outfitters', zh: '卡尔德拉', category: 'outdoor' },
  { name: 'Dunmore & Finch', zh: '邓莫尔芬奇', category: 'apparel' },
  { name: 'Elowen', zh: '艾洛文', category: 'jewelry' },
  { name: 'Fenwyck', zh: '芬威克', category: 'watches' },
  { name: 'Halvard Audio', zh: '哈尔瓦德', category: 'audio' },
  { name: 'Isolde Paris', zh: '伊索尔德', category: 'beauty' },
  { name: 'Jasperline', zh: '贾斯珀林', category: 'eyewear' },
  { name: 'Kivra', zh: '基芙拉', category: 'toys' },
  { name: 'Lunaforge', zh: '月铸', category: 'mobile_accessories' },
  { name: 'Marlowe Kent', zh: '马洛肯特', category: 'apparel' },
  { name: 'Nordvik Home', zh: '诺德维克', category: 'home_appliances' },
  { name: 'Oriel Gold', zh: '奥瑞尔金', category: 'jewelry' },
  { name: 'Pellucid Optics', zh: '澄澈光学', category: 'eyewear' },
  { name: 'Quenby', zh: '昆比', category: 'handbags' },
  { name: 'Rivenna', zh: '瑞文娜', category: 'footwear' },
  { name: 'Solvanta', zh: '索尔万塔', category: 'sportswear' },
  { name: 'Tamsin Lake', zh: '塔姆辛湖', category: 'handbags' },
  { name: 'Ulvang Sport', zh: '乌尔旺', category: 'sportswear' },
  { name: 'Varenne Horlogerie', zh: '瓦雷纳', category: 'watches' },
  { name: 'Wrenfield', zh: '雷恩菲尔德', category: 'apparel' },
  { name: 'Xandera', zh: '桑德拉', category: 'beauty' },
  { name: 'Yarrowby', zh: '亚罗比', category: 'toys' },
  { name: 'Zephyrine', zh: '泽菲琳', category: 'apparel' },
  { name: 'Ambrose Tate', zh: '安布罗斯泰特', category: 'footwear' },
  { name: 'Blackfen Audio', zh: '黑沼音频', category: 'audio' },
  { name: 'Corvanne', zh: '科尔万', category: 'mobile_accessories' },
  { name: 'Delacourt', zh: '德拉库尔', category: 'watches' },
  { name: 'Emberly Kids', zh: '恩伯利', category: 'toys' },
  { name: 'Fjordline', zh: '峡湾线', category: 'outdoor' },
  { name: 'Greywell', zh: '格雷威尔', category: 'home_appliances' },
  { name: 'Harrowgate Leather', zh: '哈罗盖特', category: 'handbags' },
  { name: 'Iridessa', zh: '伊瑞黛莎', category: 'beauty' },
  { name: 'Juniper Vale', zh: '杜松谷', category: 'apparel' },
  { name: 'Kestrelle', zh: '凯斯特尔', category: 'eyewear' },
  { name: 'Lindqvist', zh: '林德奎斯特', category: 'home_appliances' },
  { name: 'Moravec Cycles', zh: '莫拉维克', category: 'sportswear' },
];

export const PRODUCT_MODELS = [
  'Serene',
  'Atlas',
  'Nova',
  'Luma',
  'Vesper',
  'Orbit',
  'Cascade',
  'Ember',
  'Halo',
  'Summit',
  'Drift',
  'Aria',
  'Terra',
  'Pulse',
  'Zenith',
  'Meridian',
  'Sable',
  'Solstice',
  'Riviera',
  'Monarch',
  'Alto',
  'Borealis',
  'Cirrus',
] as const;

/** {B} brand, {Z} brand in Chinese, {M} model, {I} item, {IZ} item in Chinese. */
export const COUNTERFEIT_TITLES = [
  '{B} {M} {I} replica 1:1 AAA quality',
  'High copy {B} {I} {M} mirror quality',
  'AAA+ {B} style {I} 1:1 original packaging',
  '{B} {I} factory outlet top quality wholesale',
  'Super copy {B} {M} {I} best version',
  '高仿{Z} {IZ} 1:1 原单品质',
  '{Z}{IZ} 复刻版 顶级品质 {M}',
  '原单 {B} {M} {IZ} 高仿 AAA',
  '{B}同款 {IZ} 工厂直销 复刻',
  'A货 {Z} {IZ} 精仿 专柜品质',
  '{B} {M} {I} 1:1 高仿 with box',
] as const;

/** Counterfeits that avoid the tell-tale words: only the price and the seller give them away. */
export const SUBTLE_COUNTERFEIT_TITLES = [
  '{B} {M} {I} new with tags',
  '{B} {I} {M} clearance sale',
  '{Z} {M} {IZ} 清仓特价',
  '{B} {IZ} 海外代购',
] as const;

export const GENUINE_TITLES = [
  '{B} {M} {I} - official store',
  '{Z}官方旗舰店 {M} {IZ} 正品',
  'Authentic {B} {I} {M} with receipt',
  '{B} {M} {I}, authorised retailer, new',
  '专柜正品 {Z} {IZ} 全国联保',
] as const;

export const GENERIC_ITEMS_ZH: readonly { zh: string; category: string; price: readonly [number, number] }[] =
  [
    { zh: '纯棉T恤', category: 'apparel', price: [5, 25] },
    { zh: '保温杯', category: 'home', price: [6, 30] },
    { zh: '数据线', category: 'mobile_accessories', price: [1, 6] },
    { zh: '手机支架', category: 'mobile_accessories', price: [2, 10] },
    { zh: '收纳盒', category: 'home', price: [3, 15] },
    { zh: '拖鞋', category: 'footwear', price: [3, 12] },
    { zh: '折叠雨伞', category: 'home', price: [4, 18] },
    { zh: 'LED台灯', category: 'home', price: [8, 40] },
    { zh: '瑜伽垫', category: 'sportswear', price: [6, 30] },
    { zh: '纯棉毛巾', category: 'home', price: [2, 9] },
    { zh: '帆布包', category: 'handbags', price: [4, 20] },
    { zh: '儿童积木', category: 'toys', price: [5, 35] },
    { zh: '运动袜', category: 'sportswear', price: [1, 6] },
    { zh: '不粘锅', category: 'kitchen', price: [10, 60] },
    { zh: '中性笔', category: 'stationery', price: [1, 5] },
    { zh: '猫抓板', category: 'pet_supplies', price: [3, 15] },
    { zh: '狗粮碗', category: 'pet_supplies', price: [2, 10] },
    { zh: '手账本', category: 'stationery', price: [2, 12] },
    { zh: '蓝牙耳机', category: 'audio', price: [6, 30] },
    { zh: '太阳镜', category: 'eyewear', price: [3, 20] },
  ];
export const GENERIC_PREFIXES_ZH = [
  '新款',
  '2025新款',
  '热卖',
  '包邮',
  '爆款',
  'ins风',
  '简约',
  '韩版',
  '日系',
] as const;
export const GENERIC_SUFFIXES_ZH = [
  '男女同款',
  '大容量',
  '厂家直销',
  '多色可选',
  '现货速发',
  '送礼佳品',
  '批发',
] as const;
export const GENERIC_CATEGORIES_EN = [
  'home',
  'kitchen',
  'stationery',
  'pet_supplies',
  'apparel',
  'toys',
  'outdoor',
] as const;

export const SELLER_CITIES = [
  ['深圳', 'Shenzhen'],
  ['广州', 'Guangzhou'],
  ['义乌', 'Yiwu'],
  ['杭州', 'Hangzhou'],
  ['东莞', 'Dongguan'],
  ['莆田', 'Putian'],
  ['温州', 'Wenzhou'],
  ['泉州', 'Quanzhou'],
  ['上海', 'Shanghai'],
  ['宁波', 'Ningbo'],
] as const;
export const SELLER_WORDS = [
  ['鑫源', 'Xinyuan'],
  ['华盛', 'Huasheng'],
  ['恒达', 'Hengda'],
  ['宏图', 'Hongtu'],
  ['金辉', 'Jinhui'],
  ['优品', 'Youpin'],
  ['星辰', 'Xingchen'],
  ['乐购', 'Legou'],
  ['瑞丰', 'Ruifeng'],
  ['佳美', 'Jiamei'],
  ['东方', 'Dongfang'],
  ['顺发', 'Shunfa'],
  ['天成', 'Tiancheng'],
  ['聚宝', 'Jubao'],
  ['诚信', 'Chengxin'],
  ['永盛', 'Yongsheng'],
  ['锦绣', 'Jinxiu'],
  ['博远', 'Boyuan'],
] as const;
export const SELLER_SHOP_TYPES_ZH = [
  '小店',
  '精品店',
  '贸易有限公司',
  '服饰店',
  '数码专营店',
  '百货店',
  '工厂店',
] as const;
export const SELLER_SHOP_TYPES_EN = [
  'Trading Co., Ltd.',
  'Store',
  'Official Store',
  'Global Store',
  'Factory Store',
  'Supply Chain Co.',
] as const;

export const NOTICE_EVIDENCE = [
  'Test purchase inspected by our authentication team: stitching, hardware engraving and serial number do not match genuine goods.',
  'Listing images reuse our copyrighted campaign photography; the price is far below our minimum advertised price.',
  'Seller is not in our authorised distribution network; logo placement and packaging differ from genuine products.',
  'Product uses our registered trademark on goods we never manufactured; see side-by-side comparison attached.',
  'Customer complaints traced to this seller; counterfeit confirmed by product code lookup.',
] as const;

export const REJECTION_MESSAGES: Record<RejectionCode, string> = {
  insufficient_evidence:
    'The evidence does not show how this listing infringes: please attach a test-buy report or a side-by-side comparison.',
  right_not_applicable:
    'The cited right does not cover this product category; cite a right registered for these goods.',
  listing_not_infringing:
    'The listing sells a different product and does not use your mark; no infringement found.',
  authorised_seller: 'The seller showed invoices from your authorised distributor; the goods appear genuine.',
  duplicate: 'This listing was already removed under an earlier action.',
  other: 'We could not verify the claim; please contact your account manager.',
};

export const INFO_REQUESTS = [
  'Please attach the test-buy order number and photos of the received item.',
  'Which of your products does this listing copy? Please add the product reference.',
  'The cited registration does not list this class of goods; can you cite another right?',
] as const;
export const INFO_RESPONSES = [
  'Test-buy report attached (order and photos).',
  'It copies our product; comparison photos attached.',
  'Updated the notice to cite our EU registration.',
] as const;

export const AUTH_COUNTERFEIT_REASONS = [
  'Logo font and spacing are wrong; the genuine item never shipped in this colour.',
  'Serial number format is invalid and the packaging is not ours.',
  'Price is a fraction of MSRP and the seller is not an authorised distributor.',
  'Hardware engraving differs from the genuine product; confirmed counterfeit.',
] as const;
export const AUTH_GENUINE_REASONS = [
  'Authorised reseller; the goods come from our distributor.',
  'Genuine item from a past season, sold as clearance.',
  'This is a licensed product, not a counterfeit.',
] as const;
export const AUTH_UNSURE_REASONS = [
  'Photos are too low resolution to decide; please request more images.',
  'Could be a parallel import; we need a test purchase to be sure.',
] as const;

export const APPEAL_STATEMENTS_GENUINE = [
  'These are genuine goods bought from the brand’s authorised distributor; invoices attached.',
  'We are a licensed reseller and the listing uses our own photos.',
  'The product is our own design and does not use the brand’s mark.',
] as const;
export const APPEAL_STATEMENTS_COUNTERFEIT = [
  'The item is genuine, please restore the listing.',
  'We bought these from a wholesaler and did not know they were fake.',
  'Our listing was removed by mistake, we sell original products.',
] as const;
export const BRAND_APPEAL_RESPONSES_UPHOLD = [
  'The invoices are not from our distribution network; the removal should stand.',
  'Our test purchase from this seller was counterfeit; we maintain the notice.',
] as const;
export const BRAND_APPEAL_RESPONSES_REINSTATE = [
  'We checked the invoices: the seller is authorised. We withdraw the complaint for this listing.',
  'Confirmed licensed goods; we do not object to reinstatement.',
] as const;
export const APPEAL_DECISIONS_UPHELD = [
  'Counter-notice evidence does not establish authenticity; removal upheld.',
  'The supplied invoice could not be verified; removal upheld.',
] as const;
export const APPEAL_DECISIONS_REINSTATED = [
  'Seller showed authorised-distribution invoices; listing reinstated.',
  'Detection match was wrong: the product does not use the mark. Reinstated.',
] as const;

export interface ThreadScript {
  subject: string;
  /** Alternating from the first side given. */
  first: 'brand' | 'staff';
  messages: readonly string[];
}

export const THREAD_SCRIPTS: readonly ThreadScript[] = [
  {
    subject: 'Welcome to Joint Force',
    first: 'staff',
    messages: [
      'Welcome aboard! I am your account manager. Your first step is to register your IP rights so we can verify them.',
      'Thanks. We have uploaded our CN and US trademark certificates.',
      'Both are verified now. You can start filing notices, and I will keep an eye on your queue.',
    ],
  },
  {
    subject: 'Good Faith Takedown enrolment',
    first: 'brand',
    messages: [
      'Our record looks strong this quarter. Can we join the Good Faith Takedown programme?',
      'You meet the eligibility criteria. I have enrolled you: your notices now remove listings at once.',
      'Great, thank you. What happens if one of our notices is wrong?',
      'A small sample is audited; a wrong removal is reinstated and counts against your accuracy.',
    ],
  },
  {
    subject: 'Question about a rejected notice item',
    first: 'brand',
    messages: [
      'One item in our last notice was rejected as an authorised seller. We do not recognise this store.',
      'The seller provided distributor invoices. If you believe they are forged, send us the distributor list and we will re-check.',
    ],
  },
  {
    subject: 'Authentication requests this week',
    first: 'staff',
    messages: [
      'We sent you a batch of authentication requests for suspected listings; each one answered improves detection.',
      'Thanks, our team will go through them today.',
      'Done: most were counterfeit, two are from our outlet partner.',
    ],
  },
  {
    subject: 'Singles’ Day preparation',
    first: 'brand',
    messages: [
      'Ahead of 11.11 we expect a surge of fakes. Can detection be tightened for our new collection?',
      'Please add the new products with reference images; detection picks them up on the next scan.',
    ],
  },
];

export const STAFF_NAMES_EXTRA_REVIEWERS = ['Sofia Reyes', 'Tomasz Nowak'] as const;
