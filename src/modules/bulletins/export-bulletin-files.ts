import type { Actor } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import type { BulletinSnapshot } from './bulletins.schemas.js';
import { exportBulletinRanking } from './export-bulletin-ranking.js';
import { loadReadableBulletin } from './get-bulletin.js';
import { renderBulletinDocx } from './render-bulletin-docx.js';

/** A published 通报's file name without extension: its title, revision marked. */
const baseName = (row: { title: string; revision: number }) => (row.revision > 0 ? `${row.title}（第${row.revision}次更正）` : row.title);

/** The Word file of a published 通报 (from its snapshot). */
export async function exportBulletinDocument(ctx: AppContext, actor: Actor | null, id: string) {
  const { row } = await loadReadableBulletin(ctx, actor, id);
  const publishedOn = row.publishedAt.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const body = await renderBulletinDocx(row.snapshot as BulletinSnapshot, { title: row.title, documentNo: row.documentNo, publishedOn });
  return { fileName: `${baseName(row)}.docx`, body };
}

/** The ranking and figures of a published 通报 as xlsx. */
export async function exportBulletinXlsx(ctx: AppContext, actor: Actor | null, id: string) {
  const { row } = await loadReadableBulletin(ctx, actor, id);
  return { fileName: `${baseName(row)}（排名）`, body: await exportBulletinRanking(row.snapshot as BulletinSnapshot, row.title) };
}
