import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Row, Select, Space, Spin, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { Link } from 'react-router';
import { query } from '../../shared/api';
import { count, percent } from '../../shared/format';
import { useUrlState } from '../../shared/useUrlState';
import {
  type Analysis,
  analysisXlsxUrl,
  defaultPeriod,
  type Figure,
  fetchAnalysis,
  fetchTrend,
  type GroupBy,
  type Metric,
  officerKeys,
} from './api-officers';
import {
  GROUP_BY_LABELS,
  METRIC_LABELS,
  METRIC_UNITS,
  METRICS,
  metricValue,
  SURVEY_ITEMS,
  SURVEY_LABELS,
  signedPercent,
  signedPoints,
} from './figures-format';
import { PeriodSelect } from './PeriodSelect';
import { ScrollRegion } from './ScrollRegion';

const TrendChart = lazy(() => import('./TrendChart'));

const ALL_KEY = '__all__';

/** 运行分析: a period's figures by a grouping, the summary sentence, the trend by month, and the enterprises behind each number. */
export function AnalysisPage() {
  const { message } = App.useApp();
  const [state, setState] = useUrlState(['period', 'groupBy', 'metric'] as const);
  const period = state.period ?? defaultPeriod();
  const groupBy = (state.groupBy && state.groupBy in GROUP_BY_LABELS ? state.groupBy : 'tier') as GroupBy;
  const analysis = useQuery({ queryKey: officerKeys.analysis(period, groupBy), queryFn: () => fetchAnalysis(period, groupBy) });
  const year = Number(period.slice(0, 4));
  const trend = useQuery({ queryKey: officerKeys.trend(year, 'tier'), queryFn: () => fetchTrend(year, 'tier') });
  const data = analysis.data;

  /** The link to the enterprises behind a number of a figure. */
  const rowsLink = (f: Figure, sample: 'matched' | 'unmatched', content: ReactNode, label: string) => (
    <Link
      to={`/monitoring/analysis/rows${query({ period, dim: f.key === ALL_KEY ? undefined : groupBy, key: f.key === ALL_KEY ? undefined : f.key, sample })}`}
      aria-label={label}
    >
      {content}
    </Link>
  );
  const rowsOf = (a: Analysis): Figure[] => [...a.groups, { ...a.all, key: ALL_KEY, label: '全部监测中小企业' }];
  const nameCell = (f: Figure) => (
    <Space size={4}>
      {f.key === ALL_KEY ? <Typography.Text strong>{f.label}</Typography.Text> : f.label}
      {f.revised > 0 && (
        <Tooltip title={`其中 ${count(f.revised)} 家企业在截止日后修订了月报，本数据已采用修订后的数值`}>
          <Tag color="orange">含修订</Tag>
        </Tooltip>
      )}
    </Space>
  );
  const countColumns = [
    {
      title: '同口径企业（家）',
      align: 'right' as const,
      render: (_: unknown, f: Figure) => rowsLink(f, 'matched', count(f.enterprises), `${f.label}：同口径企业 ${count(f.enterprises)} 家`),
    },
    {
      title: '仅本年上报（家）',
      align: 'right' as const,
      render: (_: unknown, f: Figure) =>
        rowsLink(f, 'unmatched', count(f.unmatched), `${f.label}：仅本年上报企业 ${count(f.unmatched)} 家`),
    },
  ];
  const metricTable = (a: Analysis, metric: Metric) => (
    <ScrollRegion label="指标">
      <Table<Figure>
        rowKey="key"
        size="small"
        pagination={false}
        style={{ minWidth: 'max-content' }}
        dataSource={rowsOf(a)}
        columns={[
          { title: GROUP_BY_LABELS[groupBy], render: (_, f) => nameCell(f) },
          ...countColumns,
          {
            title: `本期累计（${METRIC_UNITS[metric]}）`,
            align: 'right',
            render: (_, f) =>
              rowsLink(f, 'matched', metricValue(metric, f.metrics[metric].cur), `${f.label}${METRIC_LABELS[metric]}本期累计`),
          },
          {
            title: `上年同期（${METRIC_UNITS[metric]}）`,
            align: 'right',
            render: (_, f) =>
              rowsLink(f, 'matched', metricValue(metric, f.metrics[metric].prev), `${f.label}${METRIC_LABELS[metric]}上年同期`),
          },
          {
            title: '累计同比',
            align: 'right',
            render: (_, f) => rowsLink(f, 'matched', signedPercent(f.metrics[metric].yoy), `${f.label}${METRIC_LABELS[metric]}累计同比`),
          },
          { title: '两年平均增长', align: 'right', render: (_, f) => signedPercent(f.metrics[metric].twoYear) },
          {
            title: '较全部（百分点）',
            align: 'right',
            render: (_, f) => (f.key === ALL_KEY ? '—' : signedPoints(f.metrics[metric].ppVsAll)),
          },
        ]}
      />
    </ScrollRegion>
  );
  const surveyTable = (a: Analysis) => (
    <ScrollRegion label="景气调查">
      <Table<Figure>
        rowKey="key"
        size="small"
        pagination={false}
        style={{ minWidth: 'max-content' }}
        dataSource={rowsOf(a)}
        columns={[
          { title: GROUP_BY_LABELS[groupBy], render: (_, f) => nameCell(f) },
          ...SURVEY_ITEMS.map((item) => ({
            title: `${SURVEY_LABELS[item]}增加的企业占比`,
            align: 'right' as const,
            render: (_: unknown, f: Figure) => {
              const s = f.survey[item];
              return s.answered ? `${percent(s.upShare)}（${count(s.up)} / ${count(s.answered)} 家）` : '无人作答';
            },
          })),
        ]}
      />
    </ScrollRegion>
  );
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      message.success('已复制到剪贴板');
    } catch {
      message.error('浏览器不允许复制，请选中文字后手动复制');
    }
  };
  const empty = data && data.all.enterprises === 0 && data.all.unmatched === 0;

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3}>运行分析</Typography.Title>
        <Button href={analysisXlsxUrl(period, groupBy)} download>
          导出 xlsx
        </Button>
      </Space>
      <Space style={{ marginBottom: 16 }} wrap>
        <PeriodSelect value={period} onChange={(p) => setState({ period: p })} />
        <Select<GroupBy>
          aria-label="分组"
          style={{ width: 150 }}
          value={groupBy}
          onChange={(v) => setState({ groupBy: v === 'tier' ? undefined : v })}
          options={(Object.keys(GROUP_BY_LABELS) as GroupBy[]).map((k) => ({ value: k, label: `按${GROUP_BY_LABELS[k]}` }))}
        />
      </Space>
      {analysis.isError && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={(analysis.error as Error).message} />}
      {analysis.isLoading && <Spin />}
      {data && (
        <>
          <Typography.Paragraph type="secondary">
            {data.periodLabel}
            累计数据，按同口径计算：本期和上年同期都有通过审核月报的同一批企业；仅本年上报的企业不计入同比。点击数字可查看对应企业。
          </Typography.Paragraph>
          {empty ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={`${data.periodLabel}尚无通过审核的月报，暂无数据。企业报送并通过审核后，这里会显示各项指标；请在“催报”中提醒未报送的企业。`}
            />
          ) : (
            <Card title="综述" style={{ marginBottom: 16 }} extra={<Button onClick={() => copy(data.sentence)}>复制</Button>}>
              <Typography.Paragraph style={{ fontSize: 16, marginBottom: 0 }} data-testid="analysis-sentence">
                {data.sentence}
              </Typography.Paragraph>
            </Card>
          )}
          {data.revisedNote && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={data.revisedNote} />}
          <Card title={`分${GROUP_BY_LABELS[groupBy]}指标`} style={{ marginBottom: 16 }}>
            <Tabs
              activeKey={state.metric && (METRICS as readonly string[]).includes(state.metric) ? state.metric : 'revenue'}
              onChange={(k) => setState({ metric: k === 'revenue' ? undefined : k })}
              items={[
                ...METRICS.map((m) => ({ key: m, label: METRIC_LABELS[m], children: metricTable(data, m) })),
                { key: 'survey', label: '景气调查', children: surveyTable(data) },
              ]}
            />
          </Card>
        </>
      )}
      <Card title={`${year}年累计同比走势（按梯度）`}>
        {trend.isError && <Alert type="error" showIcon title={(trend.error as Error).message} />}
        {trend.isLoading && <Spin />}
        {trend.data &&
          (trend.data.months.length === 0 ? (
            <Typography.Text type="secondary">
              {year}年尚无通过审核的月报，暂无走势。企业报送并通过审核后，这里按月显示累计同比。
            </Typography.Text>
          ) : (
            <Suspense fallback={<Spin />}>
              <Row gutter={16}>
                <Col xs={24} lg={12}>
                  <TrendChart trend={trend.data} which="revenueYoY" title="营业收入累计同比" />
                </Col>
                <Col xs={24} lg={12}>
                  <TrendChart trend={trend.data} which="profitYoY" title="利润总额累计同比" />
                </Col>
              </Row>
            </Suspense>
          ))}
      </Card>
    </>
  );
}

export default AnalysisPage;
