import type { Actor } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import ExcelJS from '../../server/exceljs.js';
import { getTitleFlows } from './get-title-flows.js';

export const FLOW_COLUMNS = [
  { header: '区县', key: 'districtName', width: 16 },
  { header: '梯度层级', key: 'tierLabel', width: 26 },
  { header: '新进入', key: 'entered', width: 10 },
  { header: '退出合计', key: 'left', width: 10 },
  { header: '其中：撤销', key: 'revoked', width: 12 },
  { header: '其中：到期', key: 'expired', width: 12 },
  { header: '复核通过', key: 'renewed', width: 10 },
  { header: '年末有效', key: 'heldAtYearEnd', width: 10 },
] as const;

/** The flows of a year as an xlsx: the same rows and numbers as the JSON, with a 合计 row. */
export async function exportTitleFlows(ctx: AppContext, actor: Actor | null, q: { year: number; districtCode?: string }) {
  const flows = await getTitleFlows(ctx, actor, q);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(`${q.year}年有进有出`);
  sheet.columns = FLOW_COLUMNS.map((c) => ({ ...c }));
  sheet.getRow(1).font = { bold: true };
  for (const r of flows.rows) sheet.addRow(r);
  const sum = (k: 'entered' | 'left' | 'revoked' | 'expired' | 'renewed' | 'heldAtYearEnd') => flows.rows.reduce((n, r) => n + r[k], 0);
  const total = sheet.addRow({
    districtName: '合计',
    tierLabel: '',
    entered: sum('entered'),
    left: sum('left'),
    revoked: sum('revoked'),
    expired: sum('expired'),
    renewed: sum('renewed'),
    heldAtYearEnd: sum('heldAtYearEnd'),
  });
  total.font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
