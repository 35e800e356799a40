// The 申报书 between the API (amounts in whole yuan, dates as YYYY-MM-DD) and the form on screen
// (amounts in 万元, as the official form asks). Pure, so that it can be tested on its own.

import { formatWan, parseAmount } from '../../../../src/domain/amounts';
import type { ApplicationForm } from '../../../../src/modules/recognition/recognition.schemas';

export type FormData = ApplicationForm;
/** The same shape with amounts in 万元 (numbers as typed). */
export type FormValues = Record<string, unknown> & { operations: { years: Record<string, unknown>[] } };

/** The figures of 经营情况 kept in whole yuan (shown in 万元). */
export const MONEY_FIGURES = [
  'revenue',
  'mainRevenue',
  'netProfit',
  'totalAssets',
  'totalLiabilities',
  'rdExpense',
  'equityFinancing',
] as const;
export const COUNT_FIGURES = ['employees', 'rdStaff'] as const;

const present = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Whole yuan → 万元 as a number for the input (exact to the yuan: 12,345,678 → 1234.5678). */
export const yuanToWan = (yuan: unknown): number | null => (present(yuan) ? Number(formatWan(yuan)) : null);

/** 万元 as typed → whole yuan; null when empty or not a number (the form's own rules say why). */
export function wanToYuan(wan: unknown): number | null {
  if (!present(wan)) return null;
  const parsed = parseAmount(wan, 'wan');
  return 'yuan' in parsed ? parsed.yuan : null;
}

/**
 * The three data years a form shows: those before the year the round closes in, keeping what was
 * entered (or pre-filled from the registry) for each, most recent first.
 */
export function dataYears(closesOn: string, years: readonly { year: number }[] = []): number[] {
  const last = Number(closesOn.slice(0, 4)) - 1;
  const wanted = new Set([last, last - 1, last - 2]);
  for (const y of years) wanted.add(y.year);
  return [...wanted].sort((a, b) => b - a);
}

/** The API's form → the values on screen. */
export function toFormValues(form: Partial<FormData> | null | undefined, closesOn: string): FormValues {
  const f = (form ?? {}) as Partial<FormData>;
  const years = f.operations?.years ?? [];
  const basic = f.basic ?? {};
  return {
    ...f,
    basic: { ...basic, registeredCapital: yuanToWan(basic.registeredCapital) },
    operations: {
      ...f.operations,
      years: dataYears(closesOn, years).map((year) => {
        const row = (years.find((y) => y.year === year) ?? { year }) as Record<string, unknown>;
        return { ...row, ...Object.fromEntries(MONEY_FIGURES.map((k) => [k, yuanToWan(row[k])])) };
      }),
    },
    specialisation: f.specialisation ?? {},
    refinement: { ...f.refinement, quality: f.refinement?.quality ?? {} },
    featured: f.featured ?? {},
    innovation: { ...f.innovation, ip: f.innovation?.ip ?? {}, awards: f.innovation?.awards ?? [] },
    other: { ...f.other, qualifications: f.other?.qualifications ?? {} },
    evidence: f.evidence ?? {},
  };
}

/** Drops empty values (undefined, null, '') so that a draft sends only what was filled in. */
function compact(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}

/** The values on screen → the API's form (whole yuan; empty fields left out; a year with nothing filled in left out). */
export function fromFormValues(values: FormValues): FormData {
  const v = values as Record<string, Record<string, unknown> | undefined>;
  const basic = v.basic ?? {};
  const years = (values.operations?.years ?? [])
    .map((row) =>
      compact({
        ...row,
        ...Object.fromEntries(MONEY_FIGURES.map((k) => [k, wanToYuan(row[k])])),
        ...Object.fromEntries(COUNT_FIGURES.map((k) => [k, present(row[k]) ? row[k] : null])),
      }),
    )
    .filter((row) => Object.keys(row).some((k) => k !== 'year'));
  const innovation = v.innovation ?? {};
  const contest = innovation.makerContest as Record<string, unknown> | null | undefined;
  const awards = ((innovation.awards as Record<string, unknown>[] | undefined) ?? []).filter(
    (a) => a?.level && present(a.rank) && present(a.year),
  );
  return {
    basic: compact({ ...basic, registeredCapital: wanToYuan(basic.registeredCapital) }),
    operations: { years },
    specialisation: compact(v.specialisation ?? {}),
    refinement: { ...compact(v.refinement ?? {}), quality: compact((v.refinement?.quality as Record<string, unknown>) ?? {}) },
    featured: compact(v.featured ?? {}),
    innovation: {
      ...compact(innovation),
      ip: compact((innovation.ip as Record<string, unknown>) ?? {}),
      awards,
      makerContest: contest?.level && present(contest.rank) && present(contest.year) ? contest : null,
    },
    other: { ...compact(v.other ?? {}), qualifications: compact((v.other?.qualifications as Record<string, unknown>) ?? {}) },
    evidence: (values.evidence as Record<string, string[]> | undefined) ?? {},
  } as FormData;
}

/** A field path of the API's validation answer ("form.operations.years.0.revenue") → the form's name path. */
export function fieldPath(field: string): (string | number)[] | null {
  const parts = field.split('.');
  if (parts[0] !== 'form' || parts.length < 3) return null;
  return parts.slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** Where the evaluation's "还差什么" items (MissingItem.id) belong among the tabs. */
export const MISSING_TAB: Record<string, string> = {
  sme: 'operations',
  years: 'operations',
  revenue: 'operations',
  scale: 'operations',
  rd: 'operations',
  rdIntensity: 'operations',
  niche: 'specialisation',
  nicheShare: 'specialisation',
  digital: 'refinement',
  ip: 'innovation',
  rdInstitution: 'innovation',
  developmentScore: 'other',
};
