import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getTableColumns } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { enterprises } from '../db/schema/index.js';
import { wanText } from './amounts.js';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ACTIONS,
  auditActionLabel,
  describeChanges,
  ENTERPRISE_FIELD_LABELS,
  type NameLookup,
} from './labels.js';

const SRC = join(import.meta.dirname, '..');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(join(dir, d.name)) : d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [join(dir, d.name)] : [],
  );

/**
 * The actions the code writes to the audit log: the `action:` of every writeAudit call, and in
 * files that insert into audit_log in bulk every dotted code that is not a permission they check.
 */
function writtenActions(): Map<string, string> {
  const found = new Map<string, string>();
  const code = /'([a-z]+\.[a-z_]+)'/g;
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    const where = file.slice(SRC.length + 1);
    for (const call of text.matchAll(/writeAudit\([^;]*?action:\s*([^\n]+)/g))
      for (const m of call[1].matchAll(code)) found.set(m[1], where);
    if (text.includes("'audit_log'")) {
      const permissions = new Set([...text.matchAll(/(?:requireAccess|can)\(\s*\w+,\s*'([a-z]+\.[a-z_]+)'/g)].map((m) => m[1]));
      for (const m of text.matchAll(code)) if (!permissions.has(m[1])) found.set(m[1], where);
    }
  }
  return found;
}

const names: NameLookup = {
  district: (c) => ({ '500153': '荣昌区' })[c],
  industry: (c) => ({ '39': '计算机、通信和其他电子设备制造业' })[c],
  cluster: () => undefined,
};

describe('what people read for the codes', () => {
  it('has a Chinese name for every action the code writes to the audit log', () => {
    const written = writtenActions();
    // The scan must see the known writers, or it proves nothing.
    expect([...written.keys()]).toEqual(
      expect.arrayContaining(['enterprise.update', 'evaluation.run', 'ruleset.publish', 'enterprise.import_create']),
    );
    const unlabelled = [...written].filter(([action]) => !(action in AUDIT_ACTION_LABELS)).map(([a, file]) => `${a} (${file})`);
    expect(unlabelled).toEqual([]);
    for (const action of AUDIT_ACTIONS) expect(AUDIT_ACTION_LABELS[action]).toMatch(/^[\u4e00-\u9fa5（）“”]+$/);
    expect(auditActionLabel('something.unknown')).toBe('其他操作');
  });

  it('names every column of an enterprise', () => {
    const unnamed = Object.keys(getTableColumns(enterprises)).filter((c) => c !== 'facts' && !ENTERPRISE_FIELD_LABELS[c]);
    expect(unnamed).toEqual([]);
  });

  it('shows amounts in 万元 with separators and two decimals', () => {
    expect(wanText(15_000_000)).toBe('1,500.00');
    expect(wanText(1_234_567)).toBe('123.46');
    expect(wanText(-125_000)).toBe('-12.50');
    expect(wanText(49)).toBe('0.00');
    expect(wanText(123_456_789_012)).toBe('12,345,678.90');
  });

  it('describes a change of an enterprise by field name with its unit, in 万元, with names for codes', () => {
    const changes = describeChanges(
      'enterprise',
      'enterprise.update',
      { registeredCapital: 15_000_000, districtCode: '500112', facts: { developmentScore: 40, quality: { ownBrand: false } } },
      {
        registeredCapital: 20_000_000,
        districtCode: '500153',
        facts: { developmentScore: 55, quality: { ownBrand: true } },
        years: [{ year: 2025, revenue: 123_456_700, employees: 80 }],
      },
      names,
    );
    expect(changes).toEqual([
      { field: 'registeredCapital', label: '注册资本（万元）', before: '1,500.00', after: '2,000.00' },
      { field: 'districtCode', label: '所属区县', before: '500112', after: '荣昌区' },
      { field: 'facts.developmentScore', label: '专精特新发展评价得分（分）', before: '40', after: '55' },
      { field: 'facts.quality.ownBrand', label: '自主品牌', before: '否', after: '是' },
      { field: 'years.2025.revenue', label: '2025 年营业收入（万元）', before: null, after: '12,345.67' },
      { field: 'years.2025.employees', label: '2025 年从业人员（人）', before: null, after: '80' },
    ]);
  });

  it('leaves out bookkeeping and never shows a field key', () => {
    const changes = describeChanges(
      'enterprise',
      'enterprise.create',
      null,
      { id: 'x', version: 1, listingStatus: 'star', somethingNew: 1 },
      names,
    );
    expect(changes).toEqual([
      { field: 'listingStatus', label: '上市情况', before: null, after: '科创板上市' },
      { field: 'somethingNew', label: '其他信息', before: null, after: '1' },
    ]);
  });
});
