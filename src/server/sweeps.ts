// The sweeps the workflows need, as schedules of the job queue (queue.ts): each runs once per slot
// across all processes, and a slot missed while everything was down runs once at the next start.
// A module adds a step with a one-line edit (import + array entry). Steps must be idempotent: a
// sweep that failed is retried, and skips the steps its checkpoint says are done.
import { z } from 'zod';
import { deleteStaleAttempts } from '../modules/auth/login-attempts.repo.js';
import { LOGIN_LIMITS } from '../modules/auth/login-limits.js';
import { deleteExpiredSessions } from '../modules/auth/sessions.repo.js';
import { CALENDAR_MAINTENANCE_STEP } from '../modules/calendar/calendar.jobs.js';
import { deleteExpiredImportFiles } from '../modules/enterprises/import/import.repo.js';
import { FILES_SWEEP_STEP } from '../modules/files/files.jobs.js';
import { OUTBOX_PRUNE_STEP } from '../modules/messages/messages.jobs.js';
import { MONITORING_OPENING_STEP, MONITORING_REMINDER_STEP } from '../modules/monitoring/monitoring.jobs.js';
import {
  ANNUAL_UPDATE_REMINDER_STEP,
  OVERDUE_REVIEW_REMINDER_STEP,
  ROUND_OPENING_STEP,
  TITLE_EXPIRY_STEP,
} from '../modules/recognition/recognition.jobs.js';
import type { AppContext } from './context.js';
import { defineJob, defineSchedule, deleteEndedJobs, type JobDefinition } from './queue.js';
import { deleteEndedWindows } from './rate-limit.repo.js';

export interface SweepStep {
  name: string;
  run(ctx: AppContext, slot: string): Promise<void>;
}

/** Daily at 01:00 (Asia/Shanghai): reminders, overdue escalation, validity expiry. */
export const DAILY_SWEEP_STEPS: SweepStep[] = [
  FILES_SWEEP_STEP,
  CALENDAR_MAINTENANCE_STEP,
  // Import files and staged rows, 7 days after their last job ended.
  { name: 'import-files', run: (ctx) => deleteExpiredImportFiles(ctx.db).then(() => {}) },
  // Outbox deliveries, 30 days after they were recorded.
  OUTBOX_PRUNE_STEP,
  // 初审逾期: districts with applications past their due date, once a day.
  OVERDUE_REVIEW_REMINDER_STEP,
  // Rounds opening today: messages and invitations, once; titles past their validity expire.
  ROUND_OPENING_STEP,
  TITLE_EXPIRY_STEP,
  // 年度信息更新: reminders before the deadline (after the expiry step: only holders are told).
  ANNUAL_UPDATE_REMINDER_STEP,
  // 催报: monthly reports before, on and after their due date, to the sample's non-reporters (once each).
  MONITORING_REMINDER_STEP,
  // Ended jobs: the platform's own after 7 days, users' after a year (queue.ts JOB_RETENTION_DAYS).
  { name: 'ended-jobs', run: (ctx) => deleteEndedJobs(ctx.db).then(() => {}) },
];

/** On the 1st of each month at 09:00: the monthly reporting reminder. */
export const MONTHLY_REMINDER_STEPS: SweepStep[] = [MONITORING_OPENING_STEP];

/** Hourly: expired sessions, stale login attempts, ended rate-limit windows. */
export const HOURLY_CLEANUP_STEPS: SweepStep[] = [
  { name: 'sessions', run: (ctx) => deleteExpiredSessions(ctx.db).then(() => {}) },
  { name: 'login-attempts', run: (ctx) => deleteStaleAttempts(ctx.db, LOGIN_LIMITS.minutes).then(() => {}) },
  { name: 'rate-windows', run: (ctx) => deleteEndedWindows(ctx.db).then(() => {}) },
];

const slotPayload = z.object({ slot: z.string().min(1).max(40) });

/** A job that runs the steps in order; the names of the steps done are its checkpoint. */
function sweepJob(kind: string, label: string, steps: SweepStep[]): JobDefinition<{ slot: string }> {
  return defineJob({
    kind,
    label,
    payload: slotPayload,
    leaseSeconds: 120,
    maxAttempts: 5,
    backoffSeconds: 60,
    async run(job) {
      const done = new Set<string>(Array.isArray(job.checkpoint) ? (job.checkpoint as string[]) : []);
      for (const [i, step] of steps.entries()) {
        if (done.has(step.name)) continue;
        job.progress(step.name, i, steps.length);
        await step.run(job.ctx, job.payload.slot);
        done.add(step.name);
        await job.commitChunk([...done], async () => {});
      }
      return { steps: steps.map((s) => s.name) };
    },
  });
}

export const DAILY_SWEEP_JOB = sweepJob('sweep.daily', '每日期限巡检', DAILY_SWEEP_STEPS);
export const MONTHLY_REMINDER_JOB = sweepJob('reminder.monthly', '每月报送提醒', MONTHLY_REMINDER_STEPS);
export const HOURLY_CLEANUP_JOB = sweepJob('cleanup.hourly', '每小时清理过期会话', HOURLY_CLEANUP_STEPS);

export const DAILY_SWEEP = defineSchedule({ name: 'sweep.daily', label: '每日期限巡检', cron: '0 1 * * *', job: DAILY_SWEEP_JOB });
export const MONTHLY_REMINDER = defineSchedule({
  name: 'reminder.monthly',
  label: '每月报送提醒',
  cron: '0 9 1 * *',
  job: MONTHLY_REMINDER_JOB,
});
export const HOURLY_CLEANUP = defineSchedule({
  name: 'cleanup.hourly',
  label: '每小时清理过期会话',
  cron: '0 * * * *',
  job: HOURLY_CLEANUP_JOB,
});
