// Deterministic, realistic demo enterprises: spread over the 区县 like the real registry,
// mostly manufacturing, titles in the proportions the seeds report (≈25,000 innovative,
// 5,738 SRDI, 341 little giants per ~100,000 registered), three years of consistent indicators.
import { makeUscc, USCC_ALPHABET } from '../domain/uscc.js';
import { seededRandom } from './random.js';

export const DEMO_ENTERPRISE = {
  name: '重庆昌州智能装备股份有限公司',
  districtCode: '500153',
  industryCode: '35',
  uscc: makeUscc('500153', 'MA5U7K3P'),
};
export const DEMO_YEARS = [2023, 2024, 2025];

// Where registered enterprises sit: the main-city districts and the big industrial districts weigh more.
const DISTRICT_WEIGHTS: [string, number][] = [
  ['500112', 10],
  ['500107', 8],
  ['500106', 7],
  ['500105', 6],
  ['500108', 6],
  ['500113', 6],
  ['500109', 5],
  ['500120', 5],
  ['500116', 5],
  ['500118', 5],
  ['500102', 4],
  ['500101', 4],
  ['500117', 4],
  ['500110', 3],
  ['500111', 3],
  ['500115', 3],
  ['500151', 3],
  ['500152', 2],
  ['500153', 3],
  ['500154', 2],
  ['500155', 2],
  ['500119', 2],
  ['500104', 2],
  ['500103', 2],
  ['500114', 1],
  ['500156', 1],
  ['500229', 1],
  ['500230', 1],
  ['500231', 1],
  ['500233', 1],
  ['500235', 1],
  ['500236', 1],
  ['500237', 1],
  ['500238', 1],
  ['500240', 1],
  ['500241', 1],
  ['500242', 1],
  ['500243', 1],
];
// Mostly manufacturing (制造业 大类), some software and technical services.
const INDUSTRY_WEIGHTS: [string, number][] = [
  ['36', 12],
  ['39', 10],
  ['38', 9],
  ['34', 9],
  ['35', 9],
  ['33', 7],
  ['26', 5],
  ['27', 5],
  ['29', 5],
  ['30', 4],
  ['40', 4],
  ['14', 3],
  ['13', 3],
  ['32', 3],
  ['37', 3],
  ['31', 2],
  ['17', 1],
  ['18', 1],
  ['65', 6],
  ['74', 3],
  ['73', 2],
];
const TRADES: Record<string, string[]> = {
  '36': ['汽车零部件', '汽车电子', '新能源汽车部件', '汽车配件'],
  '39': ['电子', '光电', '半导体', '微电子', '电子科技'],
  '38': ['电气', '电机', '储能', '电缆'],
  '34': ['机械', '动力', '通用设备', '阀门'],
  '35': ['智能装备', '精密机械', '专用设备', '机电'],
  '33': ['金属制品', '精密铸造', '五金'],
  '26': ['化工', '新材料', '涂料'],
  '27': ['生物医药', '制药', '药业'],
  '29': ['塑胶', '橡塑', '塑业'],
  '30': ['玻璃', '陶瓷', '建材'],
  '40': ['仪器仪表', '传感技术', '测控'],
  '14': ['食品', '调味品'],
  '13': ['农产品加工', '粮油'],
  '32': ['铝业', '有色金属'],
  '37': ['摩托车', '船舶配件', '轨道交通装备'],
  '31': ['特钢'],
  '17': ['纺织'],
  '18': ['服饰'],
  '65': ['软件', '信息技术', '数据科技', '网络科技'],
  '74': ['检测技术', '工程技术'],
  '73': ['研究院', '技术研究院'],
};
const CLUSTER_OF_INDUSTRY: Record<string, string[]> = {
  '36': ['L01'],
  '39': ['L02', 'R01'],
  '38': ['F06', 'L01'],
  '34': ['P01', 'R07'],
  '35': ['P01', 'R06'],
  '33': ['L03'],
  '26': ['L03', 'R10'],
  '27': ['F05', 'R11', 'R12'],
  '29': ['R10'],
  '32': ['F03'],
  '37': ['F02'],
  '14': ['P02'],
  '13': ['P02'],
  '17': ['F04'],
  '18': ['F04'],
  '65': ['P03'],
  '40': ['R05'],
};
const BRAND_CHARS = Array.from(
  '渝巴江嘉鼎华瑞恒博精锐宏泰丰盛创联新智源弘信达德昌永川峰明晟宸钰耀卓腾远航佳合力天宇金银海山城云龙凤祥福兴安康宁鑫磊森林竹梅兰菊松柏隆通顺启航',
);
const SUFFIXES: [string, number][] = [
  ['有限公司', 8],
  ['股份有限公司', 2],
  ['科技有限公司', 3],
  ['有限责任公司', 1],
];
const PRODUCTS: Record<string, string[]> = {
  '36': ['汽车制动系统', '车用传感器', '动力电池壳体', '汽车线束'],
  '39': ['功率半导体模块', '显示驱动芯片', '光电传感器', '印制电路板'],
  '38': ['永磁同步电机', '储能变流器', '高压开关柜'],
  '34': ['精密减速器', '工业阀门', '液压泵'],
  '35': ['工业机器人', '数控机床', '智能检测设备'],
  '33': ['精密铸件', '紧固件'],
  '26': ['电子化学品', '水性涂料'],
  '27': ['中药配方颗粒', '生物制剂'],
  '29': ['工程塑料件'],
  '30': ['特种玻璃'],
  '40': ['流量仪表', '压力传感器'],
  '65': ['工业软件', '数据治理平台'],
  '74': ['检验检测服务'],
  '73': ['新材料研发'],
};

export interface DemoEnterprise {
  uscc: string;
  name: string;
  districtCode: string;
  zoneCode: string | null;
  industryCode: string;
  clusterCode: string | null;
  establishedOn: string;
  registeredCapital: number;
  legalRepresentative: string;
  address: string;
  mainProduct: string;
  nicheMarket: string;
  nicheEntryYear: number;
  listingStatus: string;
  contactName: string;
  contactPhone: string;
  facts: Record<string, unknown>;
  years: {
    year: number;
    revenue: number;
    mainRevenue: number;
    totalProfit: number;
    netProfit: number;
    totalAssets: number;
    totalLiabilities: number;
    rdExpense: number;
    employees: number;
    rdStaff: number;
    exports: number;
    taxesPaid: number;
    equityFinancing: number;
  }[];
  titles: { tier: string; level: string; batch: string; recognisedOn: string; validUntil: string; status: string; certificateNo: string }[];
  honours: { kind: string; name: string; level: string; obtainedOn: string; validUntil: string | null }[];
}

const SURNAMES = Array.from('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾');
const GIVEN = Array.from('伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国红梅');

/**
 * The 发展评价 score of the national platform (most titled enterprises have taken it, few others)
 * and the district's 特色化 score (titled enterprises only). Always three draws, whatever is kept.
 */
function assessedScores(r: ReturnType<typeof seededRandom>, tier: string | null): { developmentScore?: number; featuredScore?: number } {
  const [taken, score, featured] = [r.next(), r.next(), r.next()];
  const low = tier === 'little_giant' ? 60 : tier === 'srdi' ? 50 : tier === 'innovative' ? 40 : 30;
  const out: { developmentScore?: number; featuredScore?: number } = {};
  if (taken < (tier ? 0.8 : 0.2)) out.developmentScore = Math.round(low + score * 38);
  if (tier) out.featuredScore = Math.round(featured * (tier === 'innovative' ? 12 : 15));
  return out;
}

export function* generateDemoEnterprises(n: number, seed: number): Generator<DemoEnterprise> {
  const rnd = seededRandom(seed);
  // Assessed scores draw from a stream of their own, so that adding them left every other demo figure as it was.
  const assessed = seededRandom(seed ^ 0x5eed);
  const names = new Set<string>();
  const codes = new Set<string>();
  // Title shares per ~100,000 registered enterprises (seeds: 341 little giants, 5,738 SRDI, ~25,000 innovative).
  const littleGiantShare = 341 / 100_000;
  const srdiShare = 5738 / 100_000;
  const innovativeShare = 25_000 / 100_000;
  const money = (low: number, high: number) => Math.round(low + rnd.next() * (high - low));
  const person = () => rnd.pick(SURNAMES) + rnd.pick(GIVEN) + (rnd.next() < 0.6 ? rnd.pick(GIVEN) : '');
  for (let i = 0; i < n; i++) {
    const isDemo = i === 0;
    const districtCode = isDemo ? DEMO_ENTERPRISE.districtCode : rnd.weighted(DISTRICT_WEIGHTS);
    const industryCode = isDemo ? DEMO_ENTERPRISE.industryCode : rnd.weighted(INDUSTRY_WEIGHTS);
    let name = DEMO_ENTERPRISE.name;
    while (!isDemo) {
      const brand = rnd.pick(BRAND_CHARS) + rnd.pick(BRAND_CHARS);
      name = `重庆${brand}${rnd.pick(TRADES[industryCode])}${rnd.weighted(SUFFIXES)}`.replace('科技科技', '科技');
      if (!names.has(name)) break;
    }
    names.add(name);
    let uscc = DEMO_ENTERPRISE.uscc;
    while (!isDemo) {
      let body = 'MA';
      for (let k = 0; k < 6; k++) body += USCC_ALPHABET[rnd.int(0, 30)];
      uscc = makeUscc(districtCode, body);
      if (!codes.has(uscc)) break;
    }
    codes.add(uscc);

    // Tier first: it shapes the size of the numbers.
    const r = rnd.next();
    const tier = isDemo
      ? 'srdi'
      : r < littleGiantShare
        ? 'little_giant'
        : r < littleGiantShare + srdiShare
          ? 'srdi'
          : r < innovativeShare
            ? 'innovative'
            : null;
    const establishedYear = tier === 'little_giant' ? rnd.int(1995, 2014) : rnd.int(1998, 2022);
    const establishedOn = `${establishedYear}-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`;
    const base =
      tier === 'little_giant'
        ? money(1.2e8, 6e8)
        : tier === 'srdi'
          ? money(3e7, 2.5e8)
          : tier === 'innovative'
            ? money(8e6, 1.2e8)
            : money(1e6, 6e7);
    const rdRate =
      tier === 'little_giant'
        ? 0.04 + rnd.next() * 0.06
        : tier === 'srdi'
          ? 0.03 + rnd.next() * 0.05
          : tier === 'innovative'
            ? 0.02 + rnd.next() * 0.05
            : rnd.next() ** 2 * 0.04; // most registered enterprises without a title spend little on R&D
    const perCapita = 6e5 + rnd.next() * 8e5;
    const years: DemoEnterprise['years'] = [];
    let revenue = base;
    for (const year of DEMO_YEARS) {
      if (year < establishedYear) continue;
      revenue = Math.max(500_000, Math.round(revenue * (1 + (rnd.next() * 0.35 - 0.08))));
      // Titled enterprises are specialised; others are more often spread over several businesses.
      const mainRevenue = Math.round(revenue * (tier ? 0.85 + rnd.next() * 0.15 : 0.45 + rnd.next() * 0.55));
      const totalProfit = Math.round(revenue * (rnd.next() * 0.17 - 0.03));
      const totalAssets = Math.round(revenue * (0.8 + rnd.next() * 0.8));
      const employees = Math.max(5, Math.round(revenue / perCapita));
      years.push({
        year,
        revenue,
        mainRevenue,
        totalProfit,
        netProfit: Math.round(totalProfit * 0.85),
        totalAssets,
        totalLiabilities: Math.round(totalAssets * (0.3 + rnd.next() * 0.35)),
        rdExpense: Math.round(revenue * rdRate),
        employees,
        rdStaff: Math.max(1, Math.round(employees * (0.08 + rnd.next() * 0.22))),
        exports: rnd.next() < 0.25 ? Math.round(revenue * rnd.next() * 0.3) : 0,
        taxesPaid: Math.round(revenue * (0.03 + rnd.next() * 0.03)),
        equityFinancing: rnd.next() < 0.05 ? money(5e6, 5e7) : 0,
      });
    }

    const titles: DemoEnterprise['titles'] = [];
    const title = (t: string, level: string, year: number, batch: string, validYears: number) => {
      const recognisedOn = `${year}-${String(rnd.int(6, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`;
      const validUntil = `${year + validYears}-${recognisedOn.slice(5)}`;
      titles.push({
        tier: t,
        level,
        batch,
        recognisedOn,
        validUntil,
        status: validUntil >= '2026-11-23' ? 'valid' : 'expired',
        certificateNo: `${t === 'little_giant' ? 'GJ' : t === 'srdi' ? 'ZJTX' : 'CX'}${year}${String(i).padStart(6, '0')}`,
      });
    };
    if (tier) {
      const innovativeYear = rnd.int(2024, 2025);
      title('innovative', 'municipal', innovativeYear, `${innovativeYear}年第${rnd.int(1, 2)}批`, 3);
      if (tier === 'srdi' || tier === 'little_giant') {
        const srdiYear = rnd.int(2024, 2025);
        title('srdi', 'municipal', srdiYear, `${srdiYear}年第${rnd.int(1, 2)}批`, 3);
      }
      if (tier === 'little_giant') {
        const batch = rnd.int(6, 7);
        title('little_giant', 'national', 2018 + batch, `第${['一', '二', '三', '四', '五', '六', '七'][batch - 1]}批`, 3);
      }
    }
    const honours: DemoEnterprise['honours'] = [];
    if (tier && rnd.next() < 0.55) {
      const y = rnd.int(2022, 2025);
      honours.push({ kind: 'high_tech', name: '高新技术企业', level: 'national', obtainedOn: `${y}-11-30`, validUntil: `${y + 3}-11-29` });
    }
    if (rnd.next() < (tier ? 0.6 : 0.15)) {
      const y = rnd.int(2024, 2025);
      honours.push({ kind: 'tech_sme', name: '科技型中小企业', level: 'national', obtainedOn: `${y}-05-20`, validUntil: `${y}-12-31` });
    }
    if (tier === 'little_giant' && rnd.next() < 0.3) {
      honours.push({
        kind: 'digital_workshop',
        name: '重庆市数字化车间',
        level: 'municipal',
        obtainedOn: `${rnd.int(2021, 2025)}-09-01`,
        validUntil: null,
      });
    }

    const ipScale = tier === 'little_giant' ? 4 : tier === 'srdi' ? 2 : tier === 'innovative' ? 1 : 0.15;
    const classI = Math.round(rnd.next() * 6 * ipScale);
    const zoneCode =
      ['500112', '500105', '500109'].includes(districtCode) && rnd.next() < 0.4
        ? 'LJXQ'
        : districtCode === '500106' && rnd.next() < 0.4
          ? 'GXQ'
          : districtCode === '500110' && rnd.next() < 0.2
            ? 'WSJK'
            : null;
    const clusterOptions = CLUSTER_OF_INDUSTRY[industryCode];
    const product = rnd.pick(PRODUCTS[industryCode] ?? ['专用零部件']);
    yield {
      uscc,
      name,
      districtCode,
      zoneCode,
      industryCode,
      clusterCode: clusterOptions && rnd.next() < 0.8 ? rnd.pick(clusterOptions) : null,
      establishedOn,
      registeredCapital: money(1, 50) * 1_000_000,
      legalRepresentative: person(),
      address: `重庆市${name.slice(2, 4)}路${rnd.int(1, 999)}号`,
      mainProduct: product,
      nicheMarket: `${product}细分市场`,
      nicheEntryYear: Math.min(2025, establishedYear + rnd.int(0, 5)),
      listingStatus:
        tier === 'little_giant' && rnd.next() < 0.15
          ? rnd.pick(['star', 'gem', 'bse', 'main_board'])
          : rnd.next() < 0.02
            ? 'neeq'
            : 'unlisted',
      contactName: person(),
      contactPhone: `023-${rnd.int(4000, 8999)}${String(rnd.int(0, 9999)).padStart(4, '0')}`,
      facts: {
        ip: {
          classI,
          classIHighValue: Math.round(classI * rnd.next() * 0.5),
          classISelfDeveloped: Math.round(classI * (0.5 + rnd.next() * 0.5)),
          classII: Math.round(rnd.next() * 15 * ipScale),
        },
        rdInstitution:
          tier === 'little_giant'
            ? rnd.pick(['municipal', 'provincial', 'national'])
            : tier
              ? rnd.pick(['none', 'below_municipal', 'municipal'])
              : 'none',
        digitalLevel: rnd.int(1, tier ? 4 : 2),
        quality: {
          managementCertified: rnd.next() < 0.7,
          ownBrand: rnd.next() < 0.6,
          standards: tier ? rnd.next() < 0.3 : false,
          provincialAward: false,
        },
        nicheMarketShare: Math.round(rnd.next() * (tier === 'little_giant' ? 30 : 12) * 10) / 10,
        ...assessedScores(assessed, tier),
      },
      years,
      titles,
      honours,
    };
  }
}
