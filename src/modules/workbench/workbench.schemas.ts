import { z } from 'zod';

// Every request and response schema of the workbench module's routes (工作台, issue 12).

export const workbenchQuery = z.strictObject({});

export const workbenchTone = z.enum(['normal', 'warning', 'danger']);

/** A unit (区县 or 功能区) of a city item with its own count and list. */
export const workbenchUnit = z.object({
  code: z.string(),
  label: z.string(),
  count: z.number(),
  url: z.string(),
});

/**
 * What needs doing now: `count` of it, `url` the web page that lists exactly those (its filters in the
 * query string), `tone` how pressing, `hint` a sentence beside the count (a due date, what is missing).
 */
export const workbenchItem = z.object({
  key: z.string(),
  label: z.string(),
  count: z.number(),
  url: z.string(),
  tone: workbenchTone,
  hint: z.string().optional(),
  /** City items: the units with the most (largest first), each with its own list. */
  top: z.array(workbenchUnit).optional(),
});
export type WorkbenchItem = z.output<typeof workbenchItem>;

export const workbenchResponse = z.object({
  role: z.string(),
  /** When the counts were read (YYYY-MM-DD, Asia/Shanghai). */
  asOf: z.string(),
  items: z.array(workbenchItem),
});
export type Workbench = z.output<typeof workbenchResponse>;
