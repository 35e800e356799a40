// 工作台 (issue 12): the rules behind the workbench's items. Pure: no I/O.

/** A title whose validity ends within this many days counts as 即将到期 (the workbench's item and its list). */
export const TITLE_EXPIRY_WARNING_DAYS = 90;

/** How many units a city item's per-district list names (the largest counts first). */
export const WORKBENCH_TOP_UNITS = 5;

export type WorkbenchTone = 'normal' | 'warning' | 'danger';

/** An item that waits for someone: warning while there is any, danger when any is past its date. */
export function toneOf(count: number, { overdue = false, urgent = false }: { overdue?: boolean; urgent?: boolean } = {}): WorkbenchTone {
  if (count <= 0) return 'normal';
  if (overdue) return 'danger';
  return urgent ? 'warning' : 'normal';
}

/** The last day of the expiry window that starts today (YYYY-MM-DD). */
export function expiryWindowEnd(today: string, days = TITLE_EXPIRY_WARNING_DAYS): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (YYYY-MM-DD; negative when `to` is earlier). */
export function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** '2026-12-10' → '2026年12月10日' (the hints' dates, as a notice writes them). */
export function chineseDate(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : day;
}

/** A count as people read it: 12,345. */
export const countText = (n: number): string => n.toLocaleString('zh-CN');
