import type { DbOrTx } from '../../db/database.js';
import { type BulletinPeriod, bulletinAsOf, defaultBulletinTitle, parseBulletinPeriod } from '../../domain/bulletins/periods.js';
import { changeSince, fullMark, hasNoData, type IndicatorValue, scoreUnits } from '../../domain/bulletins/scoring.js';
import {
  BULLETIN_INDICATORS,
  BULLETIN_METHOD_LABELS,
  type BulletinIndicatorKey,
  type BulletinSettings,
} from '../../domain/bulletins/settings.js';
import { loadUnitReportingRates } from '../monitoring/load-unit-reporting-rates.js';
import { loadUnitAnnualUpdateRates } from '../recognition/load-unit-annual-update-rates.js';
import { loadUnitReviewPassRates } from '../recognition/load-unit-review-pass-rates.js';
import { loadTargetProgress } from '../targets/load-target-progress.js';
import { selectPreviousBulletin } from './bulletins.repo.js';
import type { BulletinSnapshot } from './bulletins.schemas.js';

// The draft of a 通报: every unit (the 38 区县 and the functional zones) with its score per
// indicator, total, rank and change since the last published 通报 of the kind, and the figures behind
// each score. One statement per figure family for all units (targets, 复核, 年度更新, 监测).

export interface BulletinUnit {
  code: string;
  name: string;
  kind: string;
}

type Figure = BulletinSnapshot['units'][number]['items'][number]['figures'][number];

const counted = (n: number) => `${n.toLocaleString('zh-CN')} 家`;
const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
const pad = (n: number) => String(n).padStart(2, '0');

/** The report months a period's 上报率 counts: those due within it (last month's reports are due this month). */
export function reportMonthsOf(p: BulletinPeriod): { year: number; month: number }[] {
  return p.months.map((m) => (m === 1 ? { year: p.year - 1, month: 12 } : { year: p.year, month: m - 1 }));
}

export async function buildBulletinDraft(
  db: DbOrTx,
  q: { period: BulletinPeriod; settings: BulletinSettings; units: BulletinUnit[]; today: string; inTransaction?: boolean },
): Promise<BulletinSnapshot> {
  const { period, settings, units } = q;
  const asOf = bulletinAsOf(period, q.today);
  const reportMonths = reportMonthsOf(period);
  const reads = [
    () => loadTargetProgress(db, { year: period.year, asOf, unitCodes: units.map((u) => u.code) }),
    () => loadUnitReviewPassRates(db, asOf),
    () => loadUnitAnnualUpdateRates(db, asOf),
    () => loadUnitReportingRates(db, reportMonths),
    () => selectPreviousBulletin(db, period.kind, period.key),
  ] as const;
  // In parallel on the pool (the draft); one after the other on a transaction's single connection (publication).
  const [progress, reviews, updates, reporting, previousRow] = (
    q.inTransaction ? await sequentially(reads) : await Promise.all(reads.map((r) => r()))
  ) as [
    Awaited<ReturnType<(typeof reads)[0]>>,
    Awaited<ReturnType<(typeof reads)[1]>>,
    Awaited<ReturnType<(typeof reads)[2]>>,
    Awaited<ReturnType<(typeof reads)[3]>>,
    Awaited<ReturnType<(typeof reads)[4]>>,
  ];
  const targetOf = new Map(progress.filter((p) => p.unitCode !== null).map((p) => [`${p.unitCode}|${p.indicator}`, p]));
  const monthKeys = reportMonths.map((m) => `${m.year}-${pad(m.month)}`);

  const inputs = units.map((u) => {
    const values: Partial<Record<BulletinIndicatorKey, IndicatorValue>> = {};
    const figures: Partial<Record<BulletinIndicatorKey, Figure[]>> = {};
    for (const ind of settings.indicators) {
      const source = BULLETIN_INDICATORS[ind.key].source;
      switch (source.kind) {
        case 'target': {
          const t = targetOf.get(`${u.code}|${source.targetIndicator}`);
          if (!t || t.value <= 0) {
            values[ind.key] = { kind: 'no_target' };
            figures[ind.key] = [{ label: '年度目标', display: '未设定', value: null, link: null }];
            break;
          }
          values[ind.key] = { kind: 'value', x: t.actual / t.value };
          figures[ind.key] = [
            {
              label: `${t.year}年目标（${t.measure === 'new' ? '新增' : '总量'}）`,
              display: `${counted(t.value)}${t.documentNo ? `（${t.documentNo}）` : ''}`,
              value: t.value,
              link: null,
            },
            {
              label: t.measure === 'new' ? `${t.baselineOn} 以来新增` : `截至 ${asOf} 有效`,
              display: counted(t.actual),
              value: t.actual,
              link: webLink(t.rowsUrl),
            },
            { label: '目标完成率', display: pct(t.actual / t.value), value: t.actual / t.value, link: null },
            { label: '按时序进度应完成', display: counted(t.expected), value: t.expected, link: null },
          ];
          break;
        }
        case 'review_pass_rate': {
          const r = reviews.byUnit.get(u.code) ?? { decided: 0, passed: 0 };
          const rate = ratio(r.passed, r.decided);
          values[ind.key] = rate === null ? { kind: 'not_applicable' } : { kind: 'value', x: rate };
          figures[ind.key] = [
            { label: `${reviews.from.slice(0, 4)}年已有结果的复核申报`, display: counted(r.decided), value: r.decided, link: null },
            { label: '复核通过', display: counted(r.passed), value: r.passed, link: null },
            { label: '复核通过率', display: pct(rate), value: rate, link: null },
          ];
          break;
        }
        case 'annual_update_rate': {
          const r = updates.byUnit.get(u.code) ?? { holders: 0, updated: 0 };
          const rate = ratio(r.updated, r.holders);
          const base = `/recognition/annual-update?dataYear=${updates.dataYear}&district=${u.code}`;
          values[ind.key] = rate === null ? { kind: 'not_applicable' } : { kind: 'value', x: rate };
          figures[ind.key] = [
            { label: `应更新${updates.dataYear}年度信息的企业`, display: counted(r.holders), value: r.holders, link: base },
            { label: '已更新', display: counted(r.updated), value: r.updated, link: `${base}&status=done` },
            { label: '未更新', display: counted(r.holders - r.updated), value: r.holders - r.updated, link: `${base}&status=missing` },
            { label: '完成率', display: pct(rate), value: rate, link: null },
          ];
          break;
        }
        case 'monitoring_rate': {
          const r = reporting.get(u.code) ?? { sample: 0, reported: 0, onTime: 0 };
          const reportRate = ratio(r.reported, r.sample);
          const timelyRate = ratio(r.onTime, r.sample);
          values[ind.key] =
            reportRate === null || timelyRate === null ? { kind: 'not_applicable' } : { kind: 'value', x: (reportRate + timelyRate) / 2 };
          const months = monthKeys.map((k) => `${Number(k.slice(5))}月`).join('、');
          figures[ind.key] = [
            {
              label: `${months}应报月报（企业·月）`,
              display: r.sample.toLocaleString('zh-CN'),
              value: r.sample,
              link: `/monitoring/chase?period=${monthKeys[monthKeys.length - 1]}&district=${u.code}`,
            },
            { label: '已报送', display: r.reported.toLocaleString('zh-CN'), value: r.reported, link: null },
            { label: '按时报送', display: r.onTime.toLocaleString('zh-CN'), value: r.onTime, link: null },
            { label: '上报率', display: pct(reportRate), value: reportRate, link: null },
            { label: '及时率', display: pct(timelyRate), value: timelyRate, link: null },
          ];
          break;
        }
        case 'no_data':
          values[ind.key] = { kind: 'no_data' };
          figures[ind.key] = [];
          break;
      }
    }
    return { unit: u, values, figures };
  });

  const scored = scoreUnits(
    settings,
    inputs.map((i) => ({ code: i.unit.code, values: i.values })),
  );
  const byCode = new Map(inputs.map((i) => [i.unit.code, i]));
  const previousPlaces = new Map(
    ((previousRow?.snapshot as BulletinSnapshot | undefined)?.units ?? []).map((u) => [u.code, { rank: u.rank, total: u.total }]),
  );
  const previousPeriod = previousRow ? parseBulletinPeriod(previousRow.periodKind as BulletinPeriod['kind'], previousRow.period) : null;

  return {
    periodKind: period.kind,
    period: period.key,
    periodLabel: period.label,
    asOf,
    title: defaultBulletinTitle(period),
    cap: settings.cap,
    fullMark: fullMark(settings, new Set(settings.indicators.filter((i) => !hasNoData(i.key)).map((i) => i.key))),
    indicators: settings.indicators.map((i) => ({
      key: i.key,
      label: BULLETIN_INDICATORS[i.key].label,
      description: BULLETIN_INDICATORS[i.key].description,
      weight: i.weight,
      method: i.method,
      methodLabel: BULLETIN_METHOD_LABELS[i.method],
      hasData: !hasNoData(i.key),
    })),
    units: scored.map((s) => {
      const input = byCode.get(s.code) as (typeof inputs)[number];
      const prev = previousPlaces.get(s.code);
      return {
        code: s.code,
        name: input.unit.name,
        kind: input.unit.kind,
        total: s.total,
        rank: s.rank,
        previousRank: prev?.rank ?? null,
        ...changeSince(s, prev),
        items: s.items.map((it) => ({ key: it.key, x: it.x, score: it.score, note: it.note, figures: input.figures[it.key] ?? [] })),
      };
    }),
    previous: previousRow
      ? {
          id: previousRow.id,
          period: previousRow.period,
          periodLabel: previousPeriod?.label ?? previousRow.period,
          title: previousRow.title,
        }
      : null,
    sources: {
      targetYear: period.year,
      reviewFrom: reviews.from,
      annualUpdateDataYear: updates.dataYear,
      annualUpdateDueOn: updates.dueOn,
      monitoringMonths: monthKeys,
    },
  };
}

/** An API list path (/api/enterprises?…) as the web page that shows the same rows (/enterprises?…). */
export const webLink = (rowsUrl: string | null | undefined) => (rowsUrl ? rowsUrl.replace(/^\/api\//, '/') : null);

async function sequentially(reads: readonly (() => Promise<unknown>)[]): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const read of reads) out.push(await read());
  return out;
}
