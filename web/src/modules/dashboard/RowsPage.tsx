import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { HONOUR_KIND_LABELS } from '../../../../src/domain/honours';
import { LISTING_STAGE_LABELS } from '../../../../src/domain/listing-stages';
import { api } from '../../shared/api';
import { count, date, wan } from '../../shared/format';
import { SIZE_LABELS, TIER_COLORS, TIER_LABELS } from '../../shared/labels';
import { useReference } from '../../shared/reference';
import { useUrlState } from '../../shared/useUrlState';
import type { EnterpriseList, EnterpriseRow } from '../enterprises/api';
import { dashboardKeys, type FlowTitles } from './api';
import { rowsSource } from './rows-link';

type FlowTitle = FlowTitles['items'][number];
const label = (labels: Record<string, string>, code: string | null) => (code ? (labels[code] ?? '') : '');

/**
 * The rows behind a cockpit figure whose list the enterprise page cannot show with its own filters
 * (/dashboard/rows?src=<the figure's rowsUrl>): the enterprises of /api/enterprises, or the titles of
 * 有进有出. The filters are said in words above the list.
 */
export default function RowsPage() {
  const ref = useReference();
  const [state, setState] = useUrlState(['src', 'page', 'pageSize'] as const);
  const source = rowsSource(state.src);
  const page = Number(state.page ?? 1);
  const pageSize = Number(state.pageSize ?? 20);
  const url = source
    ? `${source.path}?${new URLSearchParams([...source.params, ['page', String(page)], ['pageSize', String(pageSize)]])}`
    : '';
  const rows = useQuery({
    queryKey: dashboardKeys.rows(url),
    queryFn: () => api<EnterpriseList | FlowTitles>(url),
    enabled: Boolean(source),
  });

  if (!source) {
    return (
      <>
        <Typography.Title level={3}>明细名单</Typography.Title>
        <Alert
          type="warning"
          showIcon
          title="链接不完整或已失效。请回到数据驾驶舱，点击要查看的数字。"
          action={<Link to="/dashboard">返回数据驾驶舱</Link>}
        />
      </>
    );
  }
  const p = source.params;
  const conditions: string[] = [];
  const districtName = p.get('district') ? ref.districtName(p.get('district')) : '';
  conditions.push(districtName || '全市');
  if (p.get('zone')) conditions.push(`功能区：${ref.districtName(p.get('zone'))}`);
  const isFlows = source.path === '/api/dashboard/flows/rows';
  if (isFlows) {
    conditions.push(
      `${p.get('year')}年`,
      label(TIER_LABELS, p.get('tier')),
      p.get('direction') === 'left' ? '退出（撤销或到期）' : '进入（新认定）',
    );
  } else {
    const on = p.get('on');
    const at = on ? `${date(on)}` : '当前';
    if (p.get('title')) conditions.push(`${at}持有有效期内${label(TIER_LABELS, p.get('title'))}称号`);
    if (p.get('titleSince')) conditions.push(`${date(p.get('titleSince'))}以来新获得`);
    if (p.get('honour')) conditions.push(`${at}持有${label(HONOUR_KIND_LABELS, p.get('honour'))}`);
    if (p.get('honourSince')) conditions.push(`${date(p.get('honourSince'))}以来新获得`);
    if (p.get('listingStage')) conditions.push(`上市进程已到“${label(LISTING_STAGE_LABELS, p.get('listingStage'))}”`);
    if (p.get('listingSince')) conditions.push(`${date(p.get('listingSince'))}以来达到`);
    const tier = p.get('tier');
    if (tier) conditions.push(tier === 'none' ? '暂无梯度称号' : `最高梯度：${label(TIER_LABELS, tier)}`);
    const industry = p.get('industry');
    if (industry) conditions.push(`${/^[A-T]$/.test(industry) ? '行业门类' : '行业大类'}：${ref.industryName(industry)}`);
    if (p.get('cluster')) conditions.push(`产业集群：${ref.clusterName(p.get('cluster'))}`);
    if (p.get('size')) conditions.push(`规模：${label(SIZE_LABELS, p.get('size'))}`);
    if (p.get('q')) conditions.push(`名称或信用代码含“${p.get('q')}”`);
  }
  const exportUrl = isFlows ? undefined : `/api/enterprises/export?${source.params}`;
  const pagination = {
    current: page,
    pageSize,
    total: rows.data?.total,
    showSizeChanger: true,
    showTotal: (total: number) => `共 ${count(total)} ${isFlows ? '个称号' : '家'}`,
    onChange: (next: number, size: number) => setState({ page: next, pageSize: size }, false),
  };

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3}>{isFlows ? '有进有出明细' : '企业名单'}</Typography.Title>
        <Space>
          <Link to="/dashboard">返回数据驾驶舱</Link>
          {exportUrl && (
            <Button icon={<DownloadOutlined />} href={exportUrl}>
              导出 xlsx
            </Button>
          )}
        </Space>
      </Space>
      <Space wrap style={{ marginBottom: 16 }} data-testid="rows-conditions">
        {conditions.filter(Boolean).map((c) => (
          <Tag key={c} color="blue">
            {c}
          </Tag>
        ))}
      </Space>
      {rows.isError && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={(rows.error as Error).message} />}
      {isFlows ? (
        <Table<FlowTitle>
          rowKey="titleId"
          size="middle"
          loading={rows.isLoading}
          dataSource={(rows.data as FlowTitles | undefined)?.items}
          locale={{ emptyText: '这一年没有符合条件的称号。' }}
          pagination={pagination}
          columns={[
            { title: '企业名称', render: (_, r) => <Link to={`/enterprises/${r.enterpriseId}`}>{r.enterpriseName}</Link> },
            { title: '区县', dataIndex: 'districtName', width: 120 },
            { title: '称号', width: 170, render: (_, r) => <Tag color={TIER_COLORS[r.tier]}>{r.tierLabel}</Tag> },
            { title: '认定日期', width: 110, render: (_, r) => date(r.recognisedOn) },
            ...(p.get('direction') === 'left'
              ? [
                  { title: '退出日期', width: 110, render: (_: unknown, r: FlowTitle) => date(r.leftOn) },
                  { title: '退出方式', width: 200, render: (_: unknown, r: FlowTitle) => r.leftHowLabel ?? '—' },
                ]
              : []),
          ]}
        />
      ) : (
        <Table<EnterpriseRow>
          rowKey="id"
          size="middle"
          loading={rows.isLoading}
          dataSource={(rows.data as EnterpriseList | undefined)?.items}
          locale={{ emptyText: '没有符合这些条件的企业。' }}
          pagination={pagination}
          columns={[
            { title: '企业名称', render: (_, e) => <Link to={`/enterprises/${e.id}`}>{e.name}</Link> },
            { title: '统一社会信用代码', dataIndex: 'uscc', width: 190 },
            { title: '区县', dataIndex: 'districtName', width: 100 },
            { title: '行业', dataIndex: 'industryName', ellipsis: true, width: 180 },
            {
              title: '最高梯度称号',
              width: 170,
              render: (_, e) => (e.currentTier ? <Tag color={TIER_COLORS[e.currentTier]}>{TIER_LABELS[e.currentTier]}</Tag> : '—'),
            },
            {
              title: '营业收入（万元）',
              align: 'right',
              width: 150,
              render: (_, e) => (e.latestRevenue === null ? '—' : `${wan(e.latestRevenue)}（${e.latestYear}）`),
            },
          ]}
        />
      )}
    </>
  );
}
