// The one set of rules for an enterprise's fields: the API schemas, the import and the web form
// check the same limits with the same words. The limits come from what the database stores
// (integer columns, bigint yuan, dates), so that what passes a check is always accepted by it.
// Each check returns null when the value is fine, or a stable code and a message that does not
// name the field (the caller puts the field's label or path in front).

export interface FieldProblem {
  code: string;
  message: string;
}

/** PostgreSQL `integer` (head counts, years). */
export const INT4_MAX = 2_147_483_647;
/** Whole yuan: a `bigint` column holds more, a double only this exactly. */
export const YUAN_MAX = Number.MAX_SAFE_INTEGER;
/** Dates of facts (成立日期 …): a sane range, well inside what PostgreSQL and JavaScript accept. */
export const FACT_DATE_MIN = '1900-01-01';
export const FACT_DATE_MAX = '2100-12-31';
/** Statistical years (年度) from the founding of the People's Republic. */
export const STAT_YEAR_MIN = 1949;
export const NICHE_YEAR_MIN = 1900;

/** The longest text each field takes. */
export const TEXT_MAX = {
  name: 100,
  legalRepresentative: 50,
  address: 200,
  mainProduct: 100,
  nicheMarket: 100,
  contactName: 50,
  contactPhone: 20,
} as const;

/**
 * Characters no one types into a form and that change what a text shows: C0 controls other
 * than tab/newline, DEL, lone surrogates (PostgreSQL refuses NUL, the rest only hide things),
 * and the bidirectional controls (U+200E/F, U+202A–202E, U+2066–2069) that make a name read
 * differently from what it is.
 */
export const FORBIDDEN_TEXT =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200E\u200F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function checkText(value: string, max: number): FieldProblem | null {
  if (FORBIDDEN_TEXT.test(value)) return { code: 'CONTROL_CHARACTER', message: '含有不允许的控制字符或方向控制字符' };
  if (value.length > max) return { code: 'TOO_LONG', message: `不能超过 ${max} 个字符` };
  return null;
}

const PHONE = /^[0-9+\-() ]{5,20}$/;
export function checkPhone(value: string): FieldProblem | null {
  return PHONE.test(value) ? null : { code: 'PHONE_INVALID', message: '电话号码格式不正确：只能含数字、空格和 + - ( )，共 5～20 位' };
}

/** A number that JSON or a spreadsheet turned into something no field can hold. */
function notFinite(value: number): FieldProblem | null {
  if (Number.isNaN(value)) return { code: 'NUMBER_INVALID', message: '不是有效的数字' };
  if (!Number.isFinite(value)) return { code: 'NUMBER_OUT_OF_RANGE', message: '数值超出范围' };
  return null;
}

/** Whole yuan; only profit and loss may be negative. */
export function checkYuan(value: number, { mayBeNegative = false } = {}): FieldProblem | null {
  const bad = notFinite(value);
  if (bad) return bad;
  if (!Number.isInteger(value)) return { code: 'AMOUNT_INVALID', message: '金额应为以元为单位的整数' };
  if (Math.abs(value) > YUAN_MAX) return { code: 'NUMBER_OUT_OF_RANGE', message: '数值超出范围' };
  if (value < 0 && !mayBeNegative) return { code: 'AMOUNT_NEGATIVE', message: '不能为负数' };
  return null;
}

/** A head count. */
export function checkCount(value: number): FieldProblem | null {
  const bad = notFinite(value);
  if (bad) return bad;
  if (!Number.isInteger(value) || value < 0 || value > INT4_MAX)
    return { code: 'COUNT_INVALID', message: `应为 0～${INT4_MAX} 之间的整数` };
  return null;
}

/** A score from 0 to `max`, at most two decimals (as the national platform publishes them). */
export function checkScore(value: number, max: number): FieldProblem | null {
  const bad = notFinite(value);
  if (bad) return bad;
  if (value < 0 || value > max) return { code: 'SCORE_INVALID', message: `应为 0～${max} 之间的分数` };
  if (Math.abs(Math.round(value * 100) - value * 100) > 1e-6) return { code: 'SCORE_INVALID', message: '分数最多保留两位小数' };
  return null;
}

/** A date of fact (YYYY-MM-DD) within FACT_DATE_MIN..FACT_DATE_MAX and, when `today` is given, not after it. */
export function checkFactDate(date: string, today?: string): FieldProblem | null {
  if (date < FACT_DATE_MIN || date > FACT_DATE_MAX)
    return { code: 'DATE_OUT_OF_RANGE', message: `应在 ${FACT_DATE_MIN} 至 ${FACT_DATE_MAX} 之间` };
  if (today && date > today) return { code: 'DATE_IN_FUTURE', message: '不能晚于今天' };
  return null;
}

/** 成立日期: a date of fact that has already happened. */
export function checkEstablishedOn(date: string, today: string): FieldProblem | null {
  return checkFactDate(date, today);
}

/** 年度 of yearly indicators. */
export function checkStatYear(year: number, currentYear: number): FieldProblem | null {
  if (!Number.isInteger(year) || year < STAT_YEAR_MIN || year > currentYear)
    return { code: 'YEAR_INVALID', message: `应为 ${STAT_YEAR_MIN}～${currentYear} 之间的年份` };
  return null;
}

/**
 * 进入细分市场年份: not after this year (or the assessment year, when one is given) and not
 * before the enterprise was established.
 */
export function checkNicheEntryYear(
  year: number,
  { currentYear, establishedOn }: { currentYear: number; establishedOn?: string | null },
): FieldProblem | null {
  if (!Number.isInteger(year) || year < NICHE_YEAR_MIN)
    return { code: 'YEAR_INVALID', message: `应为 ${NICHE_YEAR_MIN}～${currentYear} 之间的年份` };
  if (year > currentYear) return { code: 'YEAR_IN_FUTURE', message: `不能晚于 ${currentYear} 年` };
  const founded = establishedOn ? Number(establishedOn.slice(0, 4)) : null;
  if (founded !== null && year < founded) return { code: 'NICHE_YEAR_BEFORE_ESTABLISHED', message: `不能早于成立年份（${founded} 年）` };
  return null;
}
