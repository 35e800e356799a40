import { DownloadOutlined, FileWordOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Radio, Select, Space, Spin, Table, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../shared/api';
import { date, dateTime } from '../../shared/format';
import { useSession } from '../../shared/session';
import { useUrlState } from '../../shared/useUrlState';
import {
  type BulletinListItem,
  type BulletinSettings,
  bulletinKeys,
  documentUrl,
  fetchBulletinSettings,
  fetchBulletins,
  fetchDraft,
  type PeriodKind,
  publishBulletin,
  rankingXlsxUrl,
  saveBulletinSettings,
} from './api';
import { defaultPeriod, periodOptions } from './periods';
import { RankingTable } from './RankingTable';

const KIND_OPTIONS = [
  { value: 'month', label: '月度工作通报' },
  { value: 'quarter', label: '季度通报' },
];

/** 定期通报: the city drafts, publishes and sets the weights; districts read the published ones (their own row highlighted) and the settings. */
export default function BulletinsPage() {
  const { user } = useSession();
  const isCity = user?.role === 'city_admin';
  const [state, setState] = useUrlState(['tab', 'kind', 'period'] as const);
  const tab = state.tab ?? (isCity ? 'draft' : 'published');
  const items = [
    ...(isCity ? [{ key: 'draft', label: '通报草稿', children: <DraftTab state={state} setState={setState} /> }] : []),
    { key: 'published', label: '已发布通报', children: <PublishedTab /> },
    { key: 'settings', label: '指标与权重', children: <SettingsTab canEdit={isCity} /> },
  ];
  return (
    <>
      <Typography.Title level={3}>定期通报</Typography.Title>
      <Typography.Paragraph type="secondary">
        按月度或季度对各区县（含功能区）专精特新企业培育工作加权评分、排名；发布后数据冻结，生成通报正文和排名表供下载，并通知各区县。
      </Typography.Paragraph>
      <Tabs activeKey={tab} onChange={(k) => setState({ tab: k }, false)} items={items} />
    </>
  );
}

type UrlState = Record<'tab' | 'kind' | 'period', string | undefined>;

function DraftTab({ state, setState }: { state: UrlState; setState: (c: Partial<UrlState>, resetPage?: boolean) => void }) {
  const kind = (state.kind === 'quarter' ? 'quarter' : 'month') as PeriodKind;
  const period = state.period ?? defaultPeriod(kind);
  const draft = useQuery({ queryKey: bulletinKeys.draft(kind, period), queryFn: () => fetchDraft(kind, period) });
  const [publishing, setPublishing] = useState(false);
  const d = draft.data;
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Radio.Group
          optionType="button"
          options={KIND_OPTIONS}
          value={kind}
          onChange={(e) => setState({ kind: e.target.value, period: undefined }, false)}
        />
        <Select
          aria-label="通报期别"
          style={{ width: 240 }}
          value={period}
          options={periodOptions(kind)}
          onChange={(v) => setState({ period: v }, false)}
        />
        <Button type="primary" disabled={!d} onClick={() => setPublishing(true)}>
          {d?.published.length ? '发布更正通报' : '发布通报'}
        </Button>
      </Space>
      {draft.isError && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={(draft.error as Error).message} />}
      {draft.isLoading && <Spin />}
      {d && (
        <>
          <Alert
            type={d.published.length ? 'warning' : 'info'}
            showIcon
            style={{ marginBottom: 16 }}
            title={
              d.published.length
                ? `本期已发布：${d.published.map((p) => p.title).join('；')}。已发布的通报数据不会改变；如数据有误，可发布更正通报。`
                : `草稿数据截至 ${date(d.asOf)}，随数据实时变化，发布后冻结。`
            }
            description={
              <span>
                满分 {d.fullMark} 分；目标完成率封顶 {Math.round(d.cap * 100)}%；上报率按{' '}
                {d.sources.monitoringMonths.map((m) => `${Number(m.slice(5))}月`).join('、')}
                月报计算；年度信息更新为 {d.sources.annualUpdateDataYear} 年度（截止 {date(d.sources.annualUpdateDueOn)}）。
                {d.indicators.some((i) => !i.hasData && i.weight > 0) &&
                  ` ${d.indicators
                    .filter((i) => !i.hasData && i.weight > 0)
                    .map((i) => i.label)
                    .join('、')}暂无数据，不计分、不计入满分。`}
                {d.previous ? ` 较上期对比：${d.previous.title}。` : ' 本类通报尚未发布过，暂无较上期变化。'}
                点击行首“+”查看每项得分的依据。
              </span>
            }
          />
          <RankingTable snapshot={d} />
          <PublishDialog open={publishing} onClose={() => setPublishing(false)} kind={kind} period={period} draft={d} />
        </>
      )}
    </>
  );
}

function PublishDialog({
  open,
  onClose,
  kind,
  period,
  draft,
}: {
  open: boolean;
  onClose: () => void;
  kind: PeriodKind;
  period: string;
  draft: { title: string; periodLabel: string; published: { id: string; title: string }[] };
}) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ documentNo?: string; title: string; correctsId?: string }>();
  const correcting = draft.published.length > 0;
  useEffect(() => {
    if (open)
      form.setFieldsValue({
        title: correcting ? `${draft.title}（更正）` : draft.title,
        documentNo: undefined,
        correctsId: draft.published[0]?.id,
      });
  }, [open, form, draft, correcting]);
  const publish = useMutation({
    mutationFn: (v: { documentNo?: string; title: string; correctsId?: string }) =>
      publishBulletin({ periodKind: kind, period, documentNo: v.documentNo || undefined, title: v.title, correctsId: v.correctsId }),
    onSuccess: (b) => {
      message.success('通报已发布，各区县已收到消息');
      client.invalidateQueries({ queryKey: bulletinKeys.all });
      onClose();
      navigate(`/bulletins/${b.id}`);
    },
    onError: (e) => {
      message.error(e instanceof ApiError ? e.message : '发布失败，请稍后重试');
    },
  });
  return (
    <Modal
      open={open}
      title={correcting ? `发布${draft.periodLabel}更正通报` : `发布${draft.periodLabel}通报`}
      okText="确认发布"
      cancelText="取消"
      confirmLoading={publish.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        发布后本期数据冻结，此后数据变化不影响已发布的通报；各区县经信部门将收到消息。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => publish.mutate(v)}>
        <Form.Item name="documentNo" label="文号" extra="如：渝经信中小〔2026〕12号；可不填">
          <Input maxLength={60} placeholder="渝经信中小〔2026〕12号" />
        </Form.Item>
        <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写通报标题' }]}>
          <Input maxLength={120} />
        </Form.Item>
        {correcting && (
          <Form.Item name="correctsId" label="更正的通报" rules={[{ required: true, message: '请选择要更正的通报' }]}>
            <Select options={draft.published.map((p) => ({ value: p.id, label: p.title }))} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function PublishedTab() {
  const { user } = useSession();
  const list = useQuery({ queryKey: bulletinKeys.list, queryFn: fetchBulletins });
  const isDistrict = user?.role === 'district_admin';
  if (list.isError) return <Alert type="error" showIcon title={(list.error as Error).message} />;
  return (
    <Table<BulletinListItem>
      rowKey="id"
      size="small"
      loading={list.isLoading}
      dataSource={list.data?.items ?? []}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 1000 }}
      locale={{
        emptyText:
          user?.role === 'city_admin'
            ? '尚未发布通报：在“通报草稿”中选择期别后发布'
            : '市经信委尚未发布通报，发布后将在此显示并通过消息通知',
      }}
      columns={[
        { title: '标题', dataIndex: 'title', render: (t: string, b) => <Link to={`/bulletins/${b.id}`}>{t}</Link> },
        { title: '期别', dataIndex: 'periodLabel', width: 130 },
        { title: '文号', dataIndex: 'documentNo', width: 180, render: (n: string | null) => n ?? '—' },
        { title: '数据截至', dataIndex: 'asOf', width: 110, render: (d: string) => date(d) },
        { title: '发布时间', dataIndex: 'publishedAt', width: 150, render: (d: string) => dateTime(d) },
        ...(isDistrict
          ? [
              {
                title: '本区县名次',
                key: 'own',
                width: 150,
                render: (_: unknown, b: BulletinListItem) => (b.own ? `第 ${b.own.rank} 名（${b.own.total.toFixed(2)} 分）` : '—'),
              },
            ]
          : []),
        {
          title: '下载',
          key: 'files',
          width: 200,
          render: (_: unknown, b: BulletinListItem) => (
            <Space>
              <Button size="small" icon={<FileWordOutlined />} href={documentUrl(b.id)} aria-label={`下载${b.title}正文`}>
                正文
              </Button>
              <Button size="small" icon={<DownloadOutlined />} href={rankingXlsxUrl(b.id)} aria-label={`下载${b.title}排名表`}>
                排名表
              </Button>
            </Space>
          ),
        },
      ]}
    />
  );
}

type Indicator = BulletinSettings['indicators'][number];

function SettingsTab({ canEdit }: { canEdit: boolean }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const settings = useQuery({ queryKey: bulletinKeys.settings, queryFn: fetchBulletinSettings });
  const [rows, setRows] = useState<Indicator[]>([]);
  const [cap, setCap] = useState(120);
  useEffect(() => {
    if (settings.data) {
      setRows(settings.data.indicators);
      setCap(Math.round(settings.data.cap * 100));
    }
  }, [settings.data]);
  const save = useMutation({
    mutationFn: () =>
      saveBulletinSettings({ cap: cap / 100, indicators: rows.map((r) => ({ key: r.key, weight: r.weight, method: r.method })) }),
    onSuccess: (saved) => {
      message.success('通报设置已保存，草稿按新权重计分');
      client.setQueryData(bulletinKeys.settings, saved);
      client.invalidateQueries({ queryKey: bulletinKeys.all });
    },
    onError: (e) => {
      message.error(e instanceof ApiError ? e.message : '保存失败，请稍后重试');
    },
  });
  if (settings.isError) return <Alert type="error" showIcon title={(settings.error as Error).message} />;
  if (!settings.data) return <Spin />;
  const sum = rows.reduce((a, r) => a + (Number.isFinite(r.weight) ? r.weight : 0), 0);
  const set = (key: string, change: Partial<Indicator>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...change } : r)));
  return (
    <Card>
      <Table<Indicator>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: '指标',
            dataIndex: 'label',
            render: (l: string, r) => (
              <div>
                <div>{l}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.hasData ? r.description : '暂无数据：相关模块上线前不计分、不计入满分'}
                </Typography.Text>
              </div>
            ),
          },
          {
            title: '权重（分）',
            dataIndex: 'weight',
            width: 130,
            render: (w: number, r) =>
              canEdit ? (
                <InputNumber
                  aria-label={`${r.label}权重`}
                  min={0}
                  max={100}
                  precision={0}
                  value={w}
                  onChange={(v) => set(r.key, { weight: v ?? 0 })}
                  style={{ width: 100 }}
                />
              ) : (
                w
              ),
          },
          {
            title: '计分方法',
            dataIndex: 'method',
            width: 220,
            render: (m: Indicator['method'], r) =>
              canEdit ? (
                <Select
                  aria-label={`${r.label}计分方法`}
                  value={m}
                  style={{ width: 200 }}
                  options={r.methods}
                  onChange={(v) => set(r.key, { method: v })}
                />
              ) : (
                r.methods.find((x) => x.value === m)?.label
              ),
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <b>合计</b>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1}>
              <Typography.Text type={sum === 100 ? 'success' : 'danger'} strong data-testid="weight-sum">
                {sum}
              </Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2}>
              {sum !== 100 && <Typography.Text type="danger">权重合计应为 100，当前为 {sum}</Typography.Text>}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      <Space style={{ marginTop: 16 }} wrap>
        <span>目标完成率封顶：</span>
        {canEdit ? (
          <InputNumber
            aria-label="目标完成率封顶"
            min={100}
            max={200}
            precision={0}
            value={cap}
            suffix="%"
            onChange={(v) => setCap(v ?? 120)}
          />
        ) : (
          <span>{cap}%</span>
        )}
        {canEdit && (
          <Button type="primary" disabled={sum !== 100} loading={save.isPending} onClick={() => save.mutate()}>
            保存设置
          </Button>
        )}
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
        目标完成率计分：权重 × （实际 ÷ 目标，超过封顶值按封顶值计）；比率计分：权重 × 比率；功效系数法：60 + 40 × (x − 最小值) ÷ (最大值 −
        最小值)，按权重折算。 未设定目标的指标不得分；本期不涉及的比率指标（如无复核企业）按各区县平均得分计。
        {canEdit ? '' : '设置由市经信委统一维护。'}
      </Typography.Paragraph>
    </Card>
  );
}
