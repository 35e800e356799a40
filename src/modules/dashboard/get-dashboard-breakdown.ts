import { BREAKDOWN_DIMENSION_LABELS, BREAKDOWN_FIGURES, TIER_ROWS } from '../../domain/dashboard/cockpit-figures.js';
import { todayInShanghai } from '../../domain/dates.js';
import { SECTION_RANGES } from '../../domain/industry-sections.js';
import { type Actor, scopeOf } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { readerFor } from '../../server/read-replica.js';
import { type BreakdownDimension, countEnterprisesBy } from '../enterprises/enterprise-breakdown.repo.js';
import type { ListQuery } from '../enterprises/enterprises.schemas.js';
import { listClusters } from '../reference/list-clusters.js';
import { listDistricts } from '../reference/list-districts.js';
import { listIndustries } from '../reference/list-industries.js';
import type { BreakdownQuery } from './dashboard.schemas.js';
import { resolveDashboardScope } from './dashboard-scope.js';
import { enterpriseRowsUrl } from './get-dashboard.js';

const DIMENSION: Record<BreakdownQuery['by'], BreakdownDimension> = {
  district: 'place',
  industry: 'industry',
  cluster: 'cluster',
  tier: 'tier',
};

/** The 门类 (section) of a 大类 (division) code. */
function sectionOf(division: string): string | undefined {
  return Object.entries(SECTION_RANGES).find(([, [from, to]]) => division >= from && division <= to)?.[0];
}

type Row = { key: string; label: string; value: number; rowsUrl: string; kind?: string };

/**
 * GET /api/dashboard/breakdown: a cockpit figure (the enterprises of some list filters) counted by
 * district (every 区县 and zone, 0 included; for the map), 行业门类, “33618” cluster (every active one)
 * or tier (the highest title held, and none), in the reader's place, read from the replica when set.
 * Each row's rowsUrl is the enterprise list with the figure's filters, the place's and the row's.
 */
export async function getDashboardBreakdown(ctx: AppContext, actor: Actor | null, q: BreakdownQuery) {
  const scope = await resolveDashboardScope(ctx, actor, q.district);
  const who = actor as Actor;
  const figure = BREAKDOWN_FIGURES[q.figure];
  const asOf = todayInShanghai();
  const place = scope.code;
  const db = await readerFor(ctx);
  // The figure's filters are list filters (cockpit-figures.ts): the same words GET /api/enterprises reads.
  const filter = { ...figure.filter, ...(place ? { district: place } : {}) } as Partial<ListQuery>;
  const groups = await countEnterprisesBy(db, scopeOf(who), filter, DIMENSION[q.by]);
  const url = (filters: Record<string, string>, at: string | null = place) => enterpriseRowsUrl(at, { ...figure.filter, ...filters });
  const sum = new Map<string, number>();
  const add = (key: string, n: number) => sum.set(key, (sum.get(key) ?? 0) + n);
  let rows: Row[];
  switch (q.by) {
    case 'district': {
      // The list's place filter reads the district or the zone: an enterprise of a zone counts in both.
      for (const g of groups) {
        if (g.key) add(g.key, g.n);
        if (g.zone && g.zone !== g.key) add(g.zone, g.n);
      }
      const districts = await listDistricts(ctx, who);
      const kindOf = new Map(districts.map((d) => [d.code, d.kind]));
      rows = districts.map((d) => {
        // Within a place, another row is its overlap with the place: a zone of the district, or a district of the zone.
        const rowsUrl =
          !place || d.code === place
            ? url({}, d.code)
            : kindOf.get(d.code) === 'zone'
              ? url({ zone: d.code })
              : url({ zone: place }, d.code);
        return { key: d.code, label: d.name, value: sum.get(d.code) ?? 0, rowsUrl, kind: d.kind };
      });
      break;
    }
    case 'industry': {
      for (const g of groups) {
        const section = g.key ? sectionOf(g.key) : undefined;
        if (section) add(section, g.n);
      }
      const names = new Map((await listIndustries(ctx, who)).filter((i) => i.level === 'section').map((i) => [i.code, i.name]));
      rows = [...sum]
        .map(([code, value]) => ({ key: code, label: names.get(code) ?? code, value, rowsUrl: url({ industry: code }) }))
        .sort((a, b) => b.value - a.value || a.key.localeCompare(b.key));
      break;
    }
    case 'cluster': {
      for (const g of groups) if (g.key) add(g.key, g.n);
      rows = (await listClusters(ctx, who))
        .filter((c) => c.active || sum.has(c.code))
        .map((c) => ({ key: c.code, label: c.name, value: sum.get(c.code) ?? 0, rowsUrl: url({ cluster: c.code }) }));
      break;
    }
    case 'tier': {
      for (const g of groups) add(g.key ?? 'none', g.n);
      rows = TIER_ROWS.map((t) => ({ key: t.key, label: t.label, value: sum.get(t.key) ?? 0, rowsUrl: url({ tier: t.key }) }));
      break;
    }
  }
  return { asOf, scope, by: q.by, byLabel: BREAKDOWN_DIMENSION_LABELS[q.by], figure: q.figure, label: figure.label, rows };
}
