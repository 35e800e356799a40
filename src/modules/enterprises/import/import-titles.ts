// Import of a published title list (e.g. 第七批专精特新"小巨人"企业名单): sets titles on enterprises
// already in the registry, found by USCC or by exact name. Preview and commit as for enterprises.
import { sql } from 'drizzle-orm';
import { bulkInsert, bulkUpdate } from '../../../db/bulk.js';
import type { DbOrTx } from '../../../db/database.js';
import { enterprises, enterpriseTitles } from '../../../db/schema/index.js';
import { parseDate, todayInShanghai } from '../../../domain/dates.js';
import { currentTierOf, TIER_LABELS, TIERS, type Tier } from '../../../domain/enterprise-rules.js';
import { checkText, TEXT_MAX } from '../../../domain/field-rules.js';
import { checkUscc, normalizeUscc } from '../../../domain/uscc.js';
import { type Actor, inScope, requireAccess, scopeOf } from '../../../server/access.js';
import type { AppContext } from '../../../server/context.js';
import { AppError } from '../../../server/errors.js';
import { TITLE_BULK_COLUMNS } from '../enterprises.repo.js';
import { headerMatcher, type ImportColumn, type MatchedHeader } from './columns.js';
import type { ImportResult, InTransaction } from './import-enterprises.js';
import type { ImportError } from './parse-rows.js';
import { readTable } from './read-table.js';

const TITLE_COLUMNS: ImportColumn[] = [
  { key: 'uscc', header: '统一社会信用代码', kind: 'uscc', aliases: ['信用代码', '社会信用代码'] },
  { key: 'name', header: '企业名称', kind: 'text', aliases: ['单位名称', '企业全称', '名称'] },
  { key: 'tier', header: '称号', kind: 'tier', aliases: ['认定类型', '企业类型', '类别'] },
  { key: 'level', header: '级别', kind: 'level', aliases: ['认定级别'] },
  { key: 'batch', header: '批次', kind: 'text', aliases: ['认定批次'] },
  { key: 'recognisedOn', header: '认定日期', kind: 'date', aliases: ['认定时间', '公告日期', '发文日期'] },
  { key: 'validUntil', header: '有效期至', kind: 'date', aliases: ['有效期', '有效期截止', '到期日期'] },
  { key: 'certificateNo', header: '证书编号', kind: 'text', aliases: ['证书号', '编号'] },
  { key: 'status', header: '状态', kind: 'status', aliases: ['称号状态'] },
];
const matchTitleHeaders = headerMatcher(TITLE_COLUMNS);

const TIER_BY_TEXT = new Map<string, Tier>([
  ...TIERS.map((t) => [t, t] as const),
  ...Object.entries(TIER_LABELS).map(([t, label]) => [label.replace(/["“”]/g, ''), t as Tier] as const),
  ['创新型', 'innovative'],
  ['创新型中小企业', 'innovative'],
  ['专精特新', 'srdi'],
  ['专精特新中小企业', 'srdi'],
  ['市级专精特新', 'srdi'],
  ['小巨人', 'little_giant'],
  ['专精特新小巨人', 'little_giant'],
  ['国家级专精特新小巨人', 'little_giant'],
  ['专精特新小巨人企业', 'little_giant'],
]);
const STATUS_BY_TEXT = new Map([
  ['有效', 'valid'],
  ['已过期', 'expired'],
  ['过期', 'expired'],
  ['已撤销', 'revoked'],
  ['撤销', 'revoked'],
  ['取消', 'revoked'],
]);
/** Validity when the list does not say: three years (暂行办法 2022, criteria.md §5b). */
const DEFAULT_VALID_YEARS = 3;

export interface TitleRow {
  row: number;
  uscc?: string;
  name?: string;
  tier: Tier;
  level: string;
  batch: string | null;
  recognisedOn: string;
  validUntil: string;
  certificateNo: string | null;
  status: string;
}

const cleanTierText = (s: string) => s.normalize('NFKC').replace(/["“”\s]/g, '');

async function parseTitleRows(buffer: Buffer, fileName: string, defaultTier: Tier | undefined, errors: ImportError[]): Promise<TitleRow[]> {
  const table = await readTable(buffer, fileName);
  const today = todayInShanghai();
  let headers: MatchedHeader[] | null = null;
  const rows: TitleRow[] = [];
  let seen = 0;
  for await (const { rowNumber, cells } of table.rows) {
    seen++;
    if (!headers) {
      const matched = matchTitleHeaders(cells);
      if (matched.some((h) => h.column.key === 'uscc' || h.column.key === 'name') && matched.length >= 2) headers = matched;
      else if (seen >= 10) break;
      continue;
    }
    if (cells.every((c) => c === null || String(c).trim() === '')) continue;
    const value = (key: string) => {
      const h = headers?.find((x) => x.column.key === key);
      const raw = h ? cells[h.index] : null;
      return { h, raw, text: raw === null || raw === undefined || raw instanceof Date ? '' : String(raw).trim() };
    };
    const fail = (column: string, code: string, message: string) => errors.push({ row: rowNumber, column, code, message });
    const before = errors.length;
    const usccCell = value('uscc');
    let uscc: string | undefined;
    if (usccCell.text) {
      uscc = normalizeUscc(usccCell.text);
      if (checkUscc(uscc) === 'format') fail('统一社会信用代码', 'ENTERPRISE_USCC_INVALID', `统一社会信用代码“${usccCell.text}”格式不正确`);
    }
    const name = value('name').text || undefined;
    // Texts that are stored (or matched) pass the same rule as the registry's, so the commit never meets a character the database refuses.
    for (const [key, label, max] of [
      ['name', '企业名称', TEXT_MAX.name],
      ['batch', '批次', 100],
      ['certificateNo', '证书编号', 100],
    ] as const) {
      const p = value(key).text ? checkText(value(key).text, max) : null;
      if (p) fail(label, p.code, `${label}${p.message}`);
    }
    if (!uscc && !name) fail('企业名称', 'REQUIRED', '统一社会信用代码和企业名称至少填写一项');
    const tierCell = value('tier');
    const tier = tierCell.text ? TIER_BY_TEXT.get(cleanTierText(tierCell.text)) : defaultTier;
    if (!tier)
      fail(
        '称号',
        tierCell.text ? 'TIER_UNKNOWN' : 'REQUIRED',
        tierCell.text ? `未知的称号“${tierCell.text}”` : '请填写称号，或在导入时选择称号',
      );
    const dateOf = (key: string, label: string, required: boolean) => {
      const c = value(key);
      if (c.raw === null || c.raw === undefined || c.raw === '') {
        if (required) fail(label, 'REQUIRED', `${label}不能为空`);
        return undefined;
      }
      const d = parseDate(c.raw as string | number | Date);
      if (!d) fail(label, 'DATE_INVALID', `${label}“${c.text}”不是有效日期`);
      return d ?? undefined;
    };
    const recognisedOn = dateOf('recognisedOn', '认定日期', true);
    if (recognisedOn && recognisedOn > today) fail('认定日期', 'DATE_IN_FUTURE', '认定日期不能晚于今天');
    let validUntil = dateOf('validUntil', '有效期至', false);
    if (recognisedOn && !validUntil) validUntil = `${Number(recognisedOn.slice(0, 4)) + DEFAULT_VALID_YEARS}${recognisedOn.slice(4)}`;
    if (recognisedOn && validUntil && validUntil <= recognisedOn) fail('有效期至', 'DATE_ORDER', '有效期至应晚于认定日期');
    const statusText = value('status').text;
    const status = statusText ? STATUS_BY_TEXT.get(statusText) : validUntil && validUntil < today ? 'expired' : 'valid';
    if (!status) fail('状态', 'STATUS_UNKNOWN', `未知的状态“${statusText}”：应为 有效、已过期 或 已撤销`);
    const levelText = value('level').text;
    const level = levelText
      ? /国家|national/.test(levelText)
        ? 'national'
        : /市|省|municipal/.test(levelText)
          ? 'municipal'
          : undefined
      : tier === 'little_giant'
        ? 'national'
        : 'municipal';
    if (!level) fail('级别', 'LEVEL_UNKNOWN', `未知的级别“${levelText}”：应为 国家级 或 市级`);
    if (errors.length > before) continue;
    rows.push({
      row: rowNumber,
      uscc,
      name,
      tier: tier as Tier,
      level: level as string,
      batch: value('batch').text || null,
      recognisedOn: recognisedOn as string,
      validUntil: validUntil as string,
      certificateNo: value('certificateNo').text || null,
      status: status as string,
    });
  }
  if (!headers) throw new AppError('IMPORT_HEADER_NOT_FOUND', 400, '未找到表头：应有“统一社会信用代码”或“企业名称”以及“认定日期”等列');
  return rows;
}

/** A title list read and checked row by row: the rows that passed and the errors. */
export interface ParsedTitleFile {
  rows: TitleRow[];
  errors: ImportError[];
}

/** Reads and checks a title list (the one parse an import makes). */
export async function parseTitleFile(
  actor: Actor | null,
  file: { buffer: Buffer; fileName: string },
  defaultTier?: Tier,
): Promise<ParsedTitleFile> {
  requireAccess(actor, 'enterprise.titles');
  const errors: ImportError[] = [];
  const rows = await parseTitleRows(file.buffer, file.fileName, defaultTier, errors);
  return { rows, errors };
}

/** Imports a title list in one go (the API's single request). */
export async function importTitles(
  ctx: AppContext,
  actor: Actor | null,
  file: { buffer: Buffer; fileName: string },
  mode: 'preview' | 'commit',
  defaultTier?: Tier,
): Promise<ImportResult> {
  return applyTitleRows(ctx, actor, await parseTitleFile(actor, file, defaultTier), file.fileName, mode);
}

/** Preview shows which titles would be added or changed; commit writes them all or none (in `inTransaction`). */
export async function applyTitleRows(
  ctx: AppContext,
  actor: Actor | null,
  parsed: ParsedTitleFile,
  fileName: string,
  mode: 'preview' | 'commit',
  {
    inTransaction = (fn) => ctx.db.transaction(fn),
    onCommitted,
  }: { inTransaction?: InTransaction; onCommitted?: (tx: DbOrTx, result: ImportResult) => Promise<void> } = {},
): Promise<ImportResult> {
  const who = requireAccess(actor, 'enterprise.titles');
  const scope = scopeOf(who);
  const errors: ImportError[] = [...parsed.errors];
  const rows = parsed.rows;
  if (!rows.length && !errors.length) throw new AppError('IMPORT_FILE_EMPTY', 400, '表头下方没有数据行');

  const run = async (db: DbOrTx) => {
    const usccs = rows.flatMap((r) => (r.uscc ? [r.uscc] : []));
    const names = rows.flatMap((r) => (!r.uscc && r.name ? [r.name] : []));
    const found = await db
      .select({
        id: enterprises.id,
        uscc: enterprises.uscc,
        name: enterprises.name,
        districtCode: enterprises.districtCode,
        zoneCode: enterprises.zoneCode,
      })
      .from(enterprises)
      .where(sql`${enterprises.uscc} = any(${sql.param(usccs)}::text[]) or ${enterprises.name} = any(${sql.param(names)}::text[])`);
    const byUscc = new Map(found.map((e) => [e.uscc, e]));
    const byName = new Map<string, typeof found>();
    for (const e of found) byName.set(e.name, [...(byName.get(e.name) ?? []), e]);
    const existing = await db
      .select()
      .from(enterpriseTitles)
      .where(sql`${enterpriseTitles.enterpriseId} = any(${sql.param(found.map((e) => e.id))}::uuid[])`);
    const titleKey = (id: string, tier: string, on: string) => `${id}|${tier}|${on}`;
    const stored = new Map(existing.map((t) => [titleKey(t.enterpriseId, t.tier, t.recognisedOn), t]));
    const inserts: (TitleRow & { enterpriseId: string })[] = [];
    const updates: (TitleRow & { id: string; enterpriseId: string })[] = [];
    let unchanged = 0;
    const seen = new Map<string, number>();
    for (const r of rows) {
      // Only enterprises in the officer's scope are candidates: one elsewhere answers exactly as one
      // that does not exist, and is never named (a list must not probe other districts' registries).
      const visible = (e: (typeof found)[number] | undefined) =>
        e !== undefined && inScope(scope, { enterpriseId: e.id, districtCode: e.districtCode, zoneCode: e.zoneCode });
      const candidates = r.uscc ? [byUscc.get(r.uscc)].filter(visible) : (byName.get(r.name ?? '') ?? []).filter(visible);
      if (!candidates.length) {
        errors.push({
          row: r.row,
          column: r.uscc ? '统一社会信用代码' : '企业名称',
          code: 'ENTERPRISE_NOT_FOUND',
          message: `该${r.uscc ? '统一社会信用代码' : '企业名称'}不在本辖区企业库中：请核对，或先导入企业信息`,
        });
        continue;
      }
      if (candidates.length > 1) {
        errors.push({
          row: r.row,
          column: '企业名称',
          code: 'ENTERPRISE_AMBIGUOUS',
          message: `企业库中有 ${candidates.length} 家名为“${r.name}”的企业：请填写统一社会信用代码`,
        });
        continue;
      }
      const e = candidates[0] as (typeof found)[number];
      if (r.uscc && r.name && e.name !== r.name) {
        errors.push({
          row: r.row,
          column: '企业名称',
          code: 'ENTERPRISE_NAME_MISMATCH',
          message: `信用代码 ${r.uscc} 在企业库中为“${e.name}”，与名单中的“${r.name}”不一致`,
        });
        continue;
      }
      const key = titleKey(e.id, r.tier, r.recognisedOn);
      if (seen.has(key)) {
        errors.push({ row: r.row, column: '认定日期', code: 'IMPORT_DUPLICATE_ROW', message: `与第 ${seen.get(key)} 行重复` });
        continue;
      }
      seen.set(key, r.row);
      const old = stored.get(key);
      if (!old) inserts.push({ ...r, enterpriseId: e.id });
      else if (
        old.level !== r.level ||
        old.batch !== r.batch ||
        old.validUntil !== r.validUntil ||
        old.certificateNo !== r.certificateNo ||
        old.status !== r.status
      ) {
        updates.push({ ...r, id: old.id, enterpriseId: e.id });
      } else unchanged++;
    }
    errors.sort((a, b) => a.row - b.row);
    const result: ImportResult = {
      created: inserts.length,
      updated: updates.length,
      unchanged,
      rows: rows.length,
      errors: errors.slice(0, 5000),
      errorCount: errors.length,
      committed: false,
    };
    return { inserts, updates, result };
  };

  if (mode === 'preview') return (await run(ctx.db)).result;
  return inTransaction(async (tx) => {
    const { inserts, updates, result } = await run(tx);
    if (result.errorCount)
      throw new AppError('IMPORT_HAS_ERRORS', 400, `名单中有 ${result.errorCount} 处错误，未导入任何称号。请修改后重新导入`, result);
    await bulkInsert(
      tx,
      'enterprise_titles',
      TITLE_BULK_COLUMNS,
      inserts.map((t) => [t.enterpriseId, t.tier, t.level, t.batch, t.recognisedOn, t.validUntil, t.status, t.certificateNo]),
    );
    await bulkUpdate(
      tx,
      'enterprise_titles',
      { name: 'id', type: 'uuid' },
      [
        { name: 'level', type: 'text' },
        { name: 'batch', type: 'text' },
        { name: 'valid_until', type: 'date' },
        { name: 'status', type: 'text' },
        { name: 'certificate_no', type: 'text' },
      ],
      updates.map((t) => [t.id, t.level, t.batch, t.validUntil, t.status, t.certificateNo]),
    );
    // Keep each touched enterprise's current tier in step with its titles.
    const touched = [...new Set([...inserts, ...updates].map((t) => t.enterpriseId))];
    const titles = touched.length
      ? await tx
          .select()
          .from(enterpriseTitles)
          .where(sql`${enterpriseTitles.enterpriseId} = any(${sql.param(touched)}::uuid[])`)
      : [];
    const today = todayInShanghai();
    await bulkUpdate(
      tx,
      'enterprises',
      { name: 'id', type: 'uuid' },
      [{ name: 'current_tier', type: 'text' }],
      touched.map((id) => [
        id,
        currentTierOf(
          titles.filter((t) => t.enterpriseId === id),
          today,
        ),
      ]),
      { extraSet: 'version = e.version + 1, updated_at = now()' },
    );
    const actorName = `${who.displayName}（${who.username}）`;
    await bulkInsert(
      tx,
      'audit_log',
      [
        { name: 'actor_id', type: 'uuid' },
        { name: 'actor_name', type: 'text' },
        { name: 'actor_role', type: 'text' },
        { name: 'action', type: 'text' },
        { name: 'entity_type', type: 'text' },
        { name: 'entity_id', type: 'text' },
        { name: 'after', type: 'jsonb' },
        { name: 'ip', type: 'text' },
      ],
      [...inserts, ...updates].map((t) => [
        who.userId,
        actorName,
        who.role,
        'enterprise.titles_import',
        'enterprise',
        t.enterpriseId,
        { tier: t.tier, batch: t.batch, recognisedOn: t.recognisedOn, validUntil: t.validUntil, status: t.status, file: fileName },
        who.ip ?? null,
      ]),
    );
    const done = { ...result, committed: true };
    await onCommitted?.(tx, done);
    return done;
  });
}
