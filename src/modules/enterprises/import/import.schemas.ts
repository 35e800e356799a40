// Every response schema of the import routes (企业库导入导出).
import { z } from 'zod';
import { errorBody } from '../../../server/validation.js';

export const importError = z.object({ row: z.number(), column: z.string(), code: z.string(), message: z.string() });
const fieldValue = z.union([z.string(), z.number()]).nullable();
export const importResult = z.object({
  created: z.number(),
  updated: z.number(),
  /** Per updated enterprise (the first 1,000): which fields change from what to what (amounts in whole yuan). */
  updates: z
    .array(
      z.object({
        row: z.number(),
        uscc: z.string(),
        name: z.string(),
        changes: z.array(
          z.object({
            field: z.string(),
            label: z.string(),
            kind: z.enum(['text', 'amount', 'count', 'score', 'year', 'date']),
            before: fieldValue,
            after: fieldValue,
          }),
        ),
      }),
    )
    .optional(),
  unchanged: z.number(),
  rows: z.number(),
  errors: z.array(importError),
  errorCount: z.number(),
  committed: z.boolean(),
});

export const importStarted = z.object({ id: z.string() });

/** An import job's progress and result (GET /api/enterprises/import-jobs/:id). */
export const importJob = z.object({
  id: z.string(),
  kind: z.enum(['enterprises', 'titles']),
  mode: z.enum(['preview', 'commit']),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  phase: z.string().nullable(),
  processedRows: z.number(),
  fileName: z.string(),
  result: importResult.nullable(),
  error: errorBody.nullable(),
});
