import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Empty,
  Input,
  Result,
  Space,
  Spin,
  Switch,
  Table,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { CHECKLIST_ITEMS, type ChecklistItem, type RecognitionAction, TRANSITIONS } from '../../../../src/domain/recognition/lifecycle';
import { ApiError } from '../../shared/api';
import { count, date, dateTime } from '../../shared/format';
import { useReference } from '../../shared/reference';
import { useSession } from '../../shared/session';
import {
  type ApplicationDetail,
  actOnApplication,
  type Checklist,
  fetchApplication,
  fetchCurrentRegistry,
  fetchExpertScores,
  recognitionKeys,
  saveChecklist,
} from './api';
import { EvidenceViewer } from './EvidenceViewer';
import { ExpertScoringCard } from './ExpertScoringCard';
import { ObjectionsPanel } from './ObjectionsPanel';
import { ReasonDialog, type ReasonValue } from './ReasonDialog';
import { type DiffRow, registryDiff } from './registry-diff';
import { STATUS_TAG_COLORS } from './status';

/** The officers' actions as buttons, in the order they are offered. */
const OFFICER_ACTIONS: { action: RecognitionAction; label: string; primary?: boolean }[] = [
  { action: 'district_approve', label: '初审通过', primary: true },
  { action: 'return', label: '退回企业' },
  { action: 'district_reject', label: '初审不通过' },
  { action: 'city_approve', label: '复审通过', primary: true },
  { action: 'return_to_district', label: '退回区县' },
  { action: 'city_reject', label: '复审不通过' },
];

const OUTCOMES: Record<string, [string, string]> = {
  qualified: ['green', '符合'],
  not_qualified: ['red', '不符合'],
  needs_review: ['orange', '待人工审核'],
};
const CONDITION_STATUS: Record<string, [string, string]> = {
  met: ['green', '满足'],
  not_met: ['red', '不满足'],
  needs_review: ['orange', '待审核'],
};

function DiffTable({ rows, loading }: { rows: DiffRow[]; loading: boolean }) {
  const [onlyChanged, setOnlyChanged] = useState(false);
  const changed = rows.filter((r) => r.changed).length;
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        {changed ? (
          <Alert type="warning" showIcon title={`提交后企业库中有 ${count(changed)} 项数据发生变化，已用底色标出`} />
        ) : (
          !loading && <Alert type="success" showIcon title="企业库当前数据与申报时冻结的数据一致" />
        )}
        <Switch checked={onlyChanged} onChange={setOnlyChanged} aria-label="只看有变化的项" />
        <span>只看有变化的项</span>
      </Space>
      <Table<DiffRow>
        rowKey="key"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={onlyChanged ? rows.filter((r) => r.changed) : rows}
        onRow={(r) => (r.changed ? { style: { background: '#fffbe6' }, 'data-changed': 'true' } : {})}
        columns={[
          { title: '类别', dataIndex: 'section', width: 150 },
          { title: '项目', dataIndex: 'label', width: 240 },
          { title: '申报时（冻结）', dataIndex: 'frozen' },
          {
            title: '企业库当前',
            render: (_, r) => (r.changed ? <Typography.Text strong>{r.current}</Typography.Text> : r.current),
          },
          { title: '', width: 80, render: (_, r) => (r.changed ? <Tag color="orange">有变化</Tag> : null) },
        ]}
      />
    </>
  );
}

function EvaluationPanel({ app }: { app: ApplicationDetail }) {
  const ev = app.evaluation;
  if (!ev) return <Empty description="该申报尚未提交，提交后这里显示冻结的自评结果。" />;
  const [color, label] = OUTCOMES[ev.outcome] ?? ['default', '—'];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Tag color={color}>{label}</Tag>
        <span>自评得分：{ev.score === null ? '—' : `${count(ev.score)} 分`}</span>
      </Space>
      {ev.categories.length > 0 && (
        <Descriptions size="small" bordered column={3}>
          {ev.categories.map((c) => (
            <Descriptions.Item key={c.id} label={c.name}>
              {count(c.score)} / {count(c.max)} 分
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={ev.conditions}
        columns={[
          { title: '条件', dataIndex: 'name', width: 260 },
          {
            title: '结论',
            dataIndex: 'status',
            width: 90,
            render: (s: string) => <Tag color={CONDITION_STATUS[s]?.[0]}>{CONDITION_STATUS[s]?.[1] ?? '—'}</Tag>,
          },
          { title: '说明', dataIndex: 'detail' },
        ]}
      />
      {ev.missing.length > 0 && (
        <Alert
          type="info"
          showIcon
          title="未满足或缺少的内容"
          description={
            <ul>
              {ev.missing.map((m) => (
                <li key={m.id}>{m.message}</li>
              ))}
            </ul>
          }
        />
      )}
    </Space>
  );
}

function ChecklistPanel({ app, editable }: { app: ApplicationDetail; editable: boolean }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const stored = app.checklist as Partial<Checklist>;
  const [value, setValue] = useState<Checklist>({
    creditChina: Boolean(stored.creditChina),
    abnormalOperation: Boolean(stored.abnormalOperation),
    seriousDishonesty: Boolean(stored.seriousDishonesty),
    onsiteCheck: Boolean(stored.onsiteCheck),
    note: typeof stored.note === 'string' ? stored.note : '',
  });
  const save = useMutation({
    mutationFn: () => saveChecklist(app.id, { ...value, note: value.note?.trim() || undefined }),
    onSuccess: (detail) => {
      client.setQueryData(recognitionKeys.application(app.id), detail);
      message.success('核查清单已保存');
    },
    onError: (e) => {
      message.error(e instanceof ApiError ? e.message : '保存失败，请稍后重试');
    },
  });
  return (
    <Space orientation="vertical" style={{ width: '100%', maxWidth: 640 }}>
      {(Object.keys(CHECKLIST_ITEMS) as ChecklistItem[]).map((item) => (
        <Checkbox
          key={item}
          checked={value[item]}
          disabled={!editable}
          onChange={(e) => setValue((v) => ({ ...v, [item]: e.target.checked }))}
        >
          {CHECKLIST_ITEMS[item]}
        </Checkbox>
      ))}
      <Input.TextArea
        rows={3}
        aria-label="核查说明"
        placeholder={editable ? '核查说明（可不填）：查询结果、抽查情况等' : ''}
        value={value.note ?? ''}
        disabled={!editable}
        maxLength={2000}
        onChange={(e) => setValue((v) => ({ ...v, note: e.target.value }))}
      />
      {editable ? (
        <Button type="primary" onClick={() => save.mutate()} loading={save.isPending}>
          保存核查清单
        </Button>
      ) : (
        <Typography.Text type="secondary">核查清单由区县经信委在初审时填写。</Typography.Text>
      )}
    </Space>
  );
}

function ExpertScoresPanel({ app }: { app: ApplicationDetail }) {
  const scores = useQuery({ queryKey: recognitionKeys.expertScores(app.id), queryFn: () => fetchExpertScores(app.id) });
  const items = scores.data?.items ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {app.expertScore !== null && (
        <Space>
          <span>专家评审得分：{app.expertScore.toLocaleString('zh-CN', { maximumFractionDigits: 1 })} 分</span>
          {app.expertScoreFlagged && <Tag color="orange">有专家评分与其他专家差异较大，请关注</Tag>}
        </Space>
      )}
      <Table
        rowKey={(r) => `${r.expertName}-${r.submittedAt ?? ''}`}
        size="small"
        loading={scores.isLoading}
        pagination={false}
        dataSource={items}
        locale={{ emptyText: '尚未抽取专家或专家尚未提交评审意见。抽取专家请到批次详情页操作。' }}
        columns={[
          { title: '专家', dataIndex: 'expertName', width: 110 },
          { title: '单位', dataIndex: 'organization', width: 180, render: (v) => v ?? '—' },
          {
            title: '评分',
            width: 120,
            render: (_, r) => (
              <Space size={4}>
                {r.score === null ? '—' : r.score.toLocaleString('zh-CN', { maximumFractionDigits: 1 })}
                {r.flagged && <Tag color="orange">分差大</Tag>}
              </Space>
            ),
          },
          { title: '特色化', dataIndex: 'featuredScore', width: 80, render: (v: number | null) => (v === null ? '—' : v) },
          { title: '评审意见', dataIndex: 'opinion', render: (v) => v || '—' },
          { title: '提交时间', dataIndex: 'submittedAt', width: 150, render: (v) => (v ? dateTime(v) : '未提交') },
        ]}
      />
    </Space>
  );
}

function HistoryPanel({ app }: { app: ApplicationDetail }) {
  if (!app.history.length) return <Empty description="暂无办理记录" />;
  return (
    <Timeline
      items={[...app.history].reverse().map((h) => ({
        key: `${h.at}-${h.action}`,
        content: (
          <Space orientation="vertical" size={0}>
            <Space>
              <Typography.Text strong>{h.actionLabel}</Typography.Text>
              <Typography.Text type="secondary">
                {dateTime(h.at)}
                {h.actorName ? ` · ${h.actorName}` : ''}
              </Typography.Text>
            </Space>
            {h.reason && <Typography.Text>原因：{h.reason}</Typography.Text>}
          </Space>
        ),
      }))}
    />
  );
}

/** The review view of an application (区县初审、市级复审, and an assigned expert's reading). */
export function ApplicationReview() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { user } = useSession();
  const { message } = App.useApp();
  const client = useQueryClient();
  const ref = useReference();
  const detail = useQuery({ queryKey: recognitionKeys.application(id), queryFn: () => fetchApplication(id), retry: false });
  const isOfficer = user?.role === 'city_admin' || user?.role === 'district_admin';
  const app = detail.data;
  const current = useQuery({
    queryKey: recognitionKeys.current(id),
    queryFn: () => fetchCurrentRegistry(id),
    enabled: isOfficer && Boolean(app?.frozen),
    retry: false,
  });
  const [pending, setPending] = useState<(typeof OFFICER_ACTIONS)[number] | null>(null);
  const act = useMutation({
    mutationFn: ({ action, reason }: { action: RecognitionAction; reason: ReasonValue }) =>
      actOnApplication(id, { action, reason: reason.reason, reasonCode: reason.reasonCode }),
    onSuccess: (updated, { action }) => {
      client.setQueryData(recognitionKeys.application(id), updated);
      client.invalidateQueries({ queryKey: ['recognition', 'applications'] });
      message.success(`已${OFFICER_ACTIONS.find((a) => a.action === action)?.label ?? '办理'}`);
      setPending(null);
    },
    onError: (e) => {
      message.error(e instanceof ApiError ? e.message : '操作失败，请稍后重试');
      client.invalidateQueries({ queryKey: recognitionKeys.application(id) });
    },
  });
  const names = useMemo(
    () => ({
      district: (c: string) => ref.districts.find((d) => d.code === c)?.name,
      industry: (c: string) => ref.industries.find((i) => i.code === c)?.name,
      cluster: (c: string) => ref.clusters.find((x) => x.code === c)?.name,
    }),
    [ref.districts, ref.industries, ref.clusters],
  );
  useEffect(() => {
    if (app) document.title = `${app.enterpriseName} · 申报审核`;
  }, [app]);

  if (detail.isLoading) return <Spin />;
  if (!app)
    return (
      <Result
        status="404"
        title="申报不存在或无权查看"
        extra={
          <Button onClick={() => navigate(user?.role === 'expert' ? '/recognition/reviews' : '/recognition/applications')}>返回列表</Button>
        }
      />
    );

  const diffRows = app.frozen ? registryDiff(app.frozen.registry, current.data, names) : [];
  const indicatorNames = new Map<string, string>();
  for (const i of app.evaluation?.indicators ?? []) indicatorNames.set(i.id, i.name);
  for (const c of app.evaluation?.conditions ?? []) indicatorNames.set(c.id, c.name);
  const indicatorName = (i: string | null) => (i ? (indicatorNames.get(i) ?? '其他佐证材料') : '其他佐证材料');
  const actions = OFFICER_ACTIONS.filter((a) => app.allowedActions.includes(a.action));
  const canEditChecklist = isOfficer && app.allowedActions.some((a) => a !== 'submit' && a !== 'withdraw');
  const showObjections = isOfficer && ['in_publicity', 'recognised', 'not_recognised'].includes(app.status);

  const tabs = [
    {
      key: 'diff',
      label: '数据比对',
      children: app.frozen ? (
        isOfficer ? (
          <DiffTable rows={diffRows} loading={current.isLoading} />
        ) : (
          <Descriptions bordered size="small" column={2}>
            {diffRows.map((r) => (
              <Descriptions.Item key={r.key} label={`${r.section} · ${r.label}`}>
                {r.frozen}
              </Descriptions.Item>
            ))}
          </Descriptions>
        )
      ) : (
        <Empty description="企业尚未提交，提交时冻结的申报数据会显示在这里。" />
      ),
    },
    { key: 'evaluation', label: '自评结果', children: <EvaluationPanel app={app} /> },
    {
      key: 'evidence',
      label: `佐证材料（${count(app.files.length)}）`,
      children: <EvidenceViewer files={app.files} indicatorName={indicatorName} />,
    },
    ...(isOfficer ? [{ key: 'checklist', label: '核查清单', children: <ChecklistPanel app={app} editable={canEditChecklist} /> }] : []),
    ...(user?.role === 'city_admin' ? [{ key: 'experts', label: '专家评分', children: <ExpertScoresPanel app={app} /> }] : []),
    ...(showObjections
      ? [
          {
            key: 'objections',
            label: '异议',
            children: (
              <ObjectionsPanel applicationId={app.id} inPublicity={app.status === 'in_publicity'} canFind={user?.role === 'city_admin'} />
            ),
          },
        ]
      : []),
    { key: 'history', label: '办理记录', children: <HistoryPanel app={app} /> },
  ];

  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <Link to={user?.role === 'expert' ? '/recognition/reviews' : '/recognition/applications'}>
          <ArrowLeftOutlined aria-hidden /> 返回列表
        </Link>
      </Space>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Space align="center">
          <Typography.Title level={3} style={{ margin: 0 }}>
            {app.enterpriseName}
          </Typography.Title>
          <Tag color={STATUS_TAG_COLORS[app.status as keyof typeof STATUS_TAG_COLORS]}>{app.statusLabel}</Tag>
          {app.overdue && <Tag color="red">初审已逾期</Tag>}
        </Space>
        {isOfficer && (
          <Space wrap>
            {actions.map((a) => (
              <Button
                key={a.action}
                type={a.primary ? 'primary' : 'default'}
                loading={act.isPending && pending?.action === a.action}
                onClick={() => setPending(a)}
              >
                {a.label}
              </Button>
            ))}
            {user?.role === 'city_admin' && (
              <Link to={`/enterprises/${app.enterpriseId}`}>
                <Button>企业档案</Button>
              </Link>
            )}
          </Space>
        )}
      </Space>
      <Descriptions size="small" column={3} style={{ margin: '16px 0' }}>
        <Descriptions.Item label="申报批次">{app.round.name}</Descriptions.Item>
        <Descriptions.Item label="申报层级">{app.tierLabel}</Descriptions.Item>
        <Descriptions.Item label="统一社会信用代码">{app.uscc}</Descriptions.Item>
        <Descriptions.Item label="所属区县">{app.districtName}</Descriptions.Item>
        <Descriptions.Item label="提交时间">{dateTime(app.submittedAt)}</Descriptions.Item>
        <Descriptions.Item label="初审截止">{date(app.districtDueOn)}</Descriptions.Item>
        <Descriptions.Item label="自评结果">
          {app.evaluation ? (
            <Space size={4}>
              <Tag color={OUTCOMES[app.evaluation.outcome]?.[0]}>{OUTCOMES[app.evaluation.outcome]?.[1] ?? '—'}</Tag>
              {app.evaluation.score !== null && `${count(app.evaluation.score)} 分`}
            </Space>
          ) : (
            '未提交'
          )}
        </Descriptions.Item>
        {app.expertScore !== null && (
          <Descriptions.Item label="专家评审得分">
            {app.expertScore.toLocaleString('zh-CN', { maximumFractionDigits: 1 })} 分{app.expertScoreFlagged ? '（分差大）' : ''}
          </Descriptions.Item>
        )}
      </Descriptions>
      {app.returnReason && ['returned', 'submitted'].includes(app.status) && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`最近一次退回：${app.returnReasonLabel ?? '其他'}`}
          description={app.returnReason}
        />
      )}
      {user?.role === 'expert' && app.status === 'expert_review' && <ExpertScoringCard app={app} />}
      <Card>
        <Tabs items={tabs} />
      </Card>
      <ReasonDialog
        open={pending !== null}
        title={pending ? `${pending.label}：${app.enterpriseName}` : ''}
        okText={pending?.label ?? '确定'}
        required={pending ? TRANSITIONS[pending.action].reason === 'required' : false}
        withCode={pending ? TRANSITIONS[pending.action].reason === 'required' : false}
        pending={act.isPending}
        onCancel={() => setPending(null)}
        onSubmit={(reason) => pending && act.mutate({ action: pending.action, reason })}
      />
    </>
  );
}

export default ApplicationReview;
