import { todayInShanghai } from '../../domain/dates.js';
import { TIERS, type Tier } from '../../domain/enterprise-rules.js';
import { RECOGNITION_STATUS_LABELS, REVOCATION_CATEGORIES, type RecognitionStatus } from '../../domain/recognition/lifecycle.js';
import { precheckEligibility } from '../../domain/recognition/rounds.js';
import { type Actor, requireAccess } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { loadCalendar } from '../calendar/load-calendar.js';
import { getEnterprise } from '../enterprises/get-enterprise.js';
import { HELD_TITLE_STATUSES, selectHeldTitles } from '../enterprises/titles.repo.js';
import { findBan } from './find-ban.js';
import { presentRound } from './present-round.js';
import {
  countEnterpriseRounds,
  countRounds,
  type RoundFilter,
  type RoundRow,
  selectApplicationsOfEnterprise,
  selectEnterpriseRounds,
  selectRounds,
} from './rounds.repo.js';

export interface RoundListQuery extends RoundFilter {
  page: number;
  pageSize: number;
}

/**
 * The rounds: every round for officers; for an enterprise the rounds open now and those it applied
 * to, each with its application there and the precheck of whether it may apply.
 */
export async function listRounds(ctx: AppContext, actor: Actor | null, query: RoundListQuery) {
  const who = requireAccess(actor, 'recognition.rounds.read');
  const page = { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
  const today = todayInShanghai();
  const cal = await loadCalendar(ctx.db);
  if (who.role !== 'enterprise') {
    const [rows, total] = await Promise.all([selectRounds(ctx.db, query, page), countRounds(ctx.db, query)]);
    return { items: rows.map((r) => presentRound(r, cal, today)), total, page: query.page, pageSize: query.pageSize };
  }
  if (!who.enterpriseId) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  const enterpriseId = who.enterpriseId;
  const [rows, total] = await Promise.all([
    selectEnterpriseRounds(ctx.db, enterpriseId, today, query, page),
    countEnterpriseRounds(ctx.db, enterpriseId, today, query),
  ]);
  const items = await enterpriseViews(ctx, who, rows, today);
  return {
    items: items.map((i) => ({ ...presentRound(i.row, cal, today), myApplication: i.myApplication, eligibility: i.eligibility })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The enterprise's application in each round and its precheck for each. */
export async function enterpriseViews(ctx: AppContext, who: Actor, rows: RoundRow[], today: string) {
  const enterpriseId = who.enterpriseId as string;
  const enterprise = await getEnterprise(ctx, who, enterpriseId);
  const [applications, held] = await Promise.all([
    selectApplicationsOfEnterprise(
      ctx.db,
      enterpriseId,
      rows.map((r) => r.id),
    ),
    selectHeldTitles(ctx.db, enterpriseId, today),
  ]);
  const heldTiers = [...new Set(held.map((t) => t.tier as Tier))].filter((t) => TIERS.includes(t));
  const bans = new Map<Tier, Awaited<ReturnType<typeof findBan>>>();
  for (const tier of new Set(rows.map((r) => r.tier))) bans.set(tier, await findBan(ctx.db, enterpriseId, tier, today));
  return rows.map((row) => {
    const app = applications.get(row.id);
    const ban = bans.get(row.tier) ?? null;
    const inReviewCohort = held.some(
      (t) =>
        t.tier === row.tier &&
        (HELD_TITLE_STATUSES as readonly string[]).includes(t.status) &&
        t.validUntil?.slice(0, 4) === String(row.year),
    );
    return {
      row,
      myApplication: app
        ? {
            id: app.id,
            status: app.status as RecognitionStatus,
            statusLabel: RECOGNITION_STATUS_LABELS[app.status as RecognitionStatus] ?? app.status,
          }
        : null,
      eligibility: precheckEligibility(row, {
        sizeClass: enterprise.sizeClass,
        heldTiers,
        inReviewCohort,
        ban: ban ? { until: ban.until, categoryLabel: REVOCATION_CATEGORIES[ban.category].label } : null,
      }),
    };
  });
}
