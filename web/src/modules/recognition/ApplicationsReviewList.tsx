import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Cascader,
  Checkbox,
  Input,
  Modal,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../shared/api';
import { count, date } from '../../shared/format';
import { optionsOf, TIER_LABELS } from '../../shared/labels';
import { useReference } from '../../shared/reference';
import { useSession } from '../../shared/session';
import { useUrlState } from '../../shared/useUrlState';
import { type ApplicationListItem, batchAct, fetchApplications, fetchRounds, recognitionKeys } from './api';
import { OBJECTION_COLORS, OBJECTION_LABELS, OFFICER_STATUS_OPTIONS, STATUS_TAG_COLORS, statusLabel } from './status';

const SCORE_BANDS = [
  { value: '90-100', label: '90 分及以上' },
  { value: '80-89.99', label: '80–89 分' },
  { value: '70-79.99', label: '70–79 分' },
  { value: '60-69.99', label: '60–69 分' },
  { value: '0-59.99', label: '60 分以下' },
];
const PAGE_SIZE = 20;
const OBJECTION_FILTER_OPTIONS = [...optionsOf(OBJECTION_LABELS), { value: 'none', label: '无异议' }];

// 申报批次 and 行业 cut long text with an ellipsis, which makes antd lay the table out fixed; a fixed
// table under min-width: max-content grows without bound in Chromium (rows drawn a million pixels
// wide, their text off screen). The region scrolls over the columns' own widths instead.
const COLUMNS: TableColumnsType<ApplicationListItem> = [
  {
    title: '企业名称',
    width: 260,
    render: (_, r) => (
      <Space orientation="vertical" size={0}>
        <Link to={`/recognition/applications/${r.id}`}>{r.enterpriseName}</Link>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {r.uscc}
        </Typography.Text>
      </Space>
    ),
  },
  { title: '区县', dataIndex: 'districtName', width: 90 },
  { title: '申报层级', dataIndex: 'tierLabel', width: 150 },
  { title: '申报批次', dataIndex: 'roundName', width: 200, ellipsis: true },
  { title: '行业', width: 150, ellipsis: true, render: (_, r) => r.industryName ?? '—' },
  {
    title: '状态',
    width: 160,
    render: (_, r) => (
      <Space size={4} wrap>
        <Tag color={STATUS_TAG_COLORS[r.status]}>{r.statusLabel || statusLabel(r.status)}</Tag>
        {r.objection && r.objection !== 'none' && <Tag color={OBJECTION_COLORS[r.objection]}>{OBJECTION_LABELS[r.objection]}</Tag>}
        {r.status === 'returned' && r.returnReasonLabel && (
          <Tooltip title={r.returnReason ?? undefined}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.returnReasonLabel}
            </Typography.Text>
          </Tooltip>
        )}
      </Space>
    ),
  },
  {
    title: '自评得分',
    dataIndex: 'score',
    width: 90,
    align: 'right',
    render: (s: number | null) => (s === null ? '—' : count(s)),
  },
  {
    title: '专家评分',
    width: 100,
    align: 'right',
    render: (_, r) =>
      r.expertScore === null ? (
        '—'
      ) : (
        <Space size={4}>
          {r.expertScore.toLocaleString('zh-CN', { maximumFractionDigits: 1 })}
          {r.expertScoreFlagged && <Tag color="orange">分差大</Tag>}
        </Space>
      ),
  },
  { title: '提交时间', dataIndex: 'submittedAt', width: 110, render: (v: string | null) => date(v) },
  {
    title: '初审截止',
    width: 130,
    render: (_, r) => (
      <Space size={4}>
        {date(r.districtDueOn)}
        {r.overdue && <Tag color="red">已逾期</Tag>}
      </Space>
    ),
  },
];
/** The checkbox column beside the columns' own widths. */
const TABLE_MIN_WIDTH = COLUMNS.reduce((sum, c) => sum + Number(c.width ?? 0), 48);

interface Refused {
  id: string;
  enterpriseName: string;
  reason: string;
}

/** 申报审核: the district's (or the whole city's) applications with filters, batch approval, overdue flagged. */
export function ApplicationsReviewList() {
  const { user } = useSession();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const ref = useReference();
  const isCity = user?.role === 'city_admin';
  const [state, setState] = useUrlState([
    'roundId',
    'tier',
    'status',
    'score',
    'industry',
    'district',
    'overdue',
    'objection',
    'q',
    'page',
  ] as const);
  const page = Number(state.page ?? 1);
  const overdueOnly = state.overdue === '1' || state.overdue === 'true';
  const [scoreMin, scoreMax] = state.score ? state.score.split('-').map(Number) : [undefined, undefined];
  const filters = {
    roundId: state.roundId,
    tier: state.tier,
    status: state.status,
    scoreMin,
    scoreMax,
    industryCode: state.industry,
    districtCode: state.district,
    // '1' from the checkbox and the 工作台; 'true' from the overdue reminder's link (OVERDUE_LIST_LINK).
    overdue: overdueOnly,
    // 'open' from the 工作台's 公示异议待核查.
    objection: state.objection,
    q: state.q,
  };
  const list = useQuery({
    queryKey: recognitionKeys.applications({ ...filters, page }),
    queryFn: () => fetchApplications({ ...filters, page, pageSize: PAGE_SIZE }),
  });
  const rounds = useQuery({ queryKey: recognitionKeys.rounds({}), queryFn: () => fetchRounds({ pageSize: 200 }) });
  const [selected, setSelected] = useState<string[]>([]);
  const [refused, setRefused] = useState<Refused[] | null>(null);
  const batchAction = isCity ? 'city_approve' : 'district_approve';
  const selectable = (r: ApplicationListItem) =>
    isCity ? r.status === 'district_approved' || r.status === 'expert_review' : r.status === 'submitted';
  const batch = useMutation({
    mutationFn: () => batchAct({ action: batchAction, ids: selected }),
    onSuccess: (result) => {
      message.success(`已${isCity ? '复审' : '初审'}通过 ${count(result.done)} 件申报`);
      setSelected([]);
      client.invalidateQueries({ queryKey: recognitionKeys.all });
    },
    onError: (e) => {
      const details = e instanceof ApiError ? (e.details as { refused?: Refused[] } | undefined) : undefined;
      if (details?.refused?.length) setRefused(details.refused);
      else message.error(e instanceof ApiError ? e.message : '批量操作失败，请稍后重试');
    },
  });
  const filtered = Object.entries(state).some(([k, v]) => k !== 'page' && v);

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3}>申报审核</Typography.Title>
        <Button
          type="primary"
          disabled={!selected.length}
          loading={batch.isPending}
          onClick={() =>
            modal.confirm({
              title: `批量${isCity ? '复审' : '初审'}通过`,
              content: `确认将选中的 ${count(selected.length)} 件申报${isCity ? '复审' : '初审'}通过？任一件不能通过时，全部不作变更。`,
              okText: '确认通过',
              cancelText: '取消',
              onOk: () => batch.mutateAsync().catch(() => undefined),
            })
          }
        >
          {isCity ? '批量复审通过' : '批量初审通过'}
          {selected.length ? `（${count(selected.length)}）` : ''}
        </Button>
      </Space>
      <Space style={{ marginBottom: 16 }} wrap>
        <Select
          allowClear
          placeholder="申报批次"
          aria-label="申报批次"
          style={{ width: 240 }}
          value={state.roundId}
          onChange={(v) => setState({ roundId: v })}
          options={(rounds.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))}
        />
        <Select
          allowClear
          placeholder="申报层级"
          aria-label="申报层级"
          style={{ width: 200 }}
          value={state.tier}
          onChange={(v) => setState({ tier: v })}
          options={optionsOf(TIER_LABELS)}
        />
        <Select
          allowClear
          placeholder="状态"
          aria-label="状态"
          style={{ width: 150 }}
          value={state.status}
          onChange={(v) => setState({ status: v })}
          options={OFFICER_STATUS_OPTIONS}
        />
        <Select
          allowClear
          placeholder="自评得分"
          aria-label="自评得分"
          style={{ width: 140 }}
          value={state.score}
          onChange={(v) => setState({ score: v })}
          options={SCORE_BANDS}
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
          style={{ width: 220 }}
        />
        {isCity && (
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="区县"
            aria-label="区县"
            style={{ width: 140 }}
            value={state.district}
            onChange={(v) => setState({ district: v })}
            options={ref.districts.map((d) => ({ value: d.code, label: d.name }))}
          />
        )}
        <Select
          allowClear
          placeholder="公示异议"
          aria-label="公示异议"
          style={{ width: 140 }}
          value={state.objection}
          onChange={(v) => setState({ objection: v })}
          options={OBJECTION_FILTER_OPTIONS}
        />
        <Checkbox checked={overdueOnly} onChange={(e) => setState({ overdue: e.target.checked ? '1' : undefined })}>
          仅看逾期未审
        </Checkbox>
        <Input.Search
          allowClear
          placeholder="企业名称或统一社会信用代码"
          aria-label="企业名称或统一社会信用代码"
          defaultValue={state.q}
          onSearch={(v) => setState({ q: v.trim() || undefined })}
          style={{ width: 260 }}
        />
      </Space>
      {list.isError && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={(list.error as Error).message} />}
      {/* Ten columns are wider than the page: the region scrolls sideways, and takes the keyboard's
          focus so that it can be scrolled without a mouse (antd's own scroll={x} leaves its scroll
          box unfocusable and hides a focusable measure row: axe-core flags both). */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must take the keyboard's focus (WCAG 2.1.1) */}
      <section aria-label="申报列表" tabIndex={0} style={{ overflowX: 'auto' }}>
        <Table<ApplicationListItem>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items}
          style={{ minWidth: TABLE_MIN_WIDTH }}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys.map(String)),
            getCheckboxProps: (r) => ({ disabled: !selectable(r), 'aria-label': `选择${r.enterpriseName}` }),
          }}
          onRow={(r) => (r.overdue ? { style: { background: '#fff1f0' } } : {})}
          locale={{
            emptyText: filtered ? (
              <Space orientation="vertical">
                <span>没有符合筛选条件的申报。</span>
                <Button
                  size="small"
                  onClick={() =>
                    setState({
                      roundId: undefined,
                      tier: undefined,
                      status: undefined,
                      score: undefined,
                      industry: undefined,
                      district: undefined,
                      overdue: undefined,
                      objection: undefined,
                      q: undefined,
                    })
                  }
                >
                  清除筛选
                </Button>
              </Space>
            ) : (
              `${isCity ? '全市' : '本区县'}暂无企业提交的申报。申报批次开始受理后，企业提交的申报会列在这里，请在“申报批次”中查看受理时间。`
            ),
          }}
          columns={COLUMNS}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total,
            showSizeChanger: false,
            showTotal: (t) => `共 ${count(t)} 件`,
            onChange: (p) => setState({ page: p }, false),
          }}
        />
      </section>
      <Modal
        open={refused !== null}
        title="以下申报不能通过，全部未作变更"
        onCancel={() => setRefused(null)}
        footer={<Button onClick={() => setRefused(null)}>知道了</Button>}
      >
        <Typography.Paragraph>请取消选中这些申报，或先逐件处理后再批量通过：</Typography.Paragraph>
        <ul>
          {refused?.map((r) => (
            <li key={r.id}>
              {r.enterpriseName}：{r.reason}
            </li>
          ))}
        </ul>
      </Modal>
    </>
  );
}

export default ApplicationsReviewList;
