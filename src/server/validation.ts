import { z } from 'zod';

// Zod's own messages in Simplified Chinese ("无效输入：期望 string，实际接收 number" …).
z.config(z.locales.zhCN());

// C0 controls other than tab/newline, DEL and lone surrogates: PostgreSQL refuses NUL and
// nobody types the rest; a clear 400 beats a 500 from the database.
const FORBIDDEN_CHARS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A trimmed text field of at most `max` characters without control characters. */
export function text(max: number, { min = 1 }: { min?: number } = {}) {
  return z
    .string()
    .trim()
    .min(min, min === 1 ? '不能为空' : `至少 ${min} 个字符`)
    .max(max, `不能超过 ${max} 个字符`)
    .refine((s) => !FORBIDDEN_CHARS.test(s), '含有不允许的控制字符');
}

export const uuid = () => z.uuid('不是有效的编号');

/** Paging for list routes: page from 1, at most 200 rows a page. */
export const paging = {
  page: z.coerce.number().int().min(1, '页码从 1 开始').max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200, '每页最多 200 条').default(20),
};

/** The JSON shape of every error answer. */
export const errorBody = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});
