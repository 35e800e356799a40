import { DownloadOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Cascader, Progress, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { ApiError, query } from '../../shared/api';
import { count } from '../../shared/format';
import { TIER_LABELS } from '../../shared/labels';
import { useReference } from '../../shared/reference';
import { useSession } from '../../shared/session';
import { useUrlState } from '../../shared/useUrlState';
import { evaluationKeys, fetchCurrentRun, fetchPool, fetchRun, type PoolRow, startRun } from './api';

/** "；条件均满足、待人工审核：专精特新 12、小巨人 3" when a tier has any. */
function reviewText(needsReview: Record<string, number> | undefined): string {
  const parts = (['innovative', 'srdi', 'little_giant'] as const)
    .filter((t) => (needsReview?.[t] ?? 0) > 0)
    .map((t) => `${{ innovative: '创新型', srdi: '专精特新', little_giant: '小巨人' }[t]} ${needsReview?.[t]}`);
  return parts.length ? `；硬性条件均满足、待人工审核：${parts.join('、')}` : '';
}

/** 后备库: who already qualifies for a tier they do not hold, and who is within reach. */
export default function PipelinePoolPage() {
  const { message } = App.useApp();
  const { user } = useSession();
  const client = useQueryClient();
  const ref = useReference();
  const [state, setState] = useUrlState(['tier', 'status', 'district', 'industry', 'page', 'run'] as const);
  const tier = state.tier ?? 'srdi';
  const page = Number(state.page ?? 1);
  const filters = { tier, status: state.status, district: state.district, industry: state.industry };
  const pool = useQuery({
    queryKey: evaluationKeys.poolPage(filters, page),
    queryFn: () => fetchPool({ ...filters, page, pageSize: 20 }),
  });
  // The scope's latest run, read from the server: the page can be left and come back to while it runs.
  const run = useQuery({
    queryKey: evaluationKeys.run(state.run),
    queryFn: async () => (state.run ? fetchRun(state.run) : (await fetchCurrentRun()).run),
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'queued' || q.state.data.status === 'running') ? 700 : false),
  });
  const filtered = Boolean(state.status || state.district || state.industry);
  const scopeName = user?.role === 'city_admin' ? '全市' : '本区县';
  const running = Boolean(run.data && (run.data.status === 'queued' || run.data.status === 'running'));
  const runStatus = run.data?.status;
  useEffect(() => {
    if (runStatus === 'done') client.invalidateQueries({ queryKey: evaluationKeys.pool });
  }, [runStatus, client]);

  const start = async () => {
    try {
      const started = await startRun({});
      setState({ run: started.id }, false);
    } catch (e) {
      // Already running (another officer, another tab): follow that run.
      const active =
        e instanceof ApiError && e.code === 'EVALUATION_RUN_ACTIVE' ? (e.details as { runId?: string } | undefined)?.runId : undefined;
      if (active) setState({ run: active }, false);
      message.error(e instanceof ApiError ? e.message : '启动失败');
    }
  };

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3}>后备库</Typography.Title>
        <Space>
          <Button icon={<PlayCircleOutlined />} loading={running} disabled={running || run.isLoading} onClick={start}>
            {running ? '批量评价进行中' : `对${scopeName}企业运行批量评价`}
          </Button>
          <Button type="primary" icon={<DownloadOutlined />} href={`/api/evaluations/pool/export${query(filters)}`}>
            导出
          </Button>
        </Space>
      </Space>
      {run.data && (
        <Alert
          style={{ marginBottom: 16 }}
          type={
            run.data.status === 'failed'
              ? 'error'
              : run.data.status === 'interrupted'
                ? 'warning'
                : run.data.status === 'done'
                  ? 'success'
                  : 'info'
          }
          showIcon
          title={
            run.data.status === 'done'
              ? `批量评价完成：${count(run.data.counts?.enterprises ?? 0)} 家企业；符合创新型 ${count(run.data.counts?.qualified.innovative ?? 0)}、专精特新 ${count(run.data.counts?.qualified.srdi ?? 0)}、小巨人 ${count(run.data.counts?.qualified.little_giant ?? 0)}${reviewText(run.data.counts?.needsReview)}`
              : run.data.status === 'failed'
                ? '批量评价失败，请重新运行'
                : run.data.status === 'interrupted'
                  ? `${run.data.error?.message ?? '批量评价中断，请重新运行'}（中断时已处理 ${count(run.data.processed)} / ${count(run.data.total)} 家）`
                  : `正在评价… 已处理 ${count(run.data.processed)} / ${count(run.data.total)} 家（可离开本页，稍后回来查看）`
          }
          description={
            running ? <Progress percent={run.data.total ? Math.round((run.data.processed / run.data.total) * 100) : 0} /> : undefined
          }
        />
      )}
      <Space style={{ marginBottom: 16 }} wrap>
        <Segmented
          value={tier}
          onChange={(v) => setState({ tier: String(v) })}
          options={Object.entries(TIER_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <Segmented
          value={state.status ?? 'all'}
          onChange={(v) => setState({ status: v === 'all' ? undefined : String(v) })}
          options={[
            { value: 'all', label: '全部' },
            { value: 'qualified', label: '已符合未认定' },
            { value: 'review', label: '待人工审核' },
            { value: 'near', label: '差一项或几分' },
          ]}
        />
        <Cascader
          placeholder="行业（门类 / 大类）"
          aria-label="行业（门类 / 大类）"
          changeOnSelect
          value={ref.industryPath(state.industry)}
          options={ref.industries
            .filter((i) => i.level === 'section')
            .map((s) => ({
              value: s.code,
              label: `${s.code} ${s.name}`,
              children: ref.industries.filter((d) => d.parentCode === s.code).map((d) => ({ value: d.code, label: `${d.code} ${d.name}` })),
            }))}
          onChange={(v) => setState({ industry: v ? String(v[v.length - 1]) : undefined })}
          style={{ width: 240 }}
        />
      </Space>
      <Table<PoolRow>
        rowKey="enterpriseId"
        loading={pool.isLoading}
        locale={{
          // An empty list says why and what to do next.
          emptyText: filtered ? (
            <Space orientation="vertical">
              <span>没有符合筛选条件的企业。</span>
              <Button size="small" onClick={() => setState({ status: undefined, district: undefined, industry: undefined })}>
                清除筛选
              </Button>
            </Space>
          ) : running ? (
            '批量评价进行中，完成后这里列出已符合条件而尚未认定、以及差一项或几分的企业。'
          ) : run.data?.status === 'done' || pool.data?.total ? (
            `${scopeName}暂无${TIER_LABELS[tier] ?? ''}的已符合未认定或差一项的企业。`
          ) : (
            `尚未运行批量评价，请先点击右上角“对${scopeName}企业运行批量评价”，完成后这里列出已符合条件而尚未认定、以及差一项或几分的企业。`
          ),
        }}
        dataSource={pool.data?.items}
        columns={[
          { title: '企业名称', render: (_, r) => <Link to={`/enterprises/${r.enterpriseId}`}>{r.name}</Link> },
          { title: '区县', dataIndex: 'districtName', width: 90 },
          { title: '现有称号', dataIndex: 'currentTier', width: 150, render: (t) => (t ? TIER_LABELS[t] : '无') },
          {
            title: '评价结论',
            dataIndex: 'outcome',
            width: 120,
            render: (o) =>
              o === 'qualified' ? (
                <Tag color="green">已符合</Tag>
              ) : o === 'needs_review' ? (
                <Tag color="orange">待人工审核</Tag>
              ) : (
                <Tag color="gold">差一项</Tag>
              ),
          },
          { title: '得分', dataIndex: 'score', width: 70, render: (s) => s ?? '—' },
          { title: '还差什么', dataIndex: 'missing', render: (m: string[]) => m.join('；') || '—' },
        ]}
        pagination={{
          current: page,
          pageSize: 20,
          total: pool.data?.total,
          showTotal: (t) => `共 ${count(t)} 家`,
          onChange: (p) => setState({ page: p }, false),
        }}
      />
    </>
  );
}
