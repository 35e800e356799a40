import { randomUUID } from 'node:crypto';
import { bulkInsert } from '../db/bulk.js';
import type { DbOrTx } from '../db/database.js';
import { currentTierOf } from '../domain/enterprise-rules.js';
import { deriveFromIndustry, deriveFromName, deriveSize } from '../modules/enterprises/derive.js';
import { ENTERPRISE_BULK_COLUMNS, TITLE_BULK_COLUMNS } from '../modules/enterprises/enterprises.repo.js';
import type { DemoEnterprise } from './demo-enterprises.js';

const TODAY = '2026-11-23';

/** Writes generated enterprises with their years, titles and honours in chunks (bulk SQL, no query builder). */
export async function writeDemoEnterprises(tx: DbOrTx, source: Iterable<DemoEnterprise>, chunkSize = 5000) {
  const counts = { enterprises: 0, years: 0, titles: 0, honours: 0 };
  let chunk: DemoEnterprise[] = [];
  const flush = async () => {
    const ids = chunk.map(() => randomUUID());
    await bulkInsert(
      tx,
      'enterprises',
      [{ name: 'id', type: 'uuid' }, ...ENTERPRISE_BULK_COLUMNS, { name: 'facts', type: 'jsonb' }, { name: 'current_tier', type: 'text' }],
      chunk.map((e, i) => {
        const size = deriveSize(e.industryCode, e.years);
        return [
          ids[i],
          e.uscc,
          e.name,
          e.districtCode,
          e.zoneCode,
          e.industryCode,
          deriveFromIndustry(e.industryCode).sector,
          e.clusterCode,
          e.establishedOn,
          e.registeredCapital,
          e.legalRepresentative,
          e.address,
          e.mainProduct,
          e.nicheMarket,
          e.nicheEntryYear,
          e.listingStatus,
          e.contactName,
          e.contactPhone,
          size.sizeClass,
          size.latestYear,
          size.latestRevenue,
          deriveFromName(e.name).searchText,
          e.facts,
          currentTierOf(e.titles, TODAY),
        ];
      }),
    );
    const years = chunk.flatMap((e, i) =>
      e.years.map((y) => [
        ids[i],
        y.year,
        y.revenue,
        y.mainRevenue,
        y.totalProfit,
        y.netProfit,
        y.totalAssets,
        y.totalLiabilities,
        y.rdExpense,
        y.employees,
        y.rdStaff,
        y.exports,
        y.taxesPaid,
        y.equityFinancing,
      ]),
    );
    await bulkInsert(
      tx,
      'enterprise_years',
      [
        { name: 'enterprise_id', type: 'uuid' },
        { name: 'year', type: 'int4' },
        { name: 'revenue', type: 'int8' },
        { name: 'main_revenue', type: 'int8' },
        { name: 'total_profit', type: 'int8' },
        { name: 'net_profit', type: 'int8' },
        { name: 'total_assets', type: 'int8' },
        { name: 'total_liabilities', type: 'int8' },
        { name: 'rd_expense', type: 'int8' },
        { name: 'employees', type: 'int4' },
        { name: 'rd_staff', type: 'int4' },
        { name: 'exports', type: 'int8' },
        { name: 'taxes_paid', type: 'int8' },
        { name: 'equity_financing', type: 'int8' },
      ],
      years,
    );
    const titles = chunk.flatMap((e, i) =>
      e.titles.map((t) => [ids[i], t.tier, t.level, t.batch, t.recognisedOn, t.validUntil, t.status, t.certificateNo]),
    );
    await bulkInsert(tx, 'enterprise_titles', TITLE_BULK_COLUMNS, titles);
    const honours = chunk.flatMap((e, i) => e.honours.map((h) => [ids[i], h.kind, h.name, h.level, h.obtainedOn, h.validUntil]));
    await bulkInsert(
      tx,
      'enterprise_honours',
      [
        { name: 'enterprise_id', type: 'uuid' },
        { name: 'kind', type: 'text' },
        { name: 'name', type: 'text' },
        { name: 'level', type: 'text' },
        { name: 'obtained_on', type: 'date' },
        { name: 'valid_until', type: 'date' },
      ],
      honours,
    );
    counts.enterprises += chunk.length;
    counts.years += years.length;
    counts.titles += titles.length;
    counts.honours += honours.length;
    chunk = [];
  };
  for (const e of source) {
    chunk.push(e);
    if (chunk.length >= chunkSize) await flush();
  }
  if (chunk.length) await flush();
  return counts;
}
