// The one way numbers, amounts, dates and times are written on screen (DESIGN.md "Numbers and
// time"). The amount rule itself lives in src/domain/amounts.ts so that the server's texts
// (change history, audit) and exports write 万元 exactly as the pages do.
import { wanText } from '../../../src/domain/amounts';

export { wanText };

const EMPTY = '—';
const TIME_ZONE = 'Asia/Shanghai';

/** Whole yuan → "1,500.00" (万元, separators, two decimals); "—" when there is no value. */
export function wan(yuan: number | null | undefined): string {
  return yuan === null || yuan === undefined || !Number.isFinite(yuan) ? EMPTY : wanText(yuan);
}

/** A count of people, items or enterprises with separators: 12,345. */
export function count(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? EMPTY : n.toLocaleString('zh-CN', { maximumFractionDigits: 0 });
}

/** A percentage already in percent (12.5 → "12.5%"), always `digits` decimals so that a column reads evenly (2.0%, 11.2%). */
export function percent(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return EMPTY;
  return `${value.toLocaleString('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits })}%`;
}

const dateTimeParts = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function shanghai(value: string | Date): Record<string, string> | null {
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return null;
  return Object.fromEntries(dateTimeParts.formatToParts(d).map((p) => [p.type, p.value]));
}

/** A moment as Chongqing reads it, whatever the browser's time zone: "2026-05-03 14:05". */
export function dateTime(value: string | Date | null | undefined, { seconds = false } = {}): string {
  const p = value ? shanghai(value) : null;
  if (!p) return EMPTY;
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}${seconds ? `:${p.second}` : ''}`;
}

/** A calendar date. "YYYY-MM-DD" stays as it is (no time zone shift); a moment is dated in Asia/Shanghai. */
export function date(value: string | Date | null | undefined): string {
  if (!value) return EMPTY;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const p = shanghai(value);
  return p ? `${p.year}-${p.month}-${p.day}` : EMPTY;
}

/** A time of day in Asia/Shanghai: "14:05". */
export function time(value: string | Date | null | undefined): string {
  const p = value ? shanghai(value) : null;
  return p ? `${p.hour}:${p.minute}` : EMPTY;
}

/** Today in Asia/Shanghai, "YYYY-MM-DD" (the date validity and expiry are judged by). */
export const today = (): string => date(new Date());

export type GrowthTone = 'up' | 'down' | 'flat';

/**
 * Year-on-year change as statistics report it. A percentage only makes sense from a positive
 * base; from a loss it reads 扭亏 (now a profit), 减亏 (a smaller loss) or 增亏 (a larger one),
 * and from a profit into a loss 转亏. Null when there is nothing to compare.
 */
export function growth(current: number | null | undefined, previous: number | null | undefined): { text: string; tone: GrowthTone } | null {
  if (current === null || current === undefined || previous === null || previous === undefined) return null;
  if (previous < 0) {
    if (current >= 0) return { text: '扭亏', tone: 'up' };
    if (current === previous) return { text: '持平', tone: 'flat' };
    return current > previous ? { text: '减亏', tone: 'up' } : { text: '增亏', tone: 'down' };
  }
  if (previous === 0) return null;
  if (current < 0) return { text: '转亏', tone: 'down' };
  const pct = Math.round(((current - previous) * 1000) / previous) / 10;
  if (pct === 0) return { text: '0%', tone: 'flat' };
  return pct > 0 ? { text: `+${percent(pct)}`, tone: 'up' } : { text: percent(pct), tone: 'down' };
}
