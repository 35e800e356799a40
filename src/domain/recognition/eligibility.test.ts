import { describe, expect, it } from 'vitest';
import { evaluateRuleSet, evaluateTier } from '../evaluation/evaluate.js';
import { eligibilityReasons, expiringTitle, heldOn } from './eligibility.js';
import { evidenceFileIds, formFromRegistry, formToEvaluationInput } from './form.js';
import { assessmentDateOf, reviewCountsFrom, windowOpen } from './window.js';

const today = '2026-12-01';
const title = (tier: string, o: Partial<{ status: string; validUntil: string | null; recognisedOn: string }> = {}) => ({
  id: `${tier}-${o.recognisedOn ?? '2025-01-01'}`,
  tier,
  status: o.status ?? 'valid',
  recognisedOn: o.recognisedOn ?? '2025-01-01',
  validUntil: o.validUntil === undefined ? '2027-12-31' : o.validUntil,
});
const sme = { registeredInChongqing: true, sizeClass: 'small', titles: [], honours: [] };
const round = (
  tier: 'innovative' | 'srdi' | 'little_giant',
  type: 'new' | 'review' = 'new',
  ruleSet = `${tier.replace('_', '-')}-2022`,
) => ({
  tier,
  type,
  year: 2026,
  ruleSet,
});

describe('who may submit an application (申报条件)', () => {
  it('asks a Chongqing SME: each failing rule is its own sentence', () => {
    expect(eligibilityReasons(round('innovative'), sme, today)).toEqual([]);
    expect(eligibilityReasons(round('innovative'), { ...sme, registeredInChongqing: false, sizeClass: null }, today)).toEqual([
      '本企业的注册地不在重庆市的区县：申报须为在重庆市登记注册的企业',
      '企业库中没有本企业的年度经营数据，无法判定企业规模：请先完善年度信息',
    ]);
    expect(eligibilityReasons(round('innovative'), { ...sme, sizeClass: 'large' }, today)).toEqual([
      '按《中小企业划型标准规定》本企业为大型企业，不属于中小企业，不能申报',
    ]);
  });

  it('asks for the tier below, held and valid (a title under 复核 still counts; an expired or revoked one does not)', () => {
    const srdi = round('srdi');
    expect(eligibilityReasons(srdi, sme, today)).toEqual(['申报专精特新中小企业须持有有效的创新型中小企业称号']);
    expect(eligibilityReasons(srdi, { ...sme, titles: [title('innovative')] }, today)).toEqual([]);
    expect(eligibilityReasons(srdi, { ...sme, titles: [title('innovative', { status: 'under_review' })] }, today)).toEqual([]);
    for (const t of [title('innovative', { validUntil: '2026-11-30' }), title('innovative', { status: 'revoked' })])
      expect(eligibilityReasons(srdi, { ...sme, titles: [t] }, today)).toHaveLength(1);
    expect(eligibilityReasons(round('little_giant'), { ...sme, titles: [title('innovative')] }, today)).toEqual([
      '申报专精特新“小巨人”企业须持有有效的专精特新中小企业称号',
    ]);
    expect(eligibilityReasons(round('little_giant'), { ...sme, titles: [title('srdi')] }, today)).toEqual([]);
  });

  it('under the 2026 rules a valid 科技型中小企业 qualification also opens 专精特新', () => {
    const srdi2026 = round('srdi', 'new', 'srdi-2026');
    expect(eligibilityReasons(srdi2026, sme, today)).toEqual([
      '按 2026-04-01 起施行的认定办法，申报专精特新中小企业须为有效的创新型中小企业或科技型中小企业',
    ]);
    expect(eligibilityReasons(srdi2026, { ...sme, honours: [{ kind: 'tech_sme', validUntil: '2027-05-01' }] }, today)).toEqual([]);
    expect(eligibilityReasons(srdi2026, { ...sme, honours: [{ kind: 'tech_sme', validUntil: '2026-05-01' }] }, today)).toHaveLength(1);
    // …not under the 2022 tables.
    expect(eligibilityReasons(round('srdi'), { ...sme, honours: [{ kind: 'tech_sme', validUntil: null }] }, today)).toHaveLength(1);
  });

  it('refuses a new application for a tier (or one above it) already held', () => {
    expect(eligibilityReasons(round('srdi'), { ...sme, titles: [title('innovative'), title('srdi')] }, today)).toEqual([
      '本企业已持有有效的专精特新中小企业称号，不能重复申报专精特新中小企业',
    ]);
    expect(eligibilityReasons(round('srdi'), { ...sme, titles: [title('little_giant')] }, today)).toEqual([
      '本企业已持有有效的专精特新“小巨人”企业称号，不能重复申报专精特新中小企业',
    ]);
  });

  it('复核: the tier’s title ending in the round year, and every annual update made', () => {
    const review = round('srdi', 'review');
    const ending = title('srdi', { recognisedOn: '2023-12-31', validUntil: '2026-12-30' });
    expect(expiringTitle(review, [title('srdi'), ending], today)).toEqual(ending);
    expect(expiringTitle(review, [title('srdi', { validUntil: '2026-11-30' })], today)).toBeNull();
    expect(eligibilityReasons(review, { ...sme, titles: [ending] }, today, { ok: true, reasons: [] })).toEqual([]);
    expect(eligibilityReasons(review, { ...sme, titles: [ending] }, today, { ok: false, reasons: ['2025 年度信息未按期更新'] })).toEqual([
      '2025 年度信息未按期更新',
    ]);
    expect(eligibilityReasons(review, { ...sme, titles: [title('srdi')] }, today)).toEqual([
      '本企业没有在 2026 年到期的有效专精特新中小企业称号，不在本次复核范围内',
    ]);
    expect(heldOn({ status: 'under_review', validUntil: '2026-12-30' }, today)).toBe(true);
  });
});

describe('the 申报书 form', () => {
  const registry = {
    name: '重庆测试科技有限公司',
    uscc: '91500153MA5U7K3P0X',
    districtCode: '500153',
    industryCode: '35',
    sector: 'industry',
    establishedOn: '2015-03-01',
    registeredCapital: 10_000_000,
    legalRepresentative: '张三',
    address: '荣昌区',
    contactName: '李四',
    contactPhone: '13800000000',
    mainProduct: '智能装备',
    nicheMarket: '工业机器人减速器',
    nicheEntryYear: 2016,
    facts: { digitalLevel: 3, mainProductField: 'key_chain', ip: { classI: 5 }, featuredScore: 8 },
    years: [
      { year: 2024, revenue: 80_000_000, rdExpense: 4_000_000, employees: 120 },
      { year: 2025, revenue: 100_000_000, rdExpense: 5_000_000, employees: 130 },
    ],
    titles: [{ tier: 'innovative', status: 'valid', validUntil: '2027-01-01' }],
    honours: [{ kind: 'high_tech', validUntil: null }],
  };

  it('is pre-filled from the registry: the last three years (empty where the registry has none), facts, qualifications', () => {
    const form = formFromRegistry(registry, today);
    expect(form.basic).toMatchObject({ name: registry.name, sector: 'industry', registeredCapital: 10_000_000 });
    expect(form.operations?.years?.map((y) => [y.year, y.revenue])).toEqual([
      [2023, null],
      [2024, 80_000_000],
      [2025, 100_000_000],
    ]);
    expect(form.specialisation).toMatchObject({ nicheEntryYear: 2016, mainProductField: 'other', srdiField: 'key_chain' });
    expect(form.other?.qualifications).toEqual({ highTech: true, techSme: false, innovativeSme: true, srdiSme: false });
    expect(form.featured?.featuredScore).toBe(8);
  });

  it('becomes the evaluation input: empty figures count as 0; the rule set is the round’s', () => {
    const form = formFromRegistry(registry, today);
    const input = formToEvaluationInput(form, { type: 'new' }, today);
    expect(input.years).toHaveLength(3);
    expect(input.years[0]).toMatchObject({ year: 2023, revenue: 0 });
    expect(input.enterprise).toMatchObject({ yearsInNiche: 10, digitalLevel: 3, srdiField: 'key_chain', featuredScore: 8 });
    expect(input.enterprise.ip).toEqual({ classI: 5, classIHighValue: 0, classISelfDeveloped: 0, classII: 0 });
    // The registry's qualifications at submission win over the form's.
    const held = { highTech: false, techSme: false, innovativeSme: false, srdiSme: false };
    expect(formToEvaluationInput(form, { type: 'new' }, today, held).enterprise.qualifications).toEqual(held);
    // The round's rule set, even where the date alone would pick another.
    expect(evaluateRuleSet(input, 'srdi-2022').ruleSet).toMatch(/^srdi-2022/);
    expect(evaluateTier(input, 'srdi').ruleSet).toMatch(/^srdi-2026/);
    expect(() => evaluateRuleSet(input, 'nonsense-2030')).toThrow();
    expect(formToEvaluationInput({}, { type: 'review' }, today).years).toEqual([expect.objectContaining({ year: 2025, revenue: 0 })]);
  });

  it('lists its evidence files once', () => {
    expect(evidenceFileIds({ evidence: { ip: ['a', 'b'], rd: ['b', 'c'] } })).toEqual(['a', 'b', 'c']);
  });
});

describe('the round window as an application sees it', () => {
  const w = { opensOn: '2026-11-01', closesOn: '2026-11-30', continuous: false, cutoffDates: [] as string[] };
  it('is open on both ends; judges a draft as of a day within the window', () => {
    expect([windowOpen(w, '2026-11-01'), windowOpen(w, '2026-11-30'), windowOpen(w, '2026-12-01')]).toEqual([true, true, false]);
    expect([assessmentDateOf(w, '2026-10-01'), assessmentDateOf(w, '2026-11-15'), assessmentDateOf(w, '2026-12-20')]).toEqual([
      '2026-11-01',
      '2026-11-15',
      '2026-11-30',
    ]);
  });
  it('counts the district review from the close, or (创新型, continuous) from the next cut-off date', () => {
    expect(reviewCountsFrom(w, '2026-11-10')).toBe('2026-11-30');
    const c = { ...w, continuous: true, cutoffDates: ['2026-11-20', '2026-11-10'] };
    expect(reviewCountsFrom(c, '2026-11-05')).toBe('2026-11-10');
    expect(reviewCountsFrom(c, '2026-11-10')).toBe('2026-11-10');
    expect(reviewCountsFrom(c, '2026-11-11')).toBe('2026-11-20');
    expect(reviewCountsFrom(c, '2026-11-25')).toBe('2026-11-30');
  });
});
