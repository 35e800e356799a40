import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Progress, Space, Spin, Typography } from 'antd';
import { type ReactNode, useEffect, useRef } from 'react';
import { ApiError } from '../../shared/api';
import { count, dateTime } from '../../shared/format';
import { fetchJob, type Job, jobKeys } from './api';

const STATUS_TEXT: Record<Job['status'], string> = {
  queued: '排队等待中',
  running: '正在处理',
  done: '已完成',
  failed: '失败',
};

/** What a finished job did, in Chinese, for the kinds whose result has a known shape. */
function resultText(job: Job): string {
  const r = job.result as Record<string, unknown> | null;
  if (job.kind === 'evaluation.batch' && r && typeof r.enterprises === 'number') {
    const q = (r.qualified ?? {}) as Record<string, number>;
    return `已评价 ${count(r.enterprises)} 家企业：符合创新型中小企业条件 ${count(q.innovative ?? 0)} 家，专精特新中小企业 ${count(
      q.srdi ?? 0,
    )} 家，专精特新“小巨人”企业 ${count(q.little_giant ?? 0)} 家；进入后备库（已符合或差距较小）${count(Number(r.withinReach ?? 0))} 家。`;
  }
  if (r && typeof r.created === 'number')
    return `已完成：新增 ${count(r.created)} 条${typeof r.updated === 'number' ? `，更新 ${count(r.updated)} 条` : ''}。`;
  return `${job.label}已完成。`;
}

export interface JobProgressProps {
  jobId: string;
  /** Called once when the job ends (done or failed). */
  onDone?: (job: Job) => void;
  /** Replaces the built-in summary of a finished job's result. */
  renderResult?: (job: Job) => ReactNode;
}

/**
 * Progress of a background job (批量评价, 导入 …): a bar, the step it is in, and its result or error,
 * all read from the server, so the page can be left and opened again (/jobs/:id) at any time.
 */
export function JobProgress({ jobId, onDone, renderResult }: JobProgressProps) {
  const { data: job, error } = useQuery({
    queryKey: jobKeys.one(jobId),
    queryFn: () => fetchJob(jobId),
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'done' || q.state.data.status === 'failed') ? false : 1000),
  });
  const reported = useRef(false);
  useEffect(() => {
    if (job && (job.status === 'done' || job.status === 'failed') && !reported.current) {
      reported.current = true;
      onDone?.(job);
    }
  }, [job, onDone]);

  if (error) {
    const notFound = error instanceof ApiError && error.status === 404;
    return (
      <Alert
        type="error"
        showIcon
        title={notFound ? '任务不存在，或不是您发起的任务' : '读取任务进度失败'}
        description={notFound ? '只有发起任务的用户可以查看它的进度和结果。' : '请稍后刷新页面重试。'}
      />
    );
  }
  if (!job) return <Spin description="正在读取任务进度…" />;

  const percent = job.total ? Math.min(100, Math.floor((job.done / job.total) * 100)) : job.status === 'done' ? 100 : 0;
  const step = job.status === 'running' ? (job.phaseLabel ?? '正在处理') : STATUS_TEXT[job.status];
  return (
    <Space direction="vertical" style={{ width: '100%' }} aria-live="polite">
      <Typography.Text strong>{job.label}</Typography.Text>
      <Progress
        percent={percent}
        status={job.status === 'failed' ? 'exception' : job.status === 'done' ? 'success' : 'active'}
        aria-label={`${job.label}进度`}
      />
      <Typography.Text>
        {step}
        {job.total ? `（${count(job.done)} / ${count(job.total)}）` : ''}
        {job.status === 'queued' && job.attempts > 0 ? `，将自动重试（已尝试 ${count(job.attempts)} 次）` : ''}
      </Typography.Text>
      {job.status === 'done' && (renderResult ? renderResult(job) : <Alert type="success" showIcon title={resultText(job)} />)}
      {job.status === 'failed' && job.error && <Alert type="error" showIcon title={job.error.message} />}
      <Descriptions size="small" column={1}>
        <Descriptions.Item label="发起时间">{dateTime(job.createdAt)}</Descriptions.Item>
        {job.startedAt && <Descriptions.Item label="开始时间">{dateTime(job.startedAt)}</Descriptions.Item>}
        {job.finishedAt && <Descriptions.Item label="结束时间">{dateTime(job.finishedAt)}</Descriptions.Item>}
      </Descriptions>
    </Space>
  );
}
