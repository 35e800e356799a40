// Money arrives as text or numbers in 万元 or 元; the program keeps whole yuan (DESIGN.md).
// Parsing is done on the decimal digits, never through floating point, so 123.4567 万元 is
// exactly 1,234,567 元.

export type AmountUnit = 'yuan' | 'wan';
export type AmountProblem = 'not_a_number' | 'too_precise' | 'too_large';

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;
/** Whole yuan that fit a double exactly (and a PostgreSQL bigint). */
const MAX_YUAN = Number.MAX_SAFE_INTEGER;

/**
 * Text or a number in the given unit → whole yuan. Accepts thousands separators, full-width
 * digits and spaces. 万元 allows up to four decimals (one yuan), 元 none beyond zeros.
 */
export function parseAmount(input: string | number, unit: AmountUnit): { yuan: number } | { problem: AmountProblem } {
  const text = typeof input === 'number' ? numberToPlainText(input) : normaliseDigits(input);
  if (text === null) return { problem: 'not_a_number' };
  const match = DECIMAL.exec(text);
  if (!match) return { problem: 'not_a_number' };
  const [, sign, whole, fraction = ''] = match;
  const scale = unit === 'wan' ? 4 : 0;
  const trimmed = fraction.replace(/0+$/, '');
  if (trimmed.length > scale) return { problem: 'too_precise' };
  const digits = (whole + trimmed.padEnd(scale, '0')).replace(/^0+(?=\d)/, '');
  const value = BigInt(digits) * (sign === '-' ? -1n : 1n);
  if (value > BigInt(MAX_YUAN) || value < -BigInt(MAX_YUAN)) return { problem: 'too_large' };
  return { yuan: Number(value) };
}

/** Whole yuan → 万元 text with up to four decimals, no float error (for export). */
export function formatWan(yuan: number): string {
  const negative = yuan < 0;
  const abs = BigInt(Math.abs(yuan));
  const whole = abs / 10_000n;
  const fraction = (abs % 10_000n).toString().padStart(4, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

function normaliseDigits(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19\uFF0E\uFF0C\uFF0D\uFF0B]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s,，]/g, '');
}

/**
 * A spreadsheet number → decimal text as Excel shows it: 15 significant digits, the precision
 * Excel keeps. So 123.4567 stays "123.4567" and a formula's 0.30000000000000004 becomes "0.3".
 */
function numberToPlainText(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  const s = String(Number(n.toPrecision(15)));
  if (!/e/i.test(s)) return s;
  // Exponent form (very large or very small): expand it exactly.
  const [mantissa, exp] = s.toLowerCase().split('e');
  const e = Number(exp);
  const negative = mantissa.startsWith('-');
  const [int, frac = ''] = mantissa.replace('-', '').split('.');
  const digits = int + frac;
  const point = int.length + e;
  const out =
    point <= 0
      ? `0.${'0'.repeat(-point)}${digits}`
      : point >= digits.length
        ? digits + '0'.repeat(point - digits.length)
        : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (negative ? '-' : '') + out;
}

/** A whole count (people): integer text or number, no decimals. */
export function parseCount(input: string | number): number | null {
  const text = typeof input === 'number' ? String(input) : normaliseDigits(input);
  if (!/^\d+$/.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * Whole yuan → 万元 as people read it: thousands separators and exactly two decimals, rounded
 * half up on the exact integer (15000000 → "1,500.00"). The one display formatter for amounts.
 */
export function wanText(yuan: number): string {
  const negative = yuan < 0;
  const hundreds = (BigInt(Math.round(Math.abs(yuan))) + 50n) / 100n; // 0.01 万元 = 100 元
  const whole = (hundreds / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (hundreds % 100n).toString().padStart(2, '0');
  return `${negative && hundreds > 0n ? '-' : ''}${whole}.${cents}`;
}
