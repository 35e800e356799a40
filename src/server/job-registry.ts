// Every job definition and schedule of the platform: the worker of each process runs these.
// Add a module's entries with a one-line edit (its definitions live in its <m>.jobs.ts).

import { ENTERPRISES_JOBS } from '../modules/enterprises/enterprises.jobs.js';
import { BATCH_EVALUATION } from '../modules/evaluation/evaluation.jobs.js';
import { COLLECT_FILES_JOB } from '../modules/files/files.jobs.js';
import { OUTBOX_DELIVER_JOB, OUTBOX_DELIVER_SCHEDULE } from '../modules/messages/messages.jobs.js';
import type { JobDefinition, ScheduleDefinition } from './queue.js';
import { DAILY_SWEEP, HOURLY_CLEANUP, MONTHLY_REMINDER } from './sweeps.js';

// biome-ignore lint/suspicious/noExplicitAny: the registry holds definitions of every payload type
export const JOBS: JobDefinition<any>[] = [COLLECT_FILES_JOB, BATCH_EVALUATION, OUTBOX_DELIVER_JOB, ...ENTERPRISES_JOBS];

export const SCHEDULES: ScheduleDefinition[] = [DAILY_SWEEP, MONTHLY_REMINDER, HOURLY_CLEANUP, OUTBOX_DELIVER_SCHEDULE];
