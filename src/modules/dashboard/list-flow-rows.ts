import { todayInShanghai } from '../../domain/dates.js';
import { TIER_LABELS, type Tier } from '../../domain/enterprise-rules.js';
import { type Actor, scopeOf } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { readerFor } from '../../server/read-replica.js';
import { selectEnterpriseNames } from '../enterprises/enterprises.repo.js';
import { selectFlowTitles } from '../recognition/flow-years.repo.js';
import type { FlowRowsQuery } from './dashboard.schemas.js';
import { resolveDashboardScope } from './dashboard-scope.js';

const LEFT_HOW_LABELS = { revoked: '撤销', expired: '到期未复核或复核未通过' } as const;

/** GET /api/dashboard/flows/rows: the titles behind one number of GET /api/dashboard/flows (a page of them and their count). */
export async function listFlowRows(ctx: AppContext, actor: Actor | null, q: FlowRowsQuery) {
  const scope = await resolveDashboardScope(ctx, actor, q.district);
  const db = await readerFor(ctx);
  const { items, total } = await selectFlowTitles(db, {
    scope: scopeOf(actor as Actor),
    districtCode: scope.code ?? undefined,
    today: todayInShanghai(),
    year: q.year,
    tier: q.tier,
    direction: q.direction,
    page: q.page,
    pageSize: q.pageSize,
  });
  const names = new Map((await selectEnterpriseNames(db, [...new Set(items.map((i) => i.enterpriseId))])).map((e) => [e.id, e.name]));
  return {
    items: items.map((i) => ({
      titleId: i.titleId,
      enterpriseId: i.enterpriseId,
      enterpriseName: names.get(i.enterpriseId) ?? '',
      districtName: i.districtName,
      tier: i.tier,
      tierLabel: TIER_LABELS[i.tier as Tier] ?? i.tier,
      recognisedOn: i.recognisedOn,
      leftOn: i.leftOn,
      leftHowLabel: i.leftHow ? LEFT_HOW_LABELS[i.leftHow] : null,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
