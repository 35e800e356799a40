import { PassThrough } from 'node:stream';
import { formatWan } from '../../domain/amounts.js';
import { YEAR_FIELDS } from '../../domain/enterprise-rules.js';
import { type Actor, requireAccess, scopeOf } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import ExcelJS from '../../server/exceljs.js';
import { listClusters } from '../reference/list-clusters.js';
import { listDistricts } from '../reference/list-districts.js';
import { LISTING_LABELS, type ListQuery } from './enterprises.schemas.js';
import { IMPORT_COLUMNS } from './import/columns.js';
import { selectExportPage } from './registry-views.repo.js';

const PAGE = 2000;

/**
 * Exactly what the list shows with these filters, as an xlsx in the import layout (so it can be
 * edited and imported back). Streamed page by page: memory does not grow with the row count.
 */
export async function exportEnterprises(ctx: AppContext, actor: Actor | null, filter: Partial<ListQuery>): Promise<PassThrough> {
  const who = requireAccess(actor, 'enterprise.read');
  const placeNames = new Map((await listDistricts(ctx, who)).map((d) => [d.code, d.name]));
  const clusterNames = new Map((await listClusters(ctx, who)).map((c) => [c.code, c.name]));
  const scope = scopeOf(who);
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet('企业信息');
  sheet.columns = IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: Math.max(12, c.header.length * 2 + 2) }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  (async () => {
    let lastId: string | null = null;
    for (;;) {
      const page = await selectExportPage(ctx.db, scope, filter, lastId, PAGE);
      for (const { e, districtName, y } of page) {
        const row: Record<string, unknown> = {
          uscc: e.uscc,
          name: e.name,
          districtCode: districtName,
          zoneCode: e.zoneCode ? placeNames.get(e.zoneCode) : null,
          industryCode: e.industryCode,
          clusterCode: e.clusterCode ? clusterNames.get(e.clusterCode) : null,
          establishedOn: e.establishedOn,
          registeredCapital: e.registeredCapital === null ? null : Number(formatWan(e.registeredCapital)),
          legalRepresentative: e.legalRepresentative,
          address: e.address,
          mainProduct: e.mainProduct,
          nicheMarket: e.nicheMarket,
          nicheEntryYear: e.nicheEntryYear,
          listingStatus: LISTING_LABELS[e.listingStatus as keyof typeof LISTING_LABELS] ?? e.listingStatus,
          contactName: e.contactName,
          contactPhone: e.contactPhone,
          year: y?.year ?? null,
          developmentScore: (e.facts as { developmentScore?: number } | null)?.developmentScore ?? null,
          featuredScore: (e.facts as { featuredScore?: number } | null)?.featuredScore ?? null,
        };
        for (const f of YEAR_FIELDS) {
          const v = y?.[f] ?? null;
          row[f] = v === null ? null : f === 'employees' || f === 'rdStaff' ? v : Number(formatWan(v));
        }
        sheet.addRow(row).commit();
      }
      if (page.length < PAGE) break;
      lastId = page[page.length - 1].e.id;
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error) => out.destroy(error));
  return out;
}
