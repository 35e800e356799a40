import { formatPeriod, isFuturePeriod, parsePeriod } from '../../domain/monitoring/periods.js';
import { type Actor, requireAccess, scopeOf } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { selectRateCounts } from './chasing.repo.js';
import { percentOf } from './list-sample.js';
import { loadDueDates } from './load-due-date.js';
import { chasePeriodFuture } from './monitoring.errors.js';

interface Counts {
  sample: number;
  reported: number;
  onTime: number;
  firstPass: number;
}

/** 上报率 = reported ÷ sample, 及时率 = on time ÷ sample, 一次审核通过率 = first pass ÷ reported (percent, 1 decimal). */
export const ratesOf = (c: Counts) => ({
  ...c,
  reportRate: percentOf(c.reported, c.sample),
  timelyRate: percentOf(c.onTime, c.sample),
  firstPassRate: percentOf(c.firstPass, c.reported),
});

/** The reporting rates of a month per district of the officer's scope, and for the whole scope. */
export async function getReportingRates(ctx: AppContext, actor: Actor | null, query: { period: string }) {
  const officer = requireAccess(actor, 'monitoring.chase.read');
  const period = parsePeriod(query.period);
  if (!period) throw notFound();
  if (isFuturePeriod(period)) throw chasePeriodFuture();
  const [rows, due] = await Promise.all([selectRateCounts(ctx.db, scopeOf(officer), period), loadDueDates(ctx.db, [period])]);
  const all = rows.reduce<Counts>(
    (a, r) => ({
      sample: a.sample + r.sample,
      reported: a.reported + r.reported,
      onTime: a.onTime + r.onTime,
      firstPass: a.firstPass + r.firstPass,
    }),
    { sample: 0, reported: 0, onTime: 0, firstPass: 0 },
  );
  return {
    period: formatPeriod(period),
    dueOn: due.dueOn[0],
    rows: rows.map((r) => ({
      districtCode: r.districtCode,
      districtName: r.districtName ?? '',
      ...ratesOf({ sample: r.sample, reported: r.reported, onTime: r.onTime, firstPass: r.firstPass }),
    })),
    all: ratesOf(all),
  };
}
