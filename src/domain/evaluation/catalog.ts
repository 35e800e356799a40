// The rule sets as tables an officer can read: every indicator and condition with its bands,
// thresholds and source, generated from the same parameter objects the engine runs on.
import { correctedParameters, RULES_2022_FROM, RULES_2026_FROM } from './evaluate.js';
import type { Corrections } from './parameters.js';
import { RULE_SET_NAMES } from './rule-set-names.js';
import { TECH_SME } from './rules-2026.js';

export interface RuleRow {
  kind: '评分指标' | '条件' | '直通条件' | '人工审核';
  name: string;
  rule: string;
  source: string;
}
export interface RuleSetDescription {
  id: string;
  name: string;
  tier: 'innovative' | 'srdi' | 'little_giant';
  appliesTo: string;
  document: string;
  confidence: string;
  /** The published version the tables show (1 = as shipped). */
  version: number;
  rows: RuleRow[];
}

const W = 10_000;
const atLeast = (bands: { percent: number; points: number }[]) =>
  `${bands.map((b) => `≥${b.percent}% 得 ${b.points} 分`).join('；')}；其余 0 分`;
const atMost = (bands: { percent: number; points: number }[]) =>
  `${bands.map((b) => `≤${b.percent}% 得 ${b.points} 分`).join('；')}；其余 0 分`;
const EDGE = '恰好等于档位门槛的，按较高一档计分';

/** The rule sets as they judge now: with the published corrections, and their version. */
export function describeRuleSets(corrections: Corrections = {}): RuleSetDescription[] {
  const i = correctedParameters('innovative-2022', corrections);
  const s = correctedParameters('srdi-2022', corrections);
  const g = correctedParameters('little-giant-2022', corrections);
  const SRDI_2026 = correctedParameters('srdi-2026', corrections);
  const LITTLE_GIANT_2026 = correctedParameters('little-giant-2026', corrections);
  const LITTLE_GIANT_2018 = correctedParameters('little-giant-2018', corrections);
  const version = (id: keyof Corrections) => corrections[id]?.version ?? 1;
  const descriptions: Omit<RuleSetDescription, 'version'>[] = [
    {
      id: i.id,
      name: RULE_SET_NAMES[i.id],
      tier: 'innovative',
      appliesTo: `${RULES_2022_FROM} 起；${RULES_2026_FROM} 起用于复核，并作为 2026 年创新型中小企业认定条件中的创新型评价`,
      document: '工信部企业〔2022〕63号 附件1',
      confidence: '高',
      rows: [
        {
          kind: '评分指标',
          name: '与主导产品相关的有效知识产权（20 分）',
          rule: 'Ⅰ类高价值 20；自主研发Ⅰ类 15；Ⅰ类 10；Ⅱ类 5；无 0',
          source: '附件1 一(1)',
        },
        {
          kind: '评分指标',
          name: '上年研发费用占营业收入比重（20 分）',
          rule: `${atLeast(i.rdRatioBands)}。${EDGE}`,
          source: '附件1 一(2)',
        },
        { kind: '评分指标', name: '上年主营业务收入增长率（20 分）', rule: atLeast(i.mainGrowthBands), source: '附件1 二(3)' },
        { kind: '评分指标', name: '上年末资产负债率（10 分）', rule: atMost(i.debtBands), source: '附件1 二(4)' },
        { kind: '评分指标', name: '主导产品所属领域（10 分）', rule: '属于《战略性新兴产业分类》10；其他 5', source: '附件1 三(5)' },
        { kind: '评分指标', name: '主营业务收入占营业收入比重（20 分）', rule: atLeast(i.mainShareBands), source: '附件1 三(6)' },
        {
          kind: '条件',
          name: '评价得分',
          rule: `总分 ≥${i.passScore}，创新能力 ≥${i.categoryMinimums.innovation}、成长性 ≥${i.categoryMinimums.growth}、专业化 ≥${i.categoryMinimums.specialisation}`,
          source: '附件1',
        },
        {
          kind: '直通条件',
          name: '任一即可',
          rule: `近三年国家级或省级科技奖励；有效高新技术企业；省部级以上研发机构；近三年新增股权融资 ≥${i.directEquity / W} 万元`,
          source: '附件1',
        },
        { kind: '条件', name: '中小企业', rule: '符合《中小企业划型标准规定》', source: '工信部联企业〔2011〕300号' },
      ],
    },
    {
      id: s.id,
      name: RULE_SET_NAMES[s.id],
      tier: 'srdi',
      appliesTo: `${RULES_2022_FROM} 起；${RULES_2026_FROM} 起仅用于复核`,
      document: '工信部企业〔2022〕63号 附件2；渝经信规范〔2023〕5号',
      confidence: '高（研发人员、研发机构两项为中）',
      rows: [
        { kind: '条件', name: '从事细分市场年限', rule: `≥${s.minNicheYears} 年`, source: '附件2 一' },
        { kind: '条件', name: '上年研发费用', rule: `≥${s.minRdExpense / W} 万元且占营业收入 ≥${s.minRdRatio}%`, source: '附件2 二' },
        {
          kind: '条件',
          name: '规模',
          rule: `上年营业收入 ≥${s.minRevenue / W} 万元，或近 2 年新增股权融资 ≥${s.altEquity2y / W} 万元`,
          source: '附件2 三',
        },
        { kind: '条件', name: '评价得分', rule: `≥${s.passScore} 分，或符合直通条件`, source: '附件2 四' },
        {
          kind: '直通条件',
          name: '任一即可',
          rule: `近三年省级科技奖励前三或国家级前五；近两年研发费用平均 ≥${s.direct.avgRd2y / W} 万元；近两年股权融资 ≥${s.direct.equity2y / W} 万元；近三年“创客中国”全国 ${s.direct.makerTop} 强`,
          source: '附件2 四',
        },
        { kind: '评分指标', name: '主营业务收入占比（5 分）', rule: atLeast(s.mainShareBands), source: '附件2 评分(1)' },
        {
          kind: '评分指标',
          name: '近 2 年主营业务收入平均增长率（10 分）',
          rule: `${atLeast(s.mainGrowthBands)}（两年增长率的算术平均）`,
          source: '附件2 评分(2)',
        },
        { kind: '评分指标', name: '从事细分市场年限（5 分）', rule: '每满 2 年得 1 分，最高 5 分', source: '附件2 评分(3)' },
        {
          kind: '评分指标',
          name: '主导产品所属领域（5 分）',
          rule: '关键领域补短板/锻长板/填空白 5；工业“六基”、老字号或链主配套 3；其他 0',
          source: '附件2 评分(4)',
        },
        { kind: '评分指标', name: '数字化水平（5 分）', rule: '三级以上 5；二级 3；一级 0', source: '附件2 评分(5)' },
        {
          kind: '评分指标',
          name: '质量管理水平（5 分）',
          rule: '每满足一项 3 分，最高 5 分：省级以上质量奖、管理体系认证、自主品牌、参与制修订标准',
          source: '附件2 评分(6)',
        },
        { kind: '评分指标', name: '净利润率（10 分）', rule: atLeast(s.marginBands), source: '附件2 评分(7)' },
        { kind: '评分指标', name: '资产负债率（5 分）', rule: atMost(s.debtBands), source: '附件2 评分(8)' },
        {
          kind: '评分指标',
          name: '特色化指标（15 分）',
          rule: '重庆市特色化指标，由区县经信部门评定后填入',
          source: '渝经信规范〔2023〕5号 附件',
        },
        {
          kind: '评分指标',
          name: '有效知识产权（10 分）',
          rule: 'Ⅰ类高价值 10；自主研发Ⅰ类 8；Ⅰ类 6；Ⅱ类 2；无 0',
          source: '附件2 评分(12)',
        },
        {
          kind: '评分指标',
          name: '研发投入（10 分，金额或占比取高）',
          rule: s.rdInputBands.map((b) => `≥${b.amount / W} 万元或 ≥${b.percent}% 得 ${b.points} 分`).join('；'),
          source: '附件2 评分(13)',
        },
        { kind: '评分指标', name: '研发人员占比（5 分）', rule: atLeast(s.rdStaffBands), source: '附件2 评分(14)' },
        { kind: '评分指标', name: '研发机构（10 分）', rule: '国家级 10；省级 8；市级 4；市级以下 2；无 0', source: '附件2 评分(15)' },
      ],
    },
    {
      id: g.id,
      name: RULE_SET_NAMES[g.id],
      tier: 'little_giant',
      appliesTo: `${RULES_2022_FROM} 起；${RULES_2026_FROM} 起仅用于复核`,
      document: '工信部企业〔2022〕63号 附件3',
      confidence: '高',
      rows: [
        {
          kind: '条件',
          name: '专业化',
          rule: `细分市场 ≥${g.minNicheYears} 年；主营业务收入占比 ≥${g.minMainShare}%；近 2 年主营业务收入平均增长率 ≥${g.minMeanGrowth}%`,
          source: '附件3',
        },
        { kind: '条件', name: '精细化', rule: `资产负债率 ≤${g.maxDebt}%；管理体系或产品认证`, source: '附件3' },
        { kind: '条件', name: '特色化', rule: `全国细分市场占有率 ≥${g.minNicheShare}%；自主品牌`, source: '附件3' },
        {
          kind: '条件',
          name: '创新能力（一般条件）',
          rule: `营业收入 ≥1 亿元：近两年研发费用占比各 ≥${g.rdByRevenue.highPercent}%；5000 万–1 亿元：各 ≥${g.rdByRevenue.middlePercent}%；5000 万元以下：近两年股权融资 ≥${g.small.equity2y / W} 万元、研发费用合计 ≥${g.small.rd2y / W} 万元、研发人员占比 ≥${g.small.rdStaffPercent}%；且有研发机构、Ⅰ类知识产权 ≥${g.minClassI} 项`,
          source: '附件3',
        },
        { kind: '直通条件', name: '创新能力', rule: `近三年国家级科技奖励前三，或“创客中国”全国 ${g.makerTop} 强`, source: '附件3' },
        { kind: '人工审核', name: '信息系统、产业链配套、主导产品所属领域', rule: '由审核人员判定', source: '附件3' },
      ],
    },
    {
      id: 'bottom-2026',
      name: RULE_SET_NAMES['bottom-2026'],
      tier: 'innovative',
      appliesTo: `${RULES_2026_FROM} 起的新申报`,
      document: '工信部企业〔2026〕2号',
      confidence: '中',
      rows: [
        {
          kind: '条件',
          name: '任一标准',
          rule: '符合创新型中小企业评价标准（2022）的创新型评价，或科技型中小企业评价（科技型评价）',
          source: '2号 第二章',
        },
        { kind: '评分指标', name: '科技型：科技人员占比（20 分）', rule: atLeast(TECH_SME.staffBands), source: '科技型中小企业评价办法' },
        {
          kind: '评分指标',
          name: '科技型：研发费用占销售收入（50 分）',
          rule: atLeast(TECH_SME.rdBands),
          source: '科技型中小企业评价办法',
        },
        {
          kind: '评分指标',
          name: '科技型：知识产权（30 分）',
          rule: 'Ⅰ类 30；Ⅱ类 4 项以上 24、3 项 18、2 项 12、1 项 6',
          source: '科技型中小企业评价办法',
        },
      ],
    },
    {
      id: SRDI_2026.id,
      name: RULE_SET_NAMES[SRDI_2026.id],
      tier: 'srdi',
      appliesTo: `${RULES_2026_FROM} 起的新申报`,
      document: '工信部企业〔2026〕2号 附件1',
      confidence: '中（两份二手资料一致，待与原文核对）',
      rows: [
        {
          kind: '条件',
          name: '全部满足',
          rule: `有效期内的创新型中小企业；细分市场 ≥${SRDI_2026.minNicheYears} 年；营业收入 ≥${SRDI_2026.minRevenue / W} 万元（或股权融资 ≥${SRDI_2026.altEquity2y / W} 万元）；主营占比 ≥${SRDI_2026.minMainShare}%；资产负债率 ≤${SRDI_2026.maxDebt}%；近 2 年每年研发费用 ≥${SRDI_2026.minRdExpense / W} 万元且 ≥${SRDI_2026.minRdRatio}%；Ⅰ类知识产权 ≥1 项（可豁免）；发展评价得分 ≥${SRDI_2026.minDevelopmentScore}`,
          source: '2号 附件1',
        },
        { kind: '人工审核', name: '细分市场地位', rule: '市场占有率较高、具有一定知名度', source: '2号 附件1' },
      ],
    },
    {
      id: LITTLE_GIANT_2026.id,
      name: RULE_SET_NAMES[LITTLE_GIANT_2026.id],
      tier: 'little_giant',
      appliesTo: `${RULES_2026_FROM} 起的新申报`,
      document: '工信部企业〔2026〕2号 附件2',
      confidence: '中/低（待与原文核对）',
      rows: [
        {
          kind: '条件',
          name: '全部满足',
          rule: `专精特新中小企业；细分市场 ≥${LITTLE_GIANT_2026.minNicheYears} 年；营业收入 ≥${LITTLE_GIANT_2026.minRevenue / W} 万元；主营占比 ≥${LITTLE_GIANT_2026.minMainShare}%；营业收入两年复合增长率 ≥${LITTLE_GIANT_2026.minCagr}%（复核不考察）；资产负债率 ≤${LITTLE_GIANT_2026.maxDebt}%；近 2 年研发费用合计 ≥${LITTLE_GIANT_2026.minRd2y / W} 万元且每年 ≥${LITTLE_GIANT_2026.minRdRatio}%；Ⅰ类知识产权 ≥${LITTLE_GIANT_2026.minClassI} 项（可豁免）；细分市场占有率 ≥${LITTLE_GIANT_2026.minNicheShare}% 或国内前三；发展评价得分 ≥${LITTLE_GIANT_2026.minDevelopmentScore}`,
          source: '2号 附件2',
        },
        { kind: '人工审核', name: '所属领域与产业链地位', rule: '由审核人员判定', source: '2号 附件2' },
      ],
    },
    {
      id: LITTLE_GIANT_2018.id,
      name: RULE_SET_NAMES[LITTLE_GIANT_2018.id],
      tier: 'little_giant',
      appliesTo: `${RULES_2022_FROM} 之前（历史数据）`,
      document: '工信厅企业函〔2018〕381号',
      confidence: '低/中',
      rows: [
        {
          kind: '条件',
          name: '全部满足',
          rule: `营业收入 ${LITTLE_GIANT_2018.minRevenue / W}–${LITTLE_GIANT_2018.maxRevenue / W} 万元；近 2 年主营或净利润平均增长率 ≥${LITTLE_GIANT_2018.minMeanGrowth}%；资产负债率 ≤${LITTLE_GIANT_2018.maxDebt}%；细分市场 ≥${LITTLE_GIANT_2018.minNicheYears} 年；主营占比 ≥${LITTLE_GIANT_2018.minMainShare}%；细分市场占有率 ≥${LITTLE_GIANT_2018.minNicheShare}%；发明专利 ≥${LITTLE_GIANT_2018.minInventions} 项或其他知识产权 ≥${LITTLE_GIANT_2018.minOtherIp} 项；有研发机构`,
          source: '381号',
        },
      ],
    },
  ];
  // The 2026 bottom tier runs the 2022 innovative table: it shows that table's version.
  return descriptions.map((d) => ({ ...d, version: version(d.id === 'bottom-2026' ? 'innovative-2022' : (d.id as keyof Corrections)) }));
}
