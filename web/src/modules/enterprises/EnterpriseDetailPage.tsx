import { EditOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Space, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { ruleSetName } from '../../../../src/domain/evaluation/rule-set-names';
import { roleLabel } from '../../shared/api';
import { count, dateTime, growth, percent, today, wan } from '../../shared/format';
import {
  LISTING_LABELS,
  QUALITY_ITEMS,
  QUALITY_LABELS,
  RD_INSTITUTION_LABELS,
  TIER_COLORS,
  TIER_LABELS,
  TITLE_STATUS,
  tierOrder,
} from '../../shared/labels';
import { useReference } from '../../shared/reference';
import { useSession } from '../../shared/session';
import { type EnterpriseEvaluations, evaluationKeys, fetchEnterpriseEvaluations } from '../evaluation/api';
import { ReviewQuestions } from '../evaluation/ReviewQuestions';
import { ExpertVisitsCard } from '../experts/ExpertVisitsCard';
import { RevokeTitleButton } from '../recognition/RevokeTitleDialog';
import { TitleStory } from '../recognition/TitleStory';
import { enterpriseKeys, fetchEnterprise } from './api';
import { EnterpriseForm } from './EnterpriseForm';
import { FactsForm } from './FactsForm';
import { ListingRecord } from './ListingRecord';

const INDICATORS: [string, string, 'money' | 'count'][] = [
  ['revenue', '营业收入（万元）', 'money'],
  ['mainRevenue', '主营业务收入（万元）', 'money'],
  ['totalProfit', '利润总额（万元）', 'money'],
  ['netProfit', '净利润（万元）', 'money'],
  ['totalAssets', '资产总额（万元）', 'money'],
  ['totalLiabilities', '负债总额（万元）', 'money'],
  ['rdExpense', '研发费用（万元）', 'money'],
  ['employees', '从业人员（人）', 'count'],
  ['rdStaff', '研发人员（人）', 'count'],
  ['exports', '出口额（万元）', 'money'],
  ['taxesPaid', '纳税额（万元）', 'money'],
  ['equityFinancing', '新增股权融资（万元）', 'money'],
];

/** One indicator of a year row (the YEAR_FIELDS of src/domain/enterprise-rules.ts), in yuan or people. */
const indicatorOf = (row: object, key: string) => (row as Record<string, number | null | undefined>)[key];

const yesNo = (v: boolean | undefined) => (v === undefined ? '—' : v ? '是' : '否');

/** Change on the year before, as statistics write it (扭亏 / 减亏 rather than a percentage from a loss). Red is up, as in Chinese reports. */
function YoY({ current, previous }: { current: number | null | undefined; previous: number | null | undefined }) {
  const g = growth(current, previous);
  if (!g) return null;
  return (
    <span style={{ color: g.tone === 'up' ? '#cf1322' : g.tone === 'down' ? '#237804' : undefined, fontSize: 12, marginLeft: 4 }}>
      {g.text}
    </span>
  );
}

/** A validity date, marked 已过期 once it has passed. */
function ValidUntil({ value, empty }: { value: string | null; empty: string }) {
  if (!value) return <>{empty}</>;
  return (
    <>
      {value}
      {value < today() && <Tag style={{ marginLeft: 6 }}>已过期</Tag>}
    </>
  );
}

const units = (n: number | undefined, unit: string) => (n === undefined ? '—' : `${count(n)} ${unit}`);

/** Who made a change: the system, an office alone (what an enterprise sees of officers), or a person with their role. */
function actorText(name: string | null, role: string | null): string {
  if (!name) return '系统';
  const office = role ? roleLabel(role) : '';
  return !office || name === office ? name : `${name}（${office}）`;
}

export default function EnterpriseDetailPage() {
  const { id } = useParams();
  const [search] = useSearchParams();
  const client = useQueryClient();
  const ref = useReference();
  const [editing, setEditing] = useState(false);
  const [editingFacts, setEditingFacts] = useState(false);
  // An expert reads the basics of the enterprises it serves, and changes nothing.
  const readOnly = useSession().user?.role === 'expert';
  const detail = useQuery({ queryKey: enterpriseKeys.one(id ?? ''), queryFn: () => fetchEnterprise(id ?? '') });
  const evaluations = useQuery({
    queryKey: evaluationKeys.ofEnterprise(id ?? ''),
    queryFn: () =>
      fetchEnterpriseEvaluations(id ?? '').catch(
        (): Pick<EnterpriseEvaluations, 'latest' | 'questions'> => ({ latest: [], questions: [] }),
      ),
  });
  if (detail.error) return <Alert type="error" showIcon title={(detail.error as Error).message} />;
  const e = detail.data;
  if (!e) return null;
  const years = [...e.years].sort((a, b) => a.year - b.year);
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ marginBottom: 0 }}>
          {e.name} {e.currentTier && <Tag color={TIER_COLORS[e.currentTier]}>{TIER_LABELS[e.currentTier]}</Tag>}
        </Typography.Title>
        {!readOnly && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            编辑
          </Button>
        )}
      </Space>
      {e.isSme === false && (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          title="按《中小企业划型标准规定》，该企业最新年度为大型企业，不属于中小企业，不能参加梯度培育认定。"
        />
      )}
      <Card style={{ marginTop: 16 }}>
        <Descriptions column={3} size="small">
          <Descriptions.Item label="统一社会信用代码">{e.uscc}</Descriptions.Item>
          <Descriptions.Item label="所属区县">
            {e.districtName}
            {e.zoneName ? ` · ${e.zoneName}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="行业">
            {e.industryCode ? `${e.industryCode} ${ref.industryName(e.industryCode)}` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="产业集群">{ref.clusterName(e.clusterCode) || '—'}</Descriptions.Item>
          <Descriptions.Item label="成立日期">{e.establishedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="注册资本">{e.registeredCapital === null ? '—' : `${wan(e.registeredCapital)} 万元`}</Descriptions.Item>
          <Descriptions.Item label="企业规模">{e.sizeClassLabel ?? '—（缺少年度数据）'}</Descriptions.Item>
          <Descriptions.Item label="法定代表人">{e.legalRepresentative ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="上市情况">{LISTING_LABELS[e.listingStatus] ?? e.listingStatus}</Descriptions.Item>
          <Descriptions.Item label="主导产品">{e.mainProduct ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="细分市场">
            {e.nicheMarket ?? '—'}
            {e.nicheEntryYear ? `（${e.nicheEntryYear} 年进入）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="联系人">{[e.contactName, e.contactPhone].filter(Boolean).join(' ') || '—'}</Descriptions.Item>
          <Descriptions.Item label="注册地址" span={3}>
            {e.address ?? '—'}
          </Descriptions.Item>
          {e.usccOverrideReason && (
            <Descriptions.Item label="信用代码说明" span={3}>
              校验位不符，经市经信委确认：{e.usccOverrideReason}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Tabs
        style={{ marginTop: 16 }}
        // ?tab=evaluation / titles / … opens that tab (the 工作台 links to the enterprise's tier and gap).
        defaultActiveKey={search.get('tab') ?? undefined}
        items={[
          {
            key: 'years',
            label: '年度指标',
            children: (
              <Table
                rowKey="key"
                size="small"
                pagination={false}
                dataSource={INDICATORS.map(([key, label]) => ({ key, label }))}
                columns={[
                  { title: '指标', dataIndex: 'label', width: 200 },
                  ...years.map((y) => ({
                    title: `${y.year} 年`,
                    key: String(y.year),
                    align: 'right' as const,
                    render: (_: unknown, row: { key: string }) => {
                      const kind = INDICATORS.find(([k]) => k === row.key)?.[2];
                      const v = indicatorOf(y, row.key);
                      const prior = years.find((p) => p.year === y.year - 1);
                      const previous = prior ? indicatorOf(prior, row.key) : undefined;
                      return (
                        <>
                          {kind === 'count' ? count(v) : wan(v)}
                          <YoY current={v} previous={previous} />
                        </>
                      );
                    },
                  })),
                ]}
              />
            ),
          },
          {
            key: 'facts',
            label: '评价相关信息',
            children: (
              <Descriptions
                column={3}
                size="small"
                bordered
                extra={
                  !readOnly && (
                    <Button size="small" icon={<EditOutlined />} onClick={() => setEditingFacts(true)}>
                      编辑
                    </Button>
                  )
                }
              >
                <Descriptions.Item label="Ⅰ类知识产权">{units(e.facts.ip?.classI, '项')}</Descriptions.Item>
                <Descriptions.Item label="其中高价值">{units(e.facts.ip?.classIHighValue, '项')}</Descriptions.Item>
                <Descriptions.Item label="其中自主研发">{units(e.facts.ip?.classISelfDeveloped, '项')}</Descriptions.Item>
                <Descriptions.Item label="Ⅱ类知识产权">{units(e.facts.ip?.classII, '项')}</Descriptions.Item>
                <Descriptions.Item label="研发机构">{RD_INSTITUTION_LABELS[e.facts.rdInstitution ?? ''] ?? '—'}</Descriptions.Item>
                <Descriptions.Item label="数字化水平">
                  {e.facts.digitalLevel !== undefined ? `${e.facts.digitalLevel} 级` : '—'}
                </Descriptions.Item>
                {QUALITY_ITEMS.map((k) => (
                  <Descriptions.Item key={k} label={QUALITY_LABELS[k]}>
                    {yesNo(e.facts.quality?.[k])}
                  </Descriptions.Item>
                ))}
                <Descriptions.Item label="细分市场占有率">{percent(e.facts.nicheMarketShare, 2)}</Descriptions.Item>
                <Descriptions.Item label="国内排名">{e.facts.domesticRank ?? '—'}</Descriptions.Item>
                <Descriptions.Item label="专精特新发展评价得分">{e.facts.developmentScore ?? '未填写'}</Descriptions.Item>
                <Descriptions.Item label="特色化指标得分">{e.facts.featuredScore ?? '未评定'}</Descriptions.Item>
              </Descriptions>
            ),
          },
          {
            key: 'evaluation',
            label: '梯度评价',
            children: evaluations.data?.latest.length ? (
              <>
                <Table
                  rowKey="tier"
                  size="small"
                  pagination={false}
                  dataSource={[...evaluations.data.latest].sort(tierOrder)}
                  columns={[
                    { title: '梯度', dataIndex: 'tier', render: (t) => TIER_LABELS[t] ?? t },
                    {
                      title: '结论',
                      dataIndex: 'outcome',
                      render: (o) => (
                        <Tag color={o === 'qualified' ? 'green' : o === 'needs_review' ? 'orange' : 'red'}>
                          {o === 'qualified' ? '符合' : o === 'needs_review' ? '待人工审核' : '不符合'}
                        </Tag>
                      ),
                    },
                    { title: '得分', dataIndex: 'score', render: (v) => v ?? '—' },
                    { title: '还差什么', dataIndex: 'missing', render: (m: string[]) => m.join('；') || '—' },
                    { title: '评价规则', dataIndex: 'ruleSet', render: (id: string) => ruleSetName(id) },
                    { title: '评价时间', dataIndex: 'evaluatedAt', render: (v) => dateTime(v) },
                  ]}
                />
                <ReviewQuestions enterpriseId={e.id} version={e.version} facts={e.facts} questions={evaluations.data.questions} />
              </>
            ) : (
              <Typography.Text type="secondary">尚未进行批量评价。可在“后备库”运行批量评价，或到“自评测算”即时测算。</Typography.Text>
            ),
          },
          {
            key: 'titles',
            label: `称号（${e.titles.length}）`,
            children: (
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={[...e.titles].sort((a, b) => tierOrder(a, b) || a.recognisedOn.localeCompare(b.recognisedOn))}
                columns={[
                  { title: '称号', dataIndex: 'tier', render: (t) => <Tag color={TIER_COLORS[t]}>{TIER_LABELS[t] ?? t}</Tag> },
                  { title: '级别', dataIndex: 'level', render: (l) => (l === 'national' ? '国家级' : '市级') },
                  { title: '批次', dataIndex: 'batch' },
                  { title: '认定日期', dataIndex: 'recognisedOn' },
                  { title: '有效期至', dataIndex: 'validUntil', render: (v) => v ?? '—' },
                  {
                    title: '状态',
                    dataIndex: 'status',
                    // A title past its date is expired even before the status is updated.
                    render: (s, t) =>
                      s === 'valid' && t.validUntil && t.validUntil < today() ? TITLE_STATUS.expired : (TITLE_STATUS[s] ?? s),
                  },
                  { title: '证书编号', dataIndex: 'certificateNo' },
                ]}
              />
            ),
          },
          {
            key: 'honours',
            label: `资质荣誉（${e.honours.length}）`,
            children: (
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={e.honours}
                columns={[
                  { title: '名称', dataIndex: 'name' },
                  {
                    title: '级别',
                    dataIndex: 'level',
                    render: (l) => (l === 'national' ? '国家级' : l === 'municipal' ? '市级' : (l ?? '')),
                  },
                  { title: '取得日期', dataIndex: 'obtainedOn' },
                  { title: '有效期至', dataIndex: 'validUntil', render: (v) => <ValidUntil value={v} empty="长期" /> },
                ]}
              />
            ),
          },
          // 上市进程: the city, the district and the enterprise read it (experts do not).
          ...(readOnly ? [] : [{ key: 'listings', label: '上市进程', children: <ListingRecord enterpriseId={e.id} /> }]),
          {
            key: 'history',
            label: '变更记录',
            children: (
              <Timeline
                items={e.history.map((h) => ({
                  children: (
                    <>
                      <div>
                        {dateTime(h.at)} · {actorText(h.actorName, h.actorRole)} · {h.actionLabel}
                      </div>
                      {h.changes.length > 0 && (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="history-changes">
                          {h.changes
                            .map((c) =>
                              c.before === null ? `${c.label}：${c.after ?? '—'}` : `${c.label}：${c.before} → ${c.after ?? '—'}`,
                            )
                            .join('；')}
                        </Typography.Text>
                      )}
                    </>
                  ),
                }))}
              />
            ),
          },
        ]}
      />
      <TitleStory enterpriseId={e.id} titleActions={(t) => <RevokeTitleButton enterpriseId={e.id} title={t} />} />
      <ExpertVisitsCard enterpriseId={e.id} enterpriseName={e.name} />
      {editingFacts && (
        <FactsForm
          enterpriseId={e.id}
          version={e.version}
          facts={e.facts}
          onClose={() => setEditingFacts(false)}
          onSaved={() => client.invalidateQueries({ queryKey: enterpriseKeys.one(id ?? '') })}
        />
      )}
      {editing && (
        <EnterpriseForm
          enterprise={e}
          onClose={() => setEditing(false)}
          onSaved={() => client.invalidateQueries({ queryKey: enterpriseKeys.one(id ?? '') })}
        />
      )}
    </>
  );
}
