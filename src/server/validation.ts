import { z } from 'zod';
import { FORBIDDEN_TEXT } from '../domain/field-rules.js';

// Zod's own messages in Simplified Chinese ("无效输入：期望 string，实际接收 number" …).
z.config(z.locales.zhCN());
// …except where they say nothing: 1e309 arrives from JSON as Infinity ("期望 数字，实际接收 数字").
z.config({
  customError: (issue) => {
    const input = (issue as { input?: unknown }).input;
    if (issue.code === 'invalid_type' && (issue.expected === 'number' || issue.expected === 'int') && typeof input === 'number') {
      if (Number.isNaN(input)) return '不是有效的数字';
      if (!Number.isFinite(input)) return '数值超出范围';
      if (issue.expected === 'int') return '应为整数';
    }
    if (issue.code === 'too_big' && issue.origin === 'number' && Number(issue.maximum) >= Number.MAX_SAFE_INTEGER) return '数值超出范围';
    return undefined;
  },
});

// Control and bidirectional-control characters (field-rules.ts): PostgreSQL refuses NUL, the
// rest hide or reorder what a text shows; a clear 400 beats a 500 from the database.
const FORBIDDEN_CHARS = FORBIDDEN_TEXT;

// What no input of any kind may hold (the bidi controls above are a rule for texts only): C0
// controls other than tab/newline, DEL and lone surrogates. PostgreSQL refuses NUL outright.
const UNSTORABLE_CHARS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a string holds a character that no query, path or body field accepts. */
export const hasForbiddenChars = (s: string) => UNSTORABLE_CHARS.test(s);

/** A trimmed text field of at most `max` characters without control characters. */
export function text(max: number, { min = 1 }: { min?: number } = {}) {
  return z
    .string()
    .trim()
    .min(min, min === 1 ? '不能为空' : `至少 ${min} 个字符`)
    .max(max, `不能超过 ${max} 个字符`)
    .refine((s) => !FORBIDDEN_CHARS.test(s), '含有不允许的控制字符或方向控制字符');
}

export const uuid = () => z.uuid('不是有效的编号');

/** Paging for list routes: page from 1, at most 200 rows a page. */
export const paging = {
  page: z.coerce.number().int().min(1, '页码从 1 开始').max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200, '每页最多 200 条').default(20),
};

// Times outside these years are typing errors; PostgreSQL refuses year 0 and JavaScript dates reach
// year 275760, so without a range both ends of a filter could become a 500.
const TIME_MIN = Date.parse('1900-01-01T00:00:00+08:00');
const TIME_MAX = Date.parse('2101-01-01T00:00:00+08:00');

/**
 * A point in time in a query string: a date (YYYY-MM-DD, midnight in Asia/Shanghai) or an ISO 8601
 * time with its offset (2026-01-31T08:00:00+08:00, …Z), between 1900 and 2100.
 */
export function dateTimeQuery() {
  return z
    .string()
    .meta({
      description: '日期（YYYY-MM-DD，北京时间零点）或带时区的 ISO 8601 时间，1900～2100 年',
      examples: ['2026-01-31', '2026-01-31T08:00:00+08:00'],
    })
    .trim()
    .max(40, '不是有效的时间')
    .refine(
      (s) => z.iso.date().safeParse(s).success || z.iso.datetime({ offset: true }).safeParse(s).success,
      '应为日期（如 2026-01-31）或带时区的时间（如 2026-01-31T08:00:00+08:00）',
    )
    .transform((s) => new Date(s.length === 10 ? `${s}T00:00:00+08:00` : s))
    .refine((d) => d.getTime() >= TIME_MIN && d.getTime() < TIME_MAX, '应在 1900 年至 2100 年之间');
}

/** The JSON shape of every error answer. */
export const errorBody = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});
