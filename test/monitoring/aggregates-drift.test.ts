import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AggregateRow, aggregateRowKey, selectStoredAggregateRows } from '../../src/modules/monitoring/aggregates.repo.js';
import { rebuildAggregates } from '../../src/modules/monitoring/keep-aggregates.js';
import { type Harness, startHarness } from '../support/harness.js';
import { DATABASE_KINDS } from '../support/test-config.js';

// Aggregates never drift from the rows: a seeded random mix of first submissions, revisions (before
// and after acceptance, with and without explanations), returns and resubmissions through the API,
// then every stored aggregate row is compared with a computation in this file from the report rows
// (independent of the SQL that keeps them), and with a rebuild.

const YEARS = [2021, 2022, 2023];
const MONTHS = [4, 5];

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Row = Record<string, unknown>;
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** The aggregates the rows call for, computed here in JavaScript. */
function expectedAggregates(rows: Row[]): Record<string, Record<string, number>> {
  const accepted = rows.filter((r) => r.status === 'accepted');
  const byKey = new Map(accepted.map((r) => [`${r.enterprise_id}|${r.year}|${r.month}`, r]));
  const out: Record<string, Record<string, number>> = {};
  const metrics: [string, string, boolean][] = [
    ['revenue', 'revenue_ytd', false],
    ['profit', 'profit_ytd', false],
    ['output', 'output_ytd', true],
    ['rd', 'rd_expense_ytd', true],
    ['export', 'export_ytd', true],
    ['tax', 'tax_ytd', true],
    ['employees', 'employees', false],
    ['electricity', 'electricity_ytd', true],
  ];
  for (const r of accepted) {
    if (!YEARS.includes(Number(r.year))) continue;
    const p = byKey.get(`${r.enterprise_id}|${Number(r.year) - 1}|${r.month}`);
    const units: [string, string][] = [['district', String(r.district_code)]];
    if (r.zone_code) units.push(['zone', String(r.zone_code)]);
    const dims: [string, string][] = [
      ['all', ''],
      ['tier', String(r.tier)],
      ['district', String(r.district_code)],
      ['industry', String(r.industry_code ?? '')],
      ['section', String(r.section_code ?? '')],
      ['cluster', String(r.cluster_code ?? '')],
      ['size', String(r.size_class ?? '')],
    ];
    for (const [unitKind, unitCode] of units)
      for (const [dim, dimKey] of dims) {
        const key = aggregateRowKey({
          year: Number(r.year),
          month: Number(r.month),
          unitKind: unitKind as 'district',
          unitCode,
          dim: dim as 'all',
          dimKey,
        });
        out[key] ??= {};
        const s = out[key];
        const add = (col: string, v: number) => {
          s[col] = (s[col] ?? 0) + v;
        };
        add(p ? 'matched' : 'unmatched', 1);
        if (r.revised_after_due || p?.revised_after_due) add('revised', 1);
        if (p)
          for (const [m, col, optional] of metrics) {
            const cur = num(r[col]);
            const prev = num(p[col]);
            if (optional && (cur === null || prev === null)) continue;
            add(`${m}_cur`, cur ?? 0);
            add(`${m}_prev`, prev ?? 0);
          }
        for (const item of ['orders', 'employment', 'financing']) {
          const answer = r[`survey_${item}`];
          if (answer === 'up') add(`${item}_up`, 1);
          if (answer) add(`${item}_answered`, 1);
        }
      }
  }
  return out;
}

function storedNonZero(rows: AggregateRow[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const r of rows) {
    const s = Object.fromEntries(Object.entries(r.sums).filter(([, v]) => v !== 0));
    if (Object.keys(s).length) out[aggregateRowKey(r)] = s;
  }
  return out;
}

describe.each(DATABASE_KINDS)('aggregates never drift from the rows on %s', (kind) => {
  let h: Harness;
  const cookies: Record<string, string> = {};
  const firms: { id: string; officer: string }[] = [];

  beforeAll(async () => {
    h = await startHarness(kind);
    for (const u of ['rongchang.admin', 'yubei.admin']) cookies[u] = await h.login(u);
    const ids = (
      await h.owner.query<{ id: string }>(
        "select id from enterprises where district_code not in ('500153', '500112') order by id desc limit 8",
      )
    ).map((r) => r.id);
    for (const [i, id] of ids.entries()) {
      // Half to 荣昌区, half to 渝北区; half of each in a functional zone.
      const district = i % 2 === 0 ? '500153' : '500112';
      await h.owner.query(
        "update enterprises set district_code = $2, zone_code = case when $3 then (select code from districts where kind = 'zone' order by code limit 1) end where id = $1",
        [id, district, i % 4 < 2],
      );
      await h.owner.query(
        "insert into monitoring_sample (enterprise_id, status, reason) values ($1, 'in', '测试') on conflict (enterprise_id) do update set status = 'in'",
        [id],
      );
      firms.push({ id, officer: district === '500153' ? 'rongchang.admin' : 'yubei.admin' });
    }
  });
  afterAll(async () => {
    await h?.close();
  });

  it('after 90 random submissions, revisions, returns and resubmissions', async () => {
    const random = rng(20261201);
    const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
    const tally: Record<string, number> = {};
    const count = (k: string) => {
      tally[k] = (tally[k] ?? 0) + 1;
    };
    for (let step = 0; step < 90; step++) {
      const firm = pick(firms);
      const year = pick(YEARS);
      const month = pick(MONTHS);
      const period = `${year}-${String(month).padStart(2, '0')}`;
      const url = `/api/monitoring/reports/${firm.id}/${period}`;
      const headers = { cookie: cookies[firm.officer] };
      const current = await h.app.inject({ method: 'GET', url, headers });
      expect(current.statusCode, current.body).toBe(200);
      const report = current.json() as { status: string | null; version: number };
      if (report.status === 'accepted' && random() < 0.25) {
        const res = await h.app.inject({
          method: 'POST',
          url: `${url}/return`,
          headers,
          payload: { version: report.version, reason: '请核实后重报' },
        });
        expect(res.statusCode, res.body).toBe(200);
        count('return');
        continue;
      }
      // Revenue around 10 million (month 5 a little above month 4 in most draws); now and then a jump.
      const base = (month === 5 ? 11 : 10) * 1_000_000 * (0.8 + random() * 0.4) * (random() < 0.15 ? 2 : 1);
      const revenue = Math.round(base);
      const body: Record<string, unknown> = {
        revenueYtd: revenue,
        profitYtd: Math.round(revenue * (0.02 + random() * 0.1)),
        outputYtd: random() < 0.8 ? Math.round(revenue * 0.9) : null,
        exportYtd: random() < 0.5 ? Math.round(revenue * 0.1) : null,
        employees: 20 + Math.floor(random() * 80),
        survey: { orders: pick(['up', 'flat', 'down', undefined]), financing: pick(['up', 'down', undefined]) },
        version: report.version,
      };
      let res = await h.app.inject({ method: 'PUT', url, headers, payload: body });
      if (res.statusCode === 400 && res.json().code === 'MONITORING_CHECK_FAILED') {
        count('hard_fail');
        continue;
      }
      expect(res.statusCode, res.body).toBe(200);
      let out = res.json() as { status: string; checks: { id: string; level: string }[]; version: number };
      count(report.status ? `revise_${report.status}` : 'submit');
      if (out.status === 'needs_explanation' && random() < 0.6) {
        const explanations = Object.fromEntries(out.checks.filter((c) => c.level === 'soft').map((c) => [c.id, '订单集中交付，属实']));
        res = await h.app.inject({ method: 'PUT', url, headers, payload: { ...body, explanations, version: out.version } });
        expect(res.statusCode, res.body).toBe(200);
        out = res.json();
        expect(out.status).toBe('accepted');
        count('explained');
      }
    }
    // The mix did exercise every path.
    for (const k of ['submit', 'revise_accepted', 'return', 'explained'])
      expect(tally[k] ?? 0, `${k} in ${JSON.stringify(tally)}`).toBeGreaterThan(0);

    const rows = await h.database.query<Row>('select * from monitoring_reports where year between 2020 and 2023');
    const expected = expectedAggregates(rows);
    expect(Object.keys(expected).length).toBeGreaterThan(20);
    expect(storedNonZero(await selectStoredAggregateRows(h.database.db, YEARS))).toEqual(expected);
    await rebuildAggregates(h.database.db, { years: YEARS });
    expect(storedNonZero(await selectStoredAggregateRows(h.database.db, YEARS))).toEqual(expected);
  });
});
