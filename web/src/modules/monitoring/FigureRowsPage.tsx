import { useQuery } from '@tanstack/react-query';
import { Alert, Segmented, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { yoy } from '../../../../src/domain/monitoring/figures';
import { query } from '../../shared/api';
import { count, wan } from '../../shared/format';
import { useUrlState } from '../../shared/useUrlState';
import { defaultPeriod, type FigureRow, fetchAnalysis, fetchFigureRows, type GroupBy, officerKeys } from './api-officers';
import { GROUP_BY_LABELS, signedPercent } from './figures-format';
import { ScrollRegion } from './ScrollRegion';

const PAGE_SIZE = 20;
const SAMPLE_LABELS = { matched: '同口径企业', unmatched: '仅本年上报', all: '全部' } as const;
type Sample = keyof typeof SAMPLE_LABELS;

/** The enterprises behind a number of 运行分析: the figure's filters are in the URL. */
export function FigureRowsPage() {
  const [state, setState] = useUrlState(['period', 'dim', 'key', 'sample', 'page'] as const);
  const period = state.period ?? defaultPeriod();
  const sample = (state.sample && state.sample in SAMPLE_LABELS ? state.sample : 'matched') as Sample;
  const dim = state.dim && state.dim in GROUP_BY_LABELS ? (state.dim as GroupBy) : undefined;
  const page = Number(state.page ?? 1);
  const filters = { period, dim, key: dim ? state.key : undefined, sample };
  const rows = useQuery({
    queryKey: officerKeys.rows({ ...filters, page }),
    queryFn: () => fetchFigureRows({ ...filters, page, pageSize: PAGE_SIZE }),
  });
  // The figure's name and period label, from the analysis the officer came from (cached).
  const analysis = useQuery({ queryKey: officerKeys.analysis(period, dim ?? 'tier'), queryFn: () => fetchAnalysis(period, dim ?? 'tier') });
  const groupLabel = dim ? (analysis.data?.groups.find((g) => g.key === state.key)?.label ?? '') : '全部监测中小企业';
  const heading = `${period.slice(0, 4)}年${analysis.data?.periodLabel ?? ''}${groupLabel ? ` · ${groupLabel}` : ''}`;

  return (
    <>
      <Typography.Title level={3}>运行分析 · 企业明细</Typography.Title>
      <Space style={{ marginBottom: 16 }} wrap>
        <Link to={`/monitoring/analysis${query({ period, groupBy: dim && dim !== 'tier' ? dim : undefined })}`}>返回运行分析</Link>
        <Typography.Text>{heading}</Typography.Text>
        <Segmented<Sample>
          aria-label="样本"
          value={sample}
          onChange={(v) => setState({ sample: v === 'matched' ? undefined : v })}
          options={(Object.keys(SAMPLE_LABELS) as Sample[]).map((k) => ({ value: k, label: SAMPLE_LABELS[k] }))}
        />
      </Space>
      <Typography.Paragraph type="secondary">
        同口径企业：本期和上年同期都有通过审核的月报，计入同比；仅本年上报：只有本期数据，不计入同比。金额单位：万元。
      </Typography.Paragraph>
      {rows.isError && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={(rows.error as Error).message} />}
      <ScrollRegion label="企业明细">
        <Table<FigureRow>
          rowKey="enterpriseId"
          loading={rows.isLoading}
          dataSource={rows.data?.items}
          style={{ minWidth: 'max-content' }}
          locale={{
            emptyText: `没有${sample === 'all' ? '' : SAMPLE_LABELS[sample]}企业的月报。可切换上方的“同口径企业 / 仅本年上报 / 全部”，或返回运行分析选择其他数字。`,
          }}
          columns={[
            {
              title: '企业名称',
              render: (_, r) => (
                <Space orientation="vertical" size={0}>
                  <Space size={4}>
                    <Link to={`/monitoring/reports/${r.enterpriseId}/${period}`}>{r.enterpriseName}</Link>
                    {r.revisedAfterDue && <Tag color="orange">截止后修订</Tag>}
                  </Space>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.uscc}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: '区县', dataIndex: 'districtName' },
            { title: '梯度', dataIndex: 'tierLabel' },
            { title: '营业收入累计', align: 'right', render: (_, r) => wan(r.revenueYtd) },
            { title: '上年同期', align: 'right', render: (_, r) => wan(r.revenueYtdPrev) },
            {
              title: '同比',
              align: 'right',
              render: (_, r) => (r.revenueYtdPrev === null ? '—' : signedPercent(yoy(r.revenueYtd, r.revenueYtdPrev))),
            },
            { title: '利润总额累计', align: 'right', render: (_, r) => wan(r.profitYtd) },
            { title: '上年同期', key: 'profitPrev', align: 'right', render: (_, r) => wan(r.profitYtdPrev) },
            {
              title: '同比',
              key: 'profitYoY',
              align: 'right',
              render: (_, r) => (r.profitYtdPrev === null ? '—' : signedPercent(yoy(r.profitYtd, r.profitYtdPrev))),
            },
          ]}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: rows.data?.total,
            showSizeChanger: false,
            showTotal: (t) => `共 ${count(t)} 家`,
            onChange: (p) => setState({ page: p }, false),
          }}
        />
      </ScrollRegion>
    </>
  );
}

export default FigureRowsPage;
