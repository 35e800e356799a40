import { z } from 'zod';

// Every request and response schema of the monitoring module's routes. Each part adds its own under
// its comment. Amounts are whole yuan in the API (the web shows 万元); periods are 'YYYY-MM'.

/** 'YYYY-MM', a month from 2000-01 on. */
export const period = z.string().regex(/^(20\d\d)-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');

// ---- K: reports and settings ----
// ---- S: sample, review, chasing ----
// ---- A: figures (运行分析) ----
// ---- I: import and export ----
