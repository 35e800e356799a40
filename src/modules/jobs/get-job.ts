import type { Actor } from '../../server/access.js';
import type { AppContext } from '../../server/context.js';
import { unauthenticated } from '../../server/errors.js';
import { JOBS, SCHEDULES } from '../../server/job-registry.js';
import { jobNotFound } from './jobs.errors.js';
import { selectJobOfStarter } from './jobs.repo.js';
import type { JobView } from './jobs.schemas.js';

/** Chinese names of the phases handlers report (progress(phase, …)); an unknown phase shows none. */
export const PHASE_LABELS: Record<string, string> = {
  evaluating: '正在评价',
  reading: '正在读取文件',
  staging: '正在暂存预览结果',
  loading: '正在载入预览结果',
  checking: '正在校验',
  writing: '正在写入',
  done: '已完成',
  sessions: '清理过期会话',
  'login-attempts': '清理登录尝试记录',
  'rate-windows': '清理限流计数',
};

function labelOf(kind: string): string {
  return JOBS.find((j) => j.kind === kind)?.label ?? SCHEDULES.find((s) => s.job.kind === kind)?.job.label ?? '后台任务';
}

/** Progress and outcome of a job, for the actor who started it; 404 for everyone else. */
export async function getJob(ctx: AppContext, actor: Actor | null, id: string): Promise<JobView> {
  if (!actor) throw unauthenticated();
  const job = await selectJobOfStarter(ctx.db, id, actor.userId);
  if (!job) throw jobNotFound();
  const error = job.error as { code?: string; message?: string } | null;
  return {
    id: job.id,
    kind: job.kind,
    label: labelOf(job.kind),
    status: job.status as JobView['status'],
    phase: job.phase,
    phaseLabel: job.phase ? (PHASE_LABELS[job.phase] ?? null) : null,
    done: job.done,
    total: job.total,
    attempts: job.attempts,
    result: job.result,
    // A queued job keeps the error of its last failed attempt while it waits for its retry: show it only once failed.
    error: job.status === 'failed' && error ? { code: error.code ?? 'JOB_FAILED', message: error.message ?? '任务失败' } : null,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
  };
}
