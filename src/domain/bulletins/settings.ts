import { z } from 'zod';

// The settings of the 定期通报 (capabilities.md §3.3): the indicators with their weights (integers,
// total 100), the scoring method of each, and the cap of target completion (DEFAULT 120 %).
//
// The two indicators without data yet (诉求办理, 服务与融资) keep their DEFAULT weight of 10 each and
// are marked "暂无数据": they are not scored, and every unit's full mark is the sum of the scored
// weights (80 by DEFAULT). Ranks are the same as if their weight were spread over the others, the
// city sees what is missing instead of weights nobody chose, and once those modules report data the
// indicators count without anyone touching the settings. The city may move their weight elsewhere.

/** Where an indicator's value comes from. */
export type BulletinSource =
  /** Target completion (actual ÷ target) of a target indicator, from the targets module. */
  | { kind: 'target'; targetIndicator: 'innovative' | 'srdi' | 'little_giant' }
  /** 复核通过率 from recognition. */
  | { kind: 'review_pass_rate' }
  /** 年度信息更新完成率 from recognition. */
  | { kind: 'annual_update_rate' }
  /** 上报率 and 及时率 from monitoring (their mean). */
  | { kind: 'monitoring_rate' }
  /** No module records it yet. */
  | { kind: 'no_data' };

export type BulletinMethod = 'target' | 'rate' | 'efficacy';
export const BULLETIN_METHOD_LABELS: Record<BulletinMethod, string> = {
  target: '目标完成率计分（封顶）',
  rate: '比率计分',
  efficacy: '功效系数法',
};

export const BULLETIN_INDICATOR_KEYS = [
  'new_innovative',
  'new_srdi',
  'new_little_giant',
  'review_pass_rate',
  'annual_update_rate',
  'monitoring_rate',
  'appeals',
  'services_financing',
] as const;
export type BulletinIndicatorKey = (typeof BULLETIN_INDICATOR_KEYS)[number];

export interface BulletinIndicatorDef {
  label: string;
  source: BulletinSource;
  /** The methods the indicator may be scored by; the first is the DEFAULT. */
  methods: BulletinMethod[];
  defaultWeight: number;
  /** What the value is, for the draft's explanation. */
  description: string;
}

export const BULLETIN_INDICATORS: Record<BulletinIndicatorKey, BulletinIndicatorDef> = {
  new_innovative: {
    label: '创新型中小企业培育',
    source: { kind: 'target', targetIndicator: 'innovative' },
    methods: ['target', 'efficacy'],
    defaultWeight: 15,
    description: '创新型中小企业目标完成率（实际 ÷ 年度目标）',
  },
  new_srdi: {
    label: '市级专精特新中小企业培育',
    source: { kind: 'target', targetIndicator: 'srdi' },
    methods: ['target', 'efficacy'],
    defaultWeight: 20,
    description: '专精特新中小企业目标完成率（实际 ÷ 年度目标）',
  },
  new_little_giant: {
    label: '专精特新“小巨人”企业培育',
    source: { kind: 'target', targetIndicator: 'little_giant' },
    methods: ['target', 'efficacy'],
    defaultWeight: 15,
    description: '专精特新“小巨人”企业目标完成率（实际 ÷ 年度目标）',
  },
  review_pass_rate: {
    label: '复核通过率',
    source: { kind: 'review_pass_rate' },
    methods: ['rate', 'efficacy'],
    defaultWeight: 10,
    description: '本年已有结果的复核申报中通过的比例',
  },
  annual_update_rate: {
    label: '年度信息更新完成率',
    source: { kind: 'annual_update_rate' },
    methods: ['rate', 'efficacy'],
    defaultWeight: 10,
    description: '有效称号企业中已完成上年度信息更新的比例',
  },
  monitoring_rate: {
    label: '运行监测上报率、及时率',
    source: { kind: 'monitoring_rate' },
    methods: ['rate', 'efficacy'],
    defaultWeight: 10,
    description: '监测企业月报上报率与及时率的平均',
  },
  appeals: {
    label: '诉求按期办结率、满意率',
    source: { kind: 'no_data' },
    methods: ['rate', 'efficacy'],
    defaultWeight: 10,
    description: '诉求办理模块上线后计分',
  },
  services_financing: {
    label: '服务与融资覆盖',
    source: { kind: 'no_data' },
    methods: ['rate', 'efficacy'],
    defaultWeight: 10,
    description: '服务与融资模块上线后计分',
  },
};

export interface BulletinIndicatorSetting {
  key: BulletinIndicatorKey;
  weight: number;
  method: BulletinMethod;
}

export interface BulletinSettings {
  /** Target completion counts up to this ratio (1.2 = 120 %). */
  cap: number;
  indicators: BulletinIndicatorSetting[];
}

export const BULLETIN_DEFAULTS: BulletinSettings = {
  cap: 1.2,
  indicators: BULLETIN_INDICATOR_KEYS.map((key) => ({
    key,
    weight: BULLETIN_INDICATORS[key].defaultWeight,
    method: BULLETIN_INDICATORS[key].methods[0],
  })),
};

const indicatorSetting = z
  .object({
    key: z.enum(BULLETIN_INDICATOR_KEYS, { error: '未知的通报指标' }),
    weight: z.number({ error: '权重应为数字' }).int('权重应为整数').min(0, '权重不能小于 0').max(100, '权重不能大于 100'),
    method: z.enum(['target', 'rate', 'efficacy'], { error: '计分方法应为目标完成率计分、比率计分或功效系数法' }),
  })
  .superRefine((s, c) => {
    const def = BULLETIN_INDICATORS[s.key];
    if (def && !def.methods.includes(s.method))
      c.addIssue({
        code: 'custom',
        path: ['method'],
        message: `“${def.label}”只能用${def.methods.map((m) => BULLETIN_METHOD_LABELS[m]).join('或')}计分`,
      });
  });

/** The settings as the city sends them: every indicator once; the weights' sum is checked apart (its own code). */
export const bulletinSettingsSchema = z
  .object({
    cap: z.number({ error: '封顶值应为数字' }).min(1, '目标完成率封顶值不能小于 100%').max(2, '目标完成率封顶值不能大于 200%'),
    indicators: z.array(indicatorSetting, { error: '请给出各项指标的权重' }),
  })
  .superRefine((s, c) => {
    const keys = s.indicators.map((i) => i.key);
    for (const key of BULLETIN_INDICATOR_KEYS)
      if (!keys.includes(key)) c.addIssue({ code: 'custom', path: ['indicators'], message: `缺少指标“${BULLETIN_INDICATORS[key].label}”` });
    const seen = new Set<string>();
    for (const key of keys) {
      if (seen.has(key)) c.addIssue({ code: 'custom', path: ['indicators'], message: `指标“${BULLETIN_INDICATORS[key].label}”重复` });
      seen.add(key);
    }
  });

export const weightSum = (s: Pick<BulletinSettings, 'indicators'>) => s.indicators.reduce((a, i) => a + i.weight, 0);

/** A stored value read back: valid settings in the catalogue's order, or the DEFAULTs. */
export function settingsFromStored(value: unknown): BulletinSettings {
  const parsed = bulletinSettingsSchema.safeParse(value);
  if (!parsed.success || weightSum(parsed.data) !== 100) return BULLETIN_DEFAULTS;
  return inCatalogueOrder(parsed.data);
}

export function inCatalogueOrder(s: BulletinSettings): BulletinSettings {
  const byKey = new Map(s.indicators.map((i) => [i.key, i]));
  return { cap: s.cap, indicators: BULLETIN_INDICATOR_KEYS.map((k) => byKey.get(k) as BulletinIndicatorSetting) };
}
