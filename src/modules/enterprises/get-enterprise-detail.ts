import { YEAR_FIELDS, yearOnYear } from '../../domain/enterprise-rules.js';
import { isSme, SIZE_CLASS_LABELS, type SizeClass } from '../../domain/sme-size.js';
import { type Actor, isRole, ROLE_LABELS } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { entityHistory } from '../audit/list-entity-history.js';
import { findDistrict } from '../reference/find-district.js';
import { selectHonours, selectTitles, selectYears } from './enterprises.repo.js';
import type { EnterpriseFacts } from './enterprises.schemas.js';
import { getEnterprise } from './get-enterprise.js';

type HistoryEntry = Awaited<ReturnType<typeof entityHistory>>[number];

/**
 * An enterprise user (or an expert) sees which office changed the record, never the officer's name,
 * account or IP address; officers see the entries as recorded.
 */
function historyAsSeenBy(actor: Actor | null, items: HistoryEntry[]): HistoryEntry[] {
  if (actor?.role === 'city_admin' || actor?.role === 'district_admin') return items;
  return items.map((entry) => {
    const role = entry.actorRole && isRole(entry.actorRole) ? entry.actorRole : null;
    const officer = role !== null && role !== 'enterprise';
    return {
      ...entry,
      ip: null,
      actorId: officer ? null : entry.actorId,
      actorName: officer ? ROLE_LABELS[role] : entry.actorName,
    };
  });
}

/** The enterprise page: facts, indicators by year with year-on-year change, titles, honours, timeline. */
export async function getEnterpriseDetail(ctx: AppContext, actor: Actor | null, id: string) {
  const enterprise = await getEnterprise(ctx, actor, id);
  const [years, titles, honours, history, district, zone] = await Promise.all([
    selectYears(ctx.db, id),
    selectTitles(ctx.db, id),
    selectHonours(ctx.db, id),
    entityHistory(ctx, 'enterprise', id).then((items) => historyAsSeenBy(actor, items)),
    findDistrict(ctx, enterprise.districtCode),
    enterprise.zoneCode ? findDistrict(ctx, enterprise.zoneCode) : undefined,
  ]);
  const byYear = new Map(years.map((y) => [y.year, y]));
  const { searchText: _s, searchVector: _v, ...rest } = enterprise;
  const size = enterprise.sizeClass as SizeClass | null;
  return {
    ...rest,
    facts: rest.facts as EnterpriseFacts,
    districtName: district?.name ?? enterprise.districtCode,
    zoneName: zone?.name ?? null,
    sizeClassLabel: size ? SIZE_CLASS_LABELS[size] : null,
    isSme: size ? isSme(size) : null,
    years: years.map((y) => {
      const previous = byYear.get(y.year - 1);
      return {
        ...y,
        yoy: Object.fromEntries(YEAR_FIELDS.map((f) => [f, yearOnYear(y[f], previous?.[f])])),
      };
    }),
    titles,
    honours,
    history,
  };
}
