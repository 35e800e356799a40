// Dates as they arrive in Chinese spreadsheets: real date cells, Excel serial numbers, and text
// such as 2012-06-18, 2012/6/18, 2012.6.18, 2012年6月18日 or 20120618. Result: ISO YYYY-MM-DD.

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

function iso(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  if (y < 1900 || y > 2200) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function parseDate(input: string | number | Date): string | null {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return null;
    // Spreadsheet readers hand dates over as UTC midnight of the calendar day.
    return iso(input.getUTCFullYear(), input.getUTCMonth() + 1, input.getUTCDate());
  }
  if (typeof input === 'number') {
    if (!Number.isInteger(input) || input < 1 || input > 200_000) return null;
    const date = new Date(EXCEL_EPOCH_UTC + input * 86_400_000);
    return iso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  }
  const text = input.normalize('NFKC').trim();
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  // A serial number typed as text.
  if (/^\d{4,6}$/.test(text) && Number(text) > 3000) return parseDate(Number(text));
  return null;
}

/** Today in Asia/Shanghai as YYYY-MM-DD (deadlines and "not in the future" checks). */
// Built once: constructing an Intl.DateTimeFormat costs about half a millisecond (bench, report PUT).
const SHANGHAI_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' });

export function todayInShanghai(now = new Date()): string {
  return SHANGHAI_DAY.format(now);
}
