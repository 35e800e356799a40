// The enterprise import: preview (what would change, what is wrong) and commit (all or nothing).
import { randomUUID } from 'node:crypto';
import { type BulkColumn, bulkInsert, bulkUpdate } from '../../../db/bulk.js';
import type { DbOrTx } from '../../../db/database.js';
import { todayInShanghai } from '../../../domain/dates.js';
import { COUNT_FIELDS, checkYearValues, YEAR_FIELD_LABELS, YEAR_FIELDS, type YearValues } from '../../../domain/enterprise-rules.js';
import { checkNicheEntryYear } from '../../../domain/field-rules.js';
import { SIZE_CLASS_LABELS, type SizeClass } from '../../../domain/sme-size.js';
import { type Actor, inScope, requireAccess, type Scope, scopeOf } from '../../../server/access.js';
import type { AppContext } from '../../../server/context.js';
import { AppError } from '../../../server/errors.js';
import { timed } from '../../../server/phase-timing.js';
import { breather, holdingDatabase, pacer, timedChunks } from '../../../server/responsive.js';
import { listClusters } from '../../reference/list-clusters.js';
import { listDistricts } from '../../reference/list-districts.js';
import { listIndustries } from '../../reference/list-industries.js';
import { deriveFromIndustry, deriveFromName, deriveSize } from '../derive.js';
import {
  analyzeEnterprises,
  ENTERPRISE_BULK_COLUMNS,
  type EnterpriseRow,
  selectEnterprisesByUscc,
  selectRegisteredUsccs,
  selectVersionsOf,
  selectYearsOf,
  YEAR_COLUMNS,
  YEARS_ON_CONFLICT,
  type YearRow,
  yearValues,
} from '../enterprises.repo.js';
import { LISTING_LABELS } from '../enterprises.schemas.js';
import { IMPORT_COLUMNS, type ImportedFact } from './columns.js';
import { type ImportError, type ParsedEnterprise, type ParsedRow, parseRows, type ReferenceData, ROWS_PER_BREATHER } from './parse-rows.js';
import { readTable } from './read-table.js';

export type ImportMode = 'preview' | 'commit';

/** One field an update changes, as the preview shows it: amounts in whole yuan, codes as their names. */
export interface FieldChange {
  field: string;
  label: string;
  kind: 'text' | 'amount' | 'count' | 'score' | 'year' | 'date';
  before: string | number | null;
  after: string | number | null;
}
export interface EnterpriseChanges {
  row: number;
  uscc: string;
  name: string;
  changes: FieldChange[];
}

export interface ImportResult {
  created: number;
  updated: number;
  /** What each updated enterprise would change (the first MAX_UPDATES_LISTED), so that an officer sees what is overwritten. */
  updates?: EnterpriseChanges[];
  unchanged: number;
  rows: number;
  errors: ImportError[];
  /** All errors, when `errors` holds only the first MAX_ERRORS_RETURNED. */
  errorCount: number;
  committed: boolean;
}

const MAX_ERRORS_RETURNED = 5000;
/** Enterprises looked up and compared per step of the plan (one short query each, breathers between). */
const LOOKUP_CHUNK = 1000;
const MAX_UPDATES_LISTED = 1000;
const ENTERPRISE_FIELDS = [
  'name',
  'districtCode',
  'zoneCode',
  'industryCode',
  'clusterCode',
  'establishedOn',
  'registeredCapital',
  'legalRepresentative',
  'address',
  'mainProduct',
  'nicheMarket',
  'nicheEntryYear',
  'listingStatus',
  'contactName',
  'contactPhone',
] as const satisfies readonly (keyof ParsedEnterprise & keyof EnterpriseRow)[];
type EnterpriseField = (typeof ENTERPRISE_FIELDS)[number];

interface Group {
  uscc: string;
  firstRow: number;
  enterprise: ParsedEnterprise;
  years: Map<number, { rowNumber: number; values: { year: number } & YearValues }>;
}

/** Rows of one enterprise (one per year) folded together; contradictions are errors. */
async function groupRows(rows: ParsedRow[], errors: ImportError[]): Promise<Map<string, Group>> {
  const groups = new Map<string, Group>();
  for (const [index, row] of rows.entries()) {
    if (index % ROWS_PER_BREATHER === ROWS_PER_BREATHER - 1) await breather();
    const { uscc } = row.enterprise;
    let group = groups.get(uscc);
    if (!group) {
      group = { uscc, firstRow: row.rowNumber, enterprise: row.enterprise, years: new Map() };
      groups.set(uscc, group);
    } else {
      const { firstRow } = group;
      const disagree = (column: string) =>
        errors.push({
          row: row.rowNumber,
          column,
          code: 'IMPORT_ROWS_DISAGREE',
          message: `与第 ${firstRow} 行同一企业（${uscc}）的信息不一致`,
        });
      for (const field of ENTERPRISE_FIELDS) {
        const value = row.enterprise[field];
        if (value === undefined) continue;
        const before = group.enterprise[field];
        if (before !== undefined && before !== value) disagree(IMPORT_COLUMNS.find((c) => c.key === field)?.header ?? field);
        else (group.enterprise as unknown as Record<string, unknown>)[field] = value;
      }
      // Scores the same way: one value per enterprise, whichever row gives it.
      for (const [fact, value] of Object.entries(row.enterprise.facts ?? {}) as [ImportedFact, number][]) {
        const before = group.enterprise.facts?.[fact];
        if (before !== undefined && before !== value) disagree(IMPORT_COLUMNS.find((c) => c.fact === fact)?.header ?? fact);
        else group.enterprise.facts = { ...group.enterprise.facts, [fact]: value };
      }
    }
    if (row.year) {
      const earlier = group.years.get(row.year.year);
      if (earlier) {
        errors.push({
          row: row.rowNumber,
          column: '年度',
          code: 'IMPORT_DUPLICATE_ROW',
          message: `与第 ${earlier.rowNumber} 行重复：同一企业同一年度只能有一行`,
        });
      } else group.years.set(row.year.year, { rowNumber: row.rowNumber, values: row.year });
    } else if (group.firstRow !== row.rowNumber) {
      errors.push({
        row: row.rowNumber,
        column: '统一社会信用代码',
        code: 'IMPORT_DUPLICATE_ROW',
        message: `与第 ${group.firstRow} 行的统一社会信用代码重复`,
      });
    }
  }
  return groups;
}

const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);

interface Plan {
  inserts: {
    id: string;
    row: Omit<EnterpriseRow, 'id' | 'searchVector' | 'version' | 'createdAt' | 'updatedAt' | 'facts' | 'usccOverrideReason'>;
    /** The file's scores, written with the new enterprise. */
    facts: Partial<Record<ImportedFact, number>> | null;
    years: YearRow[];
  }[];
  updates: { before: EnterpriseRow; after: EnterpriseRow; changedFields: EnterpriseField[]; years: YearRow[]; changedYears: number[] }[];
  /** Enterprises whose facts the file changes (scores): the facts as they will be, and what changed. */
  facts: { id: string; facts: Record<string, unknown>; changed: Partial<Record<ImportedFact, number>> }[];
  unchanged: number;
  changes: EnterpriseChanges[];
  /** What was decided for each enterprise of the file without an error (staged by the preview for its commit). */
  decisions: Map<string, Decision>;
}

/** An enterprise of the file as the preview decided: new, an update, or unchanged at this version of the registry's row. */
export type Decision = { k: 'insert' } | { k: 'update' } | { k: 'unchanged'; id: string; v: number };

/**
 * What the commit knows without looking again (checked in its own transaction): codes still
 * absent from the registry, and enterprises whose row still has the version the preview compared.
 */
type Known = Map<string, 'absent' | 'unchanged'>;

const KIND_OF_COLUMN: Partial<Record<string, FieldChange['kind']>> = {
  amount: 'amount',
  count: 'count',
  score: 'score',
  year: 'year',
  date: 'date',
};

/** Field changes of one enterprise in words: the column's label without its unit, districts, clusters and listing by name. */
function describeChanges(
  reference: ReferenceData,
  before: EnterpriseRow,
  after: EnterpriseRow,
  fields: readonly EnterpriseField[],
  facts: Record<string, unknown>,
  years: FieldChange[],
): FieldChange[] {
  const place = new Map(reference.districts.map((d) => [d.code, d.name]));
  const cluster = new Map(reference.clusters.map((c) => [c.code, c.name]));
  const industry = new Map(reference.industries.map((i) => [i.code, `${i.code} ${i.name}`]));
  const shown = (field: string, value: unknown): string | number | null => {
    if (value === null || value === undefined) return null;
    if (field === 'districtCode' || field === 'zoneCode') return place.get(String(value)) ?? String(value);
    if (field === 'clusterCode') return cluster.get(String(value)) ?? String(value);
    if (field === 'industryCode') return industry.get(String(value)) ?? String(value);
    if (field === 'listingStatus') return LISTING_LABELS[value as keyof typeof LISTING_LABELS] ?? String(value);
    return value as string | number;
  };
  const column = (key: string) => IMPORT_COLUMNS.find((c) => c.key === key);
  const label = (key: string) => (column(key)?.header ?? key).replace(/（[^）]*）$/, '');
  const stored = (before.facts ?? {}) as Record<string, unknown>;
  return [
    ...fields.map((f) => ({
      field: f,
      label: label(f),
      kind: KIND_OF_COLUMN[column(f)?.kind ?? ''] ?? ('text' as const),
      before: shown(f, before[f]),
      after: shown(f, after[f]),
    })),
    ...Object.entries(facts).map(([f, v]) => ({
      field: `facts.${f}`,
      label: label(f),
      kind: 'score' as const,
      before: (stored[f] as number | undefined) ?? null,
      after: v as number,
    })),
    ...years,
    // Derived from the years: shown so that a change of size class is no surprise.
    ...(same(before.sizeClass, after.sizeClass)
      ? []
      : [
          {
            field: 'sizeClass',
            label: '企业规模',
            kind: 'text' as const,
            before: SIZE_CLASS_LABELS[before.sizeClass as SizeClass] ?? before.sizeClass,
            after: SIZE_CLASS_LABELS[after.sizeClass as SizeClass] ?? after.sizeClass,
          },
        ]),
  ];
}

/** Compares the file with the registry; an empty cell leaves the stored value as it is. */
async function plan(
  db: DbOrTx,
  groups: Map<string, Group>,
  scope: Scope,
  reference: ReferenceData,
  errors: ImportError[],
  known: Known = new Map(),
): Promise<Plan> {
  const currentYear = Number(todayInShanghai().slice(0, 4));
  const result: Plan = { inserts: [], updates: [], facts: [], unchanged: 0, changes: [], decisions: new Map() };
  const all: Group[] = [];
  for (const g of groups.values()) {
    const k = known.get(g.uscc);
    if (k === 'unchanged') result.unchanged++;
    else all.push(g);
  }
  // In chunks: short lookups with breathers between, and the comparison of one chunk at a time.
  const pace = pacer();
  for (let start = 0; start < all.length; start += LOOKUP_CHUNK) {
    const chunk = all.slice(start, start + LOOKUP_CHUNK);
    const lookup = chunk.filter((g) => known.get(g.uscc) !== 'absent');
    await pace();
    const existing = new Map(
      lookup.length
        ? (
            await selectEnterprisesByUscc(
              db,
              lookup.map((g) => g.uscc),
            )
          ).map((e) => [e.uscc, e])
        : [],
    );
    const existingYears = new Map<string, YearRow[]>();
    if (existing.size) {
      await pace();
      for (const y of await selectYearsOf(
        db,
        [...existing.values()].map((e) => e.id),
      )) {
        const list = existingYears.get(y.enterpriseId) ?? [];
        list.push(y);
        existingYears.set(y.enterpriseId, list);
      }
    }
    await pace();
    planChunk(chunk, existing, existingYears, scope, reference, errors, currentYear, result);
  }
  groups.clear(); // the plan holds what is needed from here on
  return result;
}

/** Compares one chunk of the file's enterprises with what the registry holds of them. */
function planChunk(
  chunk: Group[],
  existing: Map<string, EnterpriseRow>,
  existingYears: Map<string, YearRow[]>,
  scope: Scope,
  reference: ReferenceData,
  errors: ImportError[],
  currentYear: number,
  result: Plan,
): void {
  for (const group of chunk) {
    const before = existing.get(group.uscc);
    const e = group.enterprise;
    if (before && !inScope(scope, { enterpriseId: before.id, districtCode: before.districtCode, zoneCode: before.zoneCode })) {
      errors.push({
        row: group.firstRow,
        column: '统一社会信用代码',
        code: 'IMPORT_OUT_OF_SCOPE',
        // Never the name: outside one's scope only that the code is taken, which a new registration must know.
        message: '该统一社会信用代码已在其他区县登记，请联系市经信委',
      });
      continue;
    }
    if (!before) {
      const missing = (['districtCode', 'industryCode', 'establishedOn'] as const).filter((f) => e[f] === undefined);
      if (missing.length) {
        const labels = { districtCode: '所属区县', industryCode: '行业大类代码', establishedOn: '成立日期' };
        for (const f of missing)
          errors.push({ row: group.firstRow, column: labels[f], code: 'REQUIRED', message: `新企业必须填写${labels[f]}` });
        continue;
      }
    }
    // The niche entry year against the establishment date, the file's or the stored one.
    const nicheEntryYear = e.nicheEntryYear ?? before?.nicheEntryYear;
    if (nicheEntryYear != null && (e.nicheEntryYear !== undefined || e.establishedOn !== undefined)) {
      const p = checkNicheEntryYear(nicheEntryYear, { currentYear, establishedOn: e.establishedOn ?? before?.establishedOn });
      if (p) {
        const column = e.nicheEntryYear !== undefined ? '进入细分市场年份' : '成立日期';
        errors.push({ row: group.firstRow, column, code: p.code, message: `进入细分市场年份${p.message}` });
        continue;
      }
    }
    // Years: the file's values over the stored ones.
    const stored = before ? (existingYears.get(before.id) ?? []) : [];
    const byYear = new Map(stored.map((y) => [y.year, y]));
    const id = before?.id ?? randomUUID();
    const changedYears: number[] = [];
    const yearChanges: FieldChange[] = [];
    let yearProblem = false;
    for (const { rowNumber, values } of group.years.values()) {
      const old = byYear.get(values.year);
      const merged = { ...(old ?? { enterpriseId: id, year: values.year, updatedAt: new Date() }) } as YearRow;
      let changed = !old;
      for (const f of YEAR_FIELDS) {
        if (values[f] === undefined) continue;
        if (!same(merged[f], values[f])) {
          changed = true;
          // Listed for updates only (a new enterprise's values are all new).
          if (before)
            yearChanges.push({
              field: `years.${values.year}.${f}`,
              label: `${values.year} 年${YEAR_FIELD_LABELS[f]}`,
              kind: COUNT_FIELDS.includes(f) ? 'count' : 'amount',
              before: merged[f] ?? null,
              after: values[f] ?? null,
            });
        }
        (merged as Record<string, unknown>)[f] = values[f];
      }
      for (const p of checkYearValues(values.year, merged, currentYear)) {
        errors.push({
          row: rowNumber,
          column: YEAR_FIELD_LABELS[p.field as keyof typeof YEAR_FIELD_LABELS] ?? p.field,
          code: p.code,
          message: `${p.message}（含库中已有数据）`,
        });
        yearProblem = true;
      }
      if (changed) {
        byYear.set(values.year, merged);
        changedYears.push(values.year);
      }
    }
    if (yearProblem) continue;
    const years = [...byYear.values()];
    const industryCode = e.industryCode ?? before?.industryCode ?? null;
    const derived = {
      ...deriveSize(industryCode, years),
      ...deriveFromIndustry(industryCode),
      ...deriveFromName(e.name ?? before?.name ?? ''),
    };
    if (!before) {
      result.inserts.push({
        id,
        row: {
          uscc: group.uscc,
          name: e.name,
          districtCode: e.districtCode as string,
          zoneCode: e.zoneCode ?? null,
          industryCode,
          clusterCode: e.clusterCode ?? null,
          establishedOn: e.establishedOn ?? null,
          registeredCapital: e.registeredCapital ?? null,
          legalRepresentative: e.legalRepresentative ?? null,
          address: e.address ?? null,
          mainProduct: e.mainProduct ?? null,
          nicheMarket: e.nicheMarket ?? null,
          nicheEntryYear: e.nicheEntryYear ?? null,
          listingStatus: e.listingStatus ?? 'unlisted',
          contactName: e.contactName ?? null,
          contactPhone: e.contactPhone ?? null,
          currentTier: null,
          ...derived,
        },
        facts: e.facts ?? null,
        years: changedYears.map((y) => byYear.get(y) as YearRow),
      });
      result.decisions.set(group.uscc, { k: 'insert' });
      continue;
    }
    const changedFields = ENTERPRISE_FIELDS.filter((f) => e[f] !== undefined && !same(before[f], e[f]));
    const after = { ...before } as EnterpriseRow;
    for (const f of changedFields) (after as Record<EnterpriseField, unknown>)[f] = e[f];
    Object.assign(after, derived);
    if (after.zoneCode !== before.zoneCode || after.districtCode !== before.districtCode) {
      if (!inScope(scope, { districtCode: after.districtCode, zoneCode: after.zoneCode })) {
        errors.push({
          row: group.firstRow,
          column: '所属区县',
          code: 'IMPORT_OUT_OF_SCOPE',
          message: '不能把企业改到您管辖范围以外的区县',
        });
        continue;
      }
    }
    const storedFacts = (before.facts ?? {}) as Record<string, unknown>;
    const changedFacts = Object.fromEntries(Object.entries(e.facts ?? {}).filter(([k, v]) => !same(storedFacts[k], v)));
    if (Object.keys(changedFacts).length) result.facts.push({ id, facts: { ...storedFacts, ...changedFacts }, changed: changedFacts });
    const onlyFacts = !changedFields.length && !changedYears.length && same(after.sizeClass, before.sizeClass);
    if (onlyFacts && !Object.keys(changedFacts).length) {
      result.unchanged++;
      result.decisions.set(group.uscc, { k: 'unchanged', id: before.id, v: before.version });
      continue;
    }
    result.decisions.set(group.uscc, { k: 'update' });
    if (result.changes.length < MAX_UPDATES_LISTED) {
      result.changes.push({
        row: group.firstRow,
        uscc: before.uscc,
        name: after.name,
        changes: describeChanges(reference, before, after, changedFields, changedFacts, yearChanges),
      });
    }
    if (onlyFacts) {
      result.updates.push({ before, after, changedFields, years: [], changedYears });
      continue;
    }
    result.updates.push({ before, after, changedFields, years: changedYears.map((y) => byYear.get(y) as YearRow), changedYears });
  }
}

const enterpriseValues = (r: Plan['inserts'][number]['row']) => [
  r.uscc,
  r.name,
  r.districtCode,
  r.zoneCode,
  r.industryCode,
  r.sector,
  r.clusterCode,
  r.establishedOn,
  r.registeredCapital,
  r.legalRepresentative,
  r.address,
  r.mainProduct,
  r.nicheMarket,
  r.nicheEntryYear,
  r.listingStatus,
  r.contactName,
  r.contactPhone,
  r.sizeClass,
  r.latestYear,
  r.latestRevenue,
  r.searchText,
];

const AUDIT_COLUMNS: BulkColumn[] = [
  { name: 'actor_id', type: 'uuid' },
  { name: 'actor_name', type: 'text' },
  { name: 'actor_role', type: 'text' },
  { name: 'action', type: 'text' },
  { name: 'entity_type', type: 'text' },
  { name: 'entity_id', type: 'text' },
  { name: 'before', type: 'jsonb' },
  { name: 'after', type: 'jsonb' },
  { name: 'ip', type: 'text' },
];
const INSERT_COLUMNS: BulkColumn[] = [{ name: 'id', type: 'uuid' }, ...ENTERPRISE_BULK_COLUMNS, { name: 'facts', type: 'jsonb' }];

/**
 * Writes the plan: per chunk of enterprises one statement for them, one for their years and one
 * for their history. The chunks are sized by time (timedChunks: each chunk's statements take about
 * 150 ms, with a breather before it), so that a PGlite server answers others in between and memory
 * stays bounded whatever the size of the file.
 */
async function write(tx: DbOrTx, actor: Actor, p: Plan, fileName: string) {
  const changedFacts = new Map(p.facts.map((f) => [f.id, f.changed]));
  const factsOf = (id: string) => changedFacts.get(id);
  const actorName = `${actor.displayName}（${actor.username}）`;
  const auditRow = (action: string, id: string, before: unknown, after: unknown) => [
    actor.userId,
    actorName,
    actor.role,
    action,
    'enterprise',
    id,
    before,
    after,
    actor.ip ?? null,
  ];
  for await (const chunk of timedChunks(p.inserts)) {
    await timed('write: enterprises', () =>
      bulkInsert(
        tx,
        'enterprises',
        INSERT_COLUMNS,
        chunk.map((i) => [i.id, ...enterpriseValues(i.row), i.facts ?? {}]),
        { chunk: chunk.length },
      ),
    );
    await timed('write: years', () =>
      bulkInsert(
        tx,
        'enterprise_years',
        YEAR_COLUMNS,
        chunk.flatMap((i) => i.years.map((y) => yearValues({ ...y, enterpriseId: i.id }))),
        { onConflict: YEARS_ON_CONFLICT, chunk: 1_000_000 },
      ),
    );
    // One history entry per enterprise: its timeline.
    await timed('write: audit', () =>
      bulkInsert(
        tx,
        'audit_log',
        AUDIT_COLUMNS,
        chunk.map((i) =>
          auditRow('enterprise.import_create', i.id, null, {
            ...i.row,
            searchText: undefined,
            years: i.years.map((y) => y.year),
            facts: i.facts ?? undefined,
            file: fileName,
          }),
        ),
        { chunk: chunk.length },
      ),
    );
  }
  for await (const chunk of timedChunks(p.updates)) {
    await bulkUpdate(
      tx,
      'enterprises',
      { name: 'id', type: 'uuid' },
      ENTERPRISE_BULK_COLUMNS,
      chunk.map((u) => [u.after.id, ...enterpriseValues(u.after)]),
      { extraSet: 'version = e.version + 1, updated_at = now()', chunk: chunk.length },
    );
    await bulkInsert(
      tx,
      'enterprise_years',
      YEAR_COLUMNS,
      chunk.flatMap((u) => u.years.map(yearValues)),
      { onConflict: YEARS_ON_CONFLICT, chunk: 1_000_000 },
    );
    await bulkInsert(
      tx,
      'audit_log',
      AUDIT_COLUMNS,
      chunk.map((u) =>
        auditRow('enterprise.import_update', u.before.id, Object.fromEntries(u.changedFields.map((f) => [f, u.before[f]])), {
          ...Object.fromEntries(u.changedFields.map((f) => [f, u.after[f]])),
          years: u.changedYears,
          facts: factsOf(u.before.id),
          file: fileName,
        }),
      ),
      { chunk: chunk.length },
    );
  }
  // Scores of enterprises already registered go into their facts as a whole object (the stored
  // facts merged with the file's values above); new enterprises got theirs with the insert.
  for await (const chunk of timedChunks(p.facts)) {
    await bulkUpdate(
      tx,
      'enterprises',
      { name: 'id', type: 'uuid' },
      [{ name: 'facts', type: 'jsonb' }],
      chunk.map((f) => [f.id, f.facts]),
      { chunk: chunk.length },
    );
  }
  // And one for the import as a whole.
  await bulkInsert(tx, 'audit_log', AUDIT_COLUMNS, [
    [
      actor.userId,
      actorName,
      actor.role,
      'enterprise.import',
      'import',
      null,
      null,
      { file: fileName, created: p.inserts.length, updated: p.updates.length, unchanged: p.unchanged },
      actor.ip ?? null,
    ],
  ]);
}

export type ImportProgress = (phase: string, processedRows: number) => void;
/** Runs the commit's work in one transaction (the queue's commitChunk, or a plain transaction). */
export type InTransaction = <T>(fn: (tx: DbOrTx) => Promise<T>) => Promise<T>;

/** A file read and checked row by row: the rows that passed (to be compared with the registry) and the errors. */
export interface ParsedEnterpriseFile {
  rows: ParsedRow[];
  errors: ImportError[];
}

async function referenceOf(ctx: AppContext, who: Actor): Promise<ReferenceData> {
  const [districts, industries, clusters] = await Promise.all([listDistricts(ctx, who), listIndustries(ctx, who), listClusters(ctx, who)]);
  return { districts, industries, clusters };
}

/** Reads and checks a file (the one streaming parse an import makes). */
export async function parseEnterpriseFile(
  ctx: AppContext,
  actor: Actor | null,
  file: { buffer: Buffer; fileName: string },
  progress: ImportProgress = () => {},
): Promise<ParsedEnterpriseFile> {
  const who = requireAccess(actor, 'enterprise.import');
  const reference = await referenceOf(ctx, who);
  const table = await readTable(file.buffer, file.fileName);
  const parsed = await parseRows(table, reference, scopeOf(who), (n) => progress('reading', n));
  return { rows: parsed.rows, errors: parsed.errors };
}

/** Options of a commit: the transaction to run in, and writes of the caller's in it. */
export interface CommitOptions {
  progress?: ImportProgress;
  inTransaction?: InTransaction;
  onCommitted?: (tx: DbOrTx, result: ImportResult) => Promise<void>;
}

/**
 * What a preview stages for its commit: each enterprise of the file (its rows folded together: the
 * file's values, an empty cell absent) and what the preview decided for it.
 */
export interface StagedEnterprise {
  uscc: string;
  firstRow: number;
  enterprise: ParsedEnterprise;
  years: [rowNumber: number, values: { year: number } & YearValues][];
  decision: Decision | null;
}

const stagedOf = (g: Group, decision: Decision | undefined): StagedEnterprise => ({
  uscc: g.uscc,
  firstRow: g.firstRow,
  enterprise: g.enterprise,
  years: [...g.years.values()].map((y) => [y.rowNumber, y.values]),
  decision: decision ?? null,
});
const groupOf = (s: StagedEnterprise): Group => ({
  uscc: s.uscc,
  firstRow: s.firstRow,
  enterprise: s.enterprise,
  years: new Map(s.years.map(([rowNumber, values]) => [values.year, { rowNumber, values }])),
});

function resultOf(p: Plan, rowCount: number, errors: ImportError[]): ImportResult {
  errors.sort((a, b) => a.row - b.row);
  return {
    created: p.inserts.length,
    updated: p.updates.length,
    updates: p.changes,
    unchanged: p.unchanged,
    rows: rowCount + new Set(errors.map((e) => e.row)).size,
    errors: errors.slice(0, MAX_ERRORS_RETURNED),
    errorCount: errors.length,
    committed: false,
  };
}

/** The first step of an import: how the parsed rows compare with the registry, and what to stage for the commit. */
export async function previewEnterpriseRows(
  ctx: AppContext,
  actor: Actor | null,
  parsed: ParsedEnterpriseFile,
  progress: ImportProgress = () => {},
): Promise<{ result: ImportResult; staged: StagedEnterprise[] }> {
  const who = requireAccess(actor, 'enterprise.import');
  const reference = await referenceOf(ctx, who);
  const errors = [...parsed.errors];
  const rowCount = parsed.rows.length;
  progress('checking', rowCount);
  if (rowCount === 0 && errors.length === 0) throw new AppError('IMPORT_FILE_EMPTY', 400, '表头下方没有数据行');
  const groups = await timed('preview: group', () => groupRows(parsed.rows, errors));
  const all = [...groups.values()];
  const p = await timed('preview: plan', () => plan(ctx.db, groups, scopeOf(who), reference, errors));
  return { result: resultOf(p, rowCount, errors), staged: all.map((g) => stagedOf(g, p.decisions.get(g.uscc))) };
}

/**
 * Compares the groups with the registry in the commit's transaction and, without errors, writes
 * them there. `known(tx)` tells what need not be looked up again.
 */
async function commitGroups(
  ctx: AppContext,
  who: Actor,
  groups: Map<string, Group>,
  rowCount: number,
  errors: ImportError[],
  fileName: string,
  known: (tx: DbOrTx) => Promise<Known>,
  { progress = () => {}, inTransaction = (fn) => ctx.db.transaction(fn), onCommitted }: CommitOptions,
): Promise<ImportResult> {
  const reference = await referenceOf(ctx, who);
  return holdingDatabase(() =>
    inTransaction(async (tx) => {
      const k = await timed('commit: recheck', () => known(tx));
      const p = await timed('commit: plan', () => plan(tx, groups, scopeOf(who), reference, errors, k));
      const result = resultOf(p, rowCount, errors);
      if (result.errorCount > 0) {
        throw new AppError(
          'IMPORT_HAS_ERRORS',
          400,
          `文件中有 ${result.errorCount} 处错误，未导入任何数据。请下载错误报告修改后重新导入`,
          result,
        );
      }
      progress('writing', rowCount);
      await timed('commit: write', () => write(tx, who, p, fileName));
      const done = { ...result, committed: true };
      await onCommitted?.(tx, done);
      return done;
    }),
  );
}

/**
 * The commit of a preview: applies what it staged, all or nothing, in one transaction. Only what
 * can have changed since is looked at again there: a code the preview found new is checked to be
 * still absent (one query for all), an enterprise it found unchanged to have the same version
 * (every write of an enterprise or its years raises it); those cost nothing more. Updates, and
 * whatever changed meanwhile, are compared again with the registry as it is now.
 */
export async function commitStagedEnterprises(
  ctx: AppContext,
  actor: Actor | null,
  staged: StagedEnterprise[],
  rowCount: number,
  fileName: string,
  options: CommitOptions = {},
): Promise<ImportResult> {
  const who = requireAccess(actor, 'enterprise.import');
  const groups = new Map(staged.map((s) => [s.uscc, groupOf(s)]));
  const known = async (tx: DbOrTx): Promise<Known> => {
    const out: Known = new Map();
    const fresh = staged.filter((s) => s.decision?.k === 'insert').map((s) => s.uscc);
    const taken = new Set(await selectRegisteredUsccs(tx, fresh));
    for (const uscc of fresh) if (!taken.has(uscc)) out.set(uscc, 'absent');
    const same = staged.filter((s) => s.decision?.k === 'unchanged');
    const versions = await selectVersionsOf(
      tx,
      same.map((s) => (s.decision as { id: string }).id),
    );
    for (const s of same) {
      const d = s.decision as Extract<Decision, { k: 'unchanged' }>;
      if (versions.get(d.id) === d.v) out.set(s.uscc, 'unchanged');
    }
    return out;
  };
  return commitGroups(ctx, who, groups, rowCount, [], fileName, known, options);
}

/**
 * Compares parsed rows with the registry; with mode 'commit' and no errors, writes them in one
 * transaction (`inTransaction`, which may add its own writes, such as the import's record).
 */
export async function applyEnterpriseRows(
  ctx: AppContext,
  actor: Actor | null,
  parsed: ParsedEnterpriseFile,
  fileName: string,
  mode: ImportMode,
  options: CommitOptions = {},
): Promise<ImportResult> {
  if (mode === 'preview') return (await previewEnterpriseRows(ctx, actor, parsed, options.progress)).result;
  const who = requireAccess(actor, 'enterprise.import');
  const errors = [...parsed.errors];
  const rowCount = parsed.rows.length;
  if (rowCount === 0 && errors.length === 0) throw new AppError('IMPORT_FILE_EMPTY', 400, '表头下方没有数据行');
  const groups = await groupRows(parsed.rows, errors);
  return commitGroups(ctx, who, groups, rowCount, errors, fileName, async () => new Map(), options);
}

/**
 * After a large import: fresh statistics for the lists' query plans. PGlite has no autovacuum, so
 * it vacuums the dead rows that updates leave behind; after new enterprises only it analyzes, a few
 * columns per statement with breathers between: over a large registry a vacuum or a whole analyze
 * is one statement of over a second during which nobody is served. Runs as its own job after a
 * commit (REGISTRY_STATISTICS_JOB), so that the import is done when its rows are in.
 */
export async function refreshRegistryStatistics(ctx: AppContext, { vacuum }: { vacuum: boolean }): Promise<void> {
  if (ctx.database.kind === 'pglite' && vacuum) await ctx.database.maintain(['enterprises', 'enterprise_years'], { vacuum: true });
  else {
    for await (const _ of analyzeEnterprises(ctx.db)) await breather();
    await ctx.database.maintain(['enterprise_years'], { vacuum: false });
  }
}

/** Whether a commit's result calls for refreshRegistryStatistics, and with a vacuum. */
export function statisticsAfter(result: ImportResult): { vacuum: boolean } | null {
  return result.created + result.updated > 1000 ? { vacuum: result.updated > 1000 } : null;
}

/** Reads, checks and compares a file in one go (the API's single request); with mode 'commit' and no errors, writes it in one transaction. */
export async function importEnterprises(
  ctx: AppContext,
  actor: Actor | null,
  file: { buffer: Buffer; fileName: string },
  mode: ImportMode,
  progress: ImportProgress = () => {},
): Promise<ImportResult> {
  const parsed = await parseEnterpriseFile(ctx, actor, file, progress);
  const result = await applyEnterpriseRows(ctx, actor, parsed, file.fileName, mode, { progress });
  const statistics = mode === 'commit' && statisticsAfter(result);
  if (statistics) await refreshRegistryStatistics(ctx, statistics);
  return result;
}
