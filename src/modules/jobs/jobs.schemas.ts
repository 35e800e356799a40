import { z } from 'zod';

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;

export const jobParams = z.strictObject({ id: z.string().max(100) });

/** A job as the one who started it reads it: progress, phase, result or error (Chinese message). */
export const jobResponse = z.object({
  id: z.string(),
  kind: z.string(),
  /** The job's name in Chinese ('批量评价'). */
  label: z.string(),
  status: z.enum(JOB_STATUSES),
  /** The step it is in, as the handler names it (the page shows it in Chinese). */
  phase: z.string().nullable(),
  /** Chinese name of the phase, when the job kind names its phases; else null. */
  phaseLabel: z.string().nullable(),
  done: z.number(),
  total: z.number().nullable(),
  attempts: z.number(),
  result: z.unknown(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  createdAt: z.date(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
});

export type JobView = z.infer<typeof jobResponse>;
