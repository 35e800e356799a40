import { useQueries, useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Progress, Row, Select, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import { lazy, type ReactNode, Suspense, useDeferredValue, useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { BREAKDOWN_FIGURE_KEYS, BREAKDOWN_FIGURES, type BreakdownFigureKey } from '../../../../src/domain/dashboard/cockpit-figures';
import { count, percent } from '../../shared/format';
import { useSession } from '../../shared/session';
import { useUrlState } from '../../shared/useUrlState';
import { fetchDistricts, referenceKeys } from '../reference/api';
import {
  type Breakdown,
  type BreakdownBy,
  dashboardKeys,
  type FlowRow,
  fetchBreakdown,
  fetchDashboardFirst,
  fetchFlows,
  fetchTargets,
  fetchTrend,
  type TargetRow,
  targetKeys,
} from './api';
import { barChart, flowsChart, mapChart, trendChart } from './chart-options';
import { buildReading, chineseDate, type ReadingPart } from './reading';
import { rowsLink } from './rows-link';

// ECharts and the map arrive in their own chunk, after the figures.
const CockpitChart = lazy(() => import('./CockpitChart'));

const TIERS = ['innovative', 'srdi', 'little_giant'] as const;
const TIER_SHORT: Record<string, string> = { innovative: '创新型中小企业', srdi: '专精特新中小企业', little_giant: '专精特新“小巨人”企业' };
// As the targets page says them (红 / 黄 / 绿 against the pro-rata expectation).
// colour: the bar's stroke; tag: antd's preset (light ground, dark text: readable, unlike white on yellow).
const BAND: Record<string, { colour: string; tag: string; label: string }> = {
  red: { colour: '#ff4d4f', tag: 'red', label: '红：不足应完成的 60%' },
  amber: { colour: '#faad14', tag: 'gold', label: '黄：应完成的 60%～90%' },
  green: { colour: '#52c41a', tag: 'green', label: '绿：应完成的 90% 以上' },
};
const MAP_NOTE = '示意图，区县边界非标准地图，不作为权属争议依据。';

function ChartSlot({ height = 320, children }: { height?: number; children: ReactNode }) {
  return <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height }} />}>{children}</Suspense>;
}

/** 数据驾驶舱: the headline figures, 数读, the map, the breakdowns, 有进有出, monitoring trends and targets of the reader's place. */
export default function CockpitPage() {
  const { user } = useSession();
  const navigate = useNavigate();
  const [state, setState] = useUrlState(['district', 'figure'] as const);
  const isCity = user?.role === 'city_admin';
  // A district officer's place is its own: the server decides it.
  const district = isCity ? state.district : undefined;
  const figure: BreakdownFigureKey = (BREAKDOWN_FIGURE_KEYS as readonly string[]).includes(state.figure ?? '')
    ? (state.figure as BreakdownFigureKey)
    : 'titles.srdi';
  const open = (rowsUrl: string) => navigate(rowsLink(rowsUrl));

  const figures = useQuery({ queryKey: dashboardKeys.figures(district), queryFn: () => fetchDashboardFirst(district) });
  // The tiles are drawn first; the rest of the page (and its requests) follows in a later, interruptible render.
  const ready = useDeferredValue(figures.isSuccess);
  const asOf = figures.data?.asOf;
  const year = asOf ? Number(asOf.slice(0, 4)) : new Date().getFullYear();
  const place = figures.data?.scope.code ?? null;
  // The place selector's list waits for the figures too (it shares the reference list's cache).
  const districts = useQuery({ queryKey: referenceKeys.districts, queryFn: fetchDistricts, staleTime: Infinity, enabled: ready && isCity });
  const placeName = figures.data?.scope.name ?? '';
  // The charts' figures wait for the headline ones: those come first on screen.
  const breakdown = (by: BreakdownBy, key: BreakdownFigureKey) => ({
    queryKey: dashboardKeys.breakdown(by, key, district),
    queryFn: () => fetchBreakdown(by, key, district),
    enabled: ready,
  });
  const [byDistrict, byIndustry, byCluster, byTier, srdiByDistrict] = useQueries({
    queries: [
      breakdown('district', figure),
      breakdown('industry', figure),
      breakdown('cluster', figure),
      breakdown('tier', 'enterprises.total'),
      breakdown('district', 'titles.srdi'),
    ],
  });
  const flows = useQuery({ queryKey: dashboardKeys.flows(district), queryFn: () => fetchFlows(district), enabled: ready });
  const trend = useQuery({ queryKey: dashboardKeys.trend(year, district), queryFn: () => fetchTrend(year, district), enabled: ready });
  const targetYears = [year, year + 1, year - 1];
  const targets = useQueries({
    queries: targetYears.map((y) => ({ queryKey: targetKeys.year(y), queryFn: () => fetchTargets(y), enabled: ready, retry: false })),
  });
  const placeTargets = (rows: TargetRow[] | undefined) => (rows ?? []).filter((t) => (t.unitCode ?? null) === place);
  const targetIndex = targets.findIndex((t) => placeTargets(t.data?.items).length > 0);
  const shownTargets = targetIndex >= 0 ? placeTargets(targets[targetIndex].data?.items) : [];
  const targetYear = targetIndex >= 0 ? targetYears[targetIndex] : undefined;

  const lastTrendMonth = useMemo(() => {
    const months = trend.data?.months ?? [];
    return [...months].reverse().find((m) => m.all.revenueYoY !== null || m.series.some((s) => s.revenueYoY !== null));
  }, [trend.data]);

  const reading = figures.data
    ? buildReading({
        asOf: figures.data.asOf,
        placeName,
        figures: figures.data.figures,
        topDistricts: place ? undefined : [...(srdiByDistrict.data?.rows ?? [])].sort((a, b) => b.value - a.value),
        flows: flows.data?.rows,
        trend: lastTrendMonth,
        targets: shownTargets.filter((t) => t.rowsUrl).map((t) => ({ ...t, rowsUrl: t.rowsUrl as string })),
      })
    : [];

  const districtOptions = [
    { label: '区县', options: (districts.data ?? []).filter((d) => d.kind !== 'zone').map((d) => ({ value: d.code, label: d.name })) },
    { label: '功能区', options: (districts.data ?? []).filter((d) => d.kind === 'zone').map((d) => ({ value: d.code, label: d.name })) },
  ];
  const figureOptions = BREAKDOWN_FIGURE_KEYS.map((k) => ({ value: k, label: BREAKDOWN_FIGURES[k].label }));
  const total = figures.data?.figures.find((f) => f.key === 'enterprises.total');
  const tileSpan = Math.max(4, Math.floor(24 / Math.max(figures.data?.figures.length ?? 1, 1)));

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ marginBottom: 0 }}>
          数据驾驶舱{placeName ? ` · ${placeName}` : ''}
        </Typography.Title>
        <Space wrap>
          {asOf && <Typography.Text type="secondary">数据截至{chineseDate(asOf)}</Typography.Text>}
          {isCity && districts.data && (
            <Select
              aria-label="查看范围"
              placeholder="全市"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 220 }}
              value={state.district}
              onChange={(v) => setState({ district: v })}
              options={districtOptions}
            />
          )}
        </Space>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {isCity ? '全市或所选区县、功能区的梯度培育情况。' : '本区县的梯度培育情况。'}
        点击任一数字、地图上的区县或图中的柱子，可查看其背后的企业名单。
      </Typography.Paragraph>

      {figures.isError && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={(figures.error as Error).message} />}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {figures.isLoading &&
          [0, 1, 2, 3].map((i) => (
            <Col key={i} xs={12} md={6}>
              <Card>
                <Skeleton active paragraph={{ rows: 1 }} />
              </Card>
            </Col>
          ))}
        {figures.data?.figures.map((f) => (
          <Col key={f.key} xs={12} md={8} xl={tileSpan}>
            <Link to={rowsLink(f.rowsUrl)} aria-label={`${f.label}：${count(f.value)}，查看名单`} data-testid="cockpit-tile">
              <Card hoverable size="small">
                <Statistic
                  title={f.label}
                  value={count(f.value)}
                  suffix={f.key.startsWith('monitoring.') || f.key.startsWith('targets.') ? undefined : '家'}
                />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
      {total && total.value === 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${placeName}企业库中还没有企业：请先在“企业库”中导入企业名单或新增企业，驾驶舱的数字会随之出现。`}
        />
      )}

      {ready && reading.length > 0 && (
        <Card title={`数读“专精特新”${place ? `·${placeName}` : '渝企'}`} style={{ marginBottom: 16 }} data-testid="cockpit-reading">
          {reading.map((section) => (
            <div key={section.heading} style={{ marginBottom: 8 }}>
              <Typography.Text strong>{section.heading}</Typography.Text>
              {section.lines.map((line) => (
                <Typography.Paragraph key={line.map((p) => p.text).join('')} style={{ margin: '4px 0 0' }}>
                  ■ <ReadingLine parts={line} />
                </Typography.Paragraph>
              ))}
            </div>
          ))}
          <Typography.Text type="secondary">
            数据来源：重庆市专精特新中小企业梯度培育平台（企业库、认定管理、运行监测、目标考核）
          </Typography.Text>
        </Card>
      )}

      {ready && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Card
              title={`${placeName || '全市'}分布图`}
              extra={
                <Select<BreakdownFigureKey>
                  aria-label="地图指标"
                  style={{ width: 240 }}
                  value={figure}
                  onChange={(v) => setState({ figure: v === 'titles.srdi' ? undefined : v })}
                  options={figureOptions}
                />
              }
            >
              <BreakdownState q={byDistrict} empty={null}>
                {(b) => {
                  const { option, data } = mapChart(b.rows, b.label, `${placeName}${b.label}分布`, place);
                  return (
                    <ChartSlot height={480}>
                      <CockpitChart
                        option={option}
                        data={data}
                        height={480}
                        label={`${b.label}分区县地图`}
                        onPick={open}
                        testId="chart-map"
                      />
                    </ChartSlot>
                  );
                }}
              </BreakdownState>
              <Typography.Text type="secondary" data-testid="map-note">
                {MAP_NOTE}功能区跨区县设立，不在图上单独绘出，其数字见右侧。
              </Typography.Text>
            </Card>
          </Col>
          <Col xs={24} xl={8}>
            <Card title="功能区">
              <BreakdownState q={byDistrict} empty={null}>
                {(b) => {
                  const zones = b.rows.filter((r) => r.kind === 'zone' && (!place || r.key === place || r.value > 0));
                  if (!zones.length) return <Empty description={`${placeName}没有企业位于功能区。`} />;
                  const { option, data } = barChart(zones, b.label, `${placeName}功能区${b.label}`, '功能区');
                  return (
                    <>
                      <ChartSlot height={200}>
                        <CockpitChart
                          option={option}
                          data={data}
                          height={200}
                          label={`功能区${b.label}柱状图`}
                          onPick={open}
                          testId="chart-zones"
                        />
                      </ChartSlot>
                      <Table
                        size="small"
                        rowKey="key"
                        pagination={false}
                        dataSource={zones}
                        columns={[
                          { title: '功能区', dataIndex: 'label' },
                          {
                            title: `${b.label}（家）`,
                            align: 'right',
                            render: (_, r) => <Link to={rowsLink(r.rowsUrl)}>{count(r.value)}</Link>,
                          },
                        ]}
                      />
                    </>
                  );
                }}
              </BreakdownState>
            </Card>
          </Col>

          <Col xs={24} xl={12}>
            <Card title={`按行业门类：${BREAKDOWN_FIGURES[figure].label}`}>
              <BreakdownState q={byIndustry} empty="所选指标暂无企业，或企业尚未填写所属行业。请在企业库中补充行业后再看。">
                {(b) => {
                  const { option, data } = barChart(b.rows, b.label, `${placeName}${b.label}按行业门类`, '行业门类');
                  const height = Math.max(200, b.rows.length * 28 + 48);
                  return (
                    <ChartSlot height={height}>
                      <CockpitChart
                        option={option}
                        data={data}
                        height={height}
                        label={`${b.label}按行业门类柱状图`}
                        onPick={open}
                        testId="chart-industry"
                      />
                    </ChartSlot>
                  );
                }}
              </BreakdownState>
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card title="按梯度层级：在库企业（按所持最高称号）">
              <BreakdownState q={byTier} empty="企业库中还没有企业。">
                {(b) => {
                  const { option, data } = barChart(b.rows, b.label, `${placeName}在库企业按梯度层级`, '梯度层级');
                  return (
                    <ChartSlot height={220}>
                      <CockpitChart
                        option={option}
                        data={data}
                        height={220}
                        label="在库企业按梯度层级柱状图"
                        onPick={open}
                        testId="chart-tier"
                      />
                    </ChartSlot>
                  );
                }}
              </BreakdownState>
            </Card>
          </Col>

          <Col xs={24}>
            <Card title={`按“33618”产业集群：${BREAKDOWN_FIGURES[figure].label}`}>
              <BreakdownState q={byCluster} empty="所选指标暂无企业属于“33618”产业集群。请在企业库中补充所属集群后再看。">
                {(b) => {
                  const rows = b.rows.filter((r) => r.value > 0).sort((x, y) => y.value - x.value);
                  if (!rows.length) return <Empty description="所选指标暂无企业属于“33618”产业集群。请在企业库中补充所属集群后再看。" />;
                  const { option, data } = barChart(rows, b.label, `${placeName}${b.label}按产业集群`, '产业集群');
                  const height = Math.max(200, rows.length * 26 + 48);
                  return (
                    <ChartSlot height={height}>
                      <CockpitChart
                        option={option}
                        data={data}
                        height={height}
                        label={`${b.label}按产业集群柱状图`}
                        onPick={open}
                        testId="chart-cluster"
                      />
                    </ChartSlot>
                  );
                }}
              </BreakdownState>
            </Card>
          </Col>

          <Col xs={24}>
            <Card title="有进有出：逐年进入和退出的称号">
              {flows.isError && <Alert type="error" showIcon title={(flows.error as Error).message} />}
              {flows.isPending && <Skeleton active />}
              {flows.data &&
                (flows.data.rows.every((r) => r.entered === 0 && r.left === 0) ? (
                  <Empty
                    description={`${flows.data.fromYear}—${flows.data.toYear}年尚无称号认定、撤销或到期的记录。认定名单导入或认定结果公布后，这里会显示进入和退出。`}
                  />
                ) : (
                  <>
                    <ChartSlot>
                      <CockpitChart
                        {...flowsChart(flows.data.rows, `${placeName}有进有出${flows.data.fromYear}—${flows.data.toYear}年`)}
                        label="有进有出柱状图"
                        onPick={open}
                        testId="chart-flows"
                      />
                    </ChartSlot>
                    <FlowsTable rows={flows.data.rows} />
                  </>
                ))}
            </Card>
          </Col>

          <Col xs={24}>
            <Card title={`运行监测：${year}年累计同比（梯度企业与全部监测中小企业）`}>
              {trend.isError && <Alert type="error" showIcon title={(trend.error as Error).message} />}
              {trend.isPending && <Skeleton active />}
              {trend.data &&
                (!lastTrendMonth ? (
                  <Empty
                    description={`${year}年尚无通过审核的月报。企业报送并经审核后，这里会显示营业收入和利润总额的累计同比；可在“运行监测”中催报。`}
                  />
                ) : (
                  <Row gutter={16}>
                    <Col xs={24} lg={12}>
                      <ChartSlot>
                        <CockpitChart
                          {...trendChart(trend.data, 'revenueYoY', `${placeName}${year}年营业收入累计同比`)}
                          label="营业收入累计同比折线图"
                          testId="chart-trend-revenue"
                        />
                      </ChartSlot>
                    </Col>
                    <Col xs={24} lg={12}>
                      <ChartSlot>
                        <CockpitChart
                          {...trendChart(trend.data, 'profitYoY', `${placeName}${year}年利润总额累计同比`)}
                          label="利润总额累计同比折线图"
                          testId="chart-trend-profit"
                        />
                      </ChartSlot>
                    </Col>
                  </Row>
                ))}
              <Typography.Text type="secondary">
                同口径计算：本期和上年同期都有通过审核月报的同一批企业。各月明细见<Link to="/monitoring/analysis">运行分析</Link>。
              </Typography.Text>
            </Card>
          </Col>

          <Col xs={24}>
            <Card title={targetYear ? `目标进度：${targetYear}年` : '目标进度'} data-testid="cockpit-targets">
              {targets.some((t) => t.isPending) && <Skeleton active />}
              {!targets.some((t) => t.isPending) &&
                (shownTargets.length ? (
                  <TargetsTable rows={shownTargets} />
                ) : (
                  <Empty
                    description={`${placeName}${year - 1}—${year + 1}年尚未设定目标。可在“目标考核”中录入文件下达的目标，或按建议拆分全市目标。`}
                  />
                ))}
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}

/** A sentence of 数读, its numbers linked to their rows. */
function ReadingLine({ parts }: { parts: ReadingPart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.rowsUrl ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one sentence never move
          <Link key={i} to={rowsLink(p.rowsUrl)} style={{ fontWeight: 600 }}>
            {p.text}
          </Link>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one sentence never move
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

/** Loading, error and empty states of a breakdown; `children` draws it. `empty` null: draw even when every value is 0. */
function BreakdownState({
  q,
  empty,
  children,
}: {
  q: { data?: Breakdown; isLoading: boolean; isError: boolean; error: unknown; fetchStatus: string };
  empty: string | null;
  children: (b: Breakdown) => ReactNode;
}) {
  if (q.isError) return <Alert type="error" showIcon title={(q.error as Error).message} />;
  if (!q.data) return <Skeleton active />;
  if (empty !== null && q.data.rows.every((r) => r.value === 0)) return <Empty description={empty} />;
  return <>{children(q.data)}</>;
}

/** 有进有出 as numbers: per year and tier, 进入 and 退出, each opening its titles. */
function FlowsTable({ rows }: { rows: FlowRow[] }) {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => b - a);
  const at = (year: number, tier: string) => rows.find((r) => r.year === year && r.tier === tier);
  const cell = (r: FlowRow | undefined, which: 'entered' | 'left') =>
    r ? (
      <Link
        to={rowsLink(which === 'entered' ? r.enteredRowsUrl : r.leftRowsUrl)}
        aria-label={`${r.year}年${r.tierLabel}${which === 'entered' ? '进入' : '退出'}`}
      >
        {count(r[which])}
      </Link>
    ) : (
      '—'
    );
  return (
    <Table
      size="small"
      rowKey={(y) => String(y)}
      pagination={false}
      style={{ marginTop: 8 }}
      dataSource={years}
      data-testid="flows-table"
      columns={[
        { title: '年份', render: (_, y) => `${y}年` },
        ...TIERS.map((tier) => ({
          title: TIER_SHORT[tier],
          children: [
            { title: '进入', align: 'right' as const, render: (_: unknown, y: number) => cell(at(y, tier), 'entered') },
            { title: '退出', align: 'right' as const, render: (_: unknown, y: number) => cell(at(y, tier), 'left') },
          ],
        })),
      ]}
    />
  );
}

/** The place's targets: 目标值, 完成 (its rows), 完成率 against the pro-rata expectation, band. */
function TargetsTable({ rows }: { rows: TargetRow[] }) {
  return (
    <Table<TargetRow>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: '指标', render: (_, t) => `${t.measure === 'new' ? '新增' : ''}${t.indicatorLabel}` },
        { title: '目标值（家）', align: 'right', render: (_, t) => count(t.value) },
        {
          title: '已完成（家）',
          align: 'right',
          render: (_, t) => (t.rowsUrl ? <Link to={rowsLink(t.rowsUrl)}>{count(t.actual)}</Link> : count(t.actual)),
        },
        {
          title: '完成率',
          width: 240,
          render: (_, t) => (
            <Progress
              aria-label={`${t.indicatorLabel}完成率 ${percent(t.completion * 100)}`}
              percent={Math.min(100, Math.round(t.completion * 1000) / 10)}
              format={() => percent(t.completion * 100)}
              strokeColor={BAND[t.band]?.colour}
              size="small"
            />
          ),
        },
        { title: '按时序应完成（家）', align: 'right', render: (_, t) => count(t.expected) },
        { title: '进度', render: (_, t) => <Tag color={BAND[t.band]?.tag}>{BAND[t.band]?.label ?? '—'}</Tag> },
        { title: '文号', render: (_, t) => t.documentNo ?? '—' },
      ]}
    />
  );
}
