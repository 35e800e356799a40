import { CheckCircleOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Rule } from 'antd/es/form';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../shared/api';
import { count, date, dateTime, growth, wan } from '../../shared/format';
import { useSession } from '../../shared/session';
import {
  checkReport,
  fetchReport,
  monitoringKeys,
  type ReportCheck,
  type ReportDetail,
  type ReportHistoryItem,
  type ReportInput,
  type ReportValues,
  type SubmitResult,
  submitReport,
} from './api';
import { periodLabel, periodMonth } from './period';
import {
  amountProblem,
  computedRevenueMonth,
  FIELD_LABELS,
  type FieldDef,
  type FieldKey,
  type FormValues,
  fromWan,
  REPORT_FIELDS,
  revenueMonthComputed,
  SURVEY_ITEMS,
  SURVEY_OPTIONS,
  toFormValues,
  toReportInput,
  UNIT_LABELS,
} from './report-form';
import { statusColor } from './status';

const CHECK_DEBOUNCE_MS = 500;

type Notice = { kind: 'stale' } | { kind: 'saved'; result: SubmitResult } | null;

/** 月报: the form of one enterprise's month (the enterprise, or its district entering for an offline firm: 代报); other officers read it. */
export function ReportPage() {
  const { enterpriseId = '', period = '' } = useParams();
  const detail = useQuery({ queryKey: monitoringKeys.report(enterpriseId, period), queryFn: () => fetchReport(enterpriseId, period) });
  const [notice, setNotice] = useState<Notice>(null);
  const { user } = useSession();
  const back = user?.role === 'enterprise' ? '/monitoring/my-reports' : '/monitoring/reports';

  if (detail.isLoading) return <Skeleton active />;
  if (detail.error || !detail.data) {
    return (
      <>
        <Typography.Title level={3}>月报</Typography.Title>
        <Alert
          type="error"
          showIcon
          title={(detail.error as Error | null)?.message ?? '月报不存在'}
          description={<Link to={back}>返回列表</Link>}
        />
      </>
    );
  }
  // Keyed by version: a submission or a reload after a stale write starts the form again from what is stored.
  return <ReportForm key={`${period}-${detail.data.version}`} detail={detail.data} notice={notice} setNotice={setNotice} back={back} />;
}

function ReportForm({
  detail,
  notice,
  setNotice,
  back,
}: {
  detail: ReportDetail;
  notice: Notice;
  setNotice: (n: Notice) => void;
  back: string;
}) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const { user } = useSession();
  const [form] = Form.useForm<FormValues>();
  const month = periodMonth(detail.period);
  const initial = useRef(toFormValues(detail.values)).current;
  const [checks, setChecks] = useState<ReportCheck[] | null>(detail.values ? detail.checks : null);
  const [checking, setChecking] = useState(false);
  const [explanations, setExplanations] = useState<Record<string, string>>(detail.explanations ?? {});
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const sequence = useRef(0);
  const revenueYtd = Form.useWatch('revenueYtd', form);
  const typed = Form.useWatch([], form) as FormValues | undefined;

  const proxy = user?.role === 'district_admin' && detail.canWrite;
  // The server decides (the enterprise itself, or its district entering for it); the others read.
  const canWrite = detail.canWrite && detail.inSample;
  const ctx = { month, lastMonth: detail.lastMonth, industrial: detail.industrial };
  const monthComputed = revenueMonthComputed(month, detail.lastMonth);

  const key = monitoringKeys.report(detail.enterpriseId, detail.period);

  const runCheck = async () => {
    const body = toReportInput(form.getFieldsValue(true) as FormValues, ctx);
    const mine = ++sequence.current;
    if (!body) {
      setChecks(null);
      setChecking(false);
      return;
    }
    setChecking(true);
    try {
      const result = await checkReport(detail.enterpriseId, detail.period, body);
      if (mine === sequence.current) setChecks(result.checks);
    } catch (error) {
      if (mine !== sequence.current) return;
      if (error instanceof ApiError && error.code === 'MONITORING_CHECK_FAILED') {
        setChecks((error.details as { checks?: ReportCheck[] } | undefined)?.checks ?? []);
      } else if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') {
        markInvalidFields(error);
      }
    } finally {
      if (mine === sequence.current) setChecking(false);
    }
  };

  // Fields the server refused outright (a number beyond range): red on the field, in the field's own name.
  const markInvalidFields = (error: ApiError) => {
    const fields = (error.details as { fields?: { field: string }[] } | undefined)?.fields ?? [];
    form.setFields(
      fields
        .filter((f) => REPORT_FIELDS.some((d) => d.key === f.field))
        .map((f) => ({ name: f.field as FieldKey, errors: [`${FIELD_LABELS[f.field]}数值超出范围或格式不正确`] })),
    );
  };

  useEffect(() => () => clearTimeout(timer.current), []);

  const scheduleCheck = () => {
    if (!canWrite) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void runCheck(), CHECK_DEBOUNCE_MS);
  };

  const submit = useMutation({
    mutationFn: (body: ReportInput) => submitReport(detail.enterpriseId, detail.period, body),
    onSuccess: async (result) => {
      setNotice({ kind: 'saved', result });
      if (result.status === 'accepted') {
        message.success(proxy ? '已代报，月报审核通过' : '月报已提交，审核通过');
      } else {
        message.warning('月报已保存为待说明：请为列出的情况逐项填写说明后再次提交');
      }
      await Promise.all([client.invalidateQueries({ queryKey: key }), client.invalidateQueries({ queryKey: monitoringKeys.myReports })]);
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.code === 'MONITORING_CHECK_FAILED') {
        setChecks((error.details as { checks?: ReportCheck[] } | undefined)?.checks ?? []);
        message.error('月报未通过审核，未保存：请改正标红的项后再提交');
      } else if (error instanceof ApiError && error.status === 409) {
        setNotice({ kind: 'stale' });
        message.warning('该月报刚被他人修改，已载入最新内容，请核对后重新提交');
        await client.invalidateQueries({ queryKey: key });
      } else if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') {
        markInvalidFields(error);
        message.error('有填写不正确的项（已标红），请改正后再提交');
      } else {
        message.error((error as Error).message);
      }
    },
  });

  const onSubmit = async () => {
    try {
      await form.validateFields();
    } catch {
      message.error('有填写不正确的项（已标红），请改正后再提交');
      return;
    }
    const body = toReportInput(form.getFieldsValue(true) as FormValues, ctx);
    if (!body) return;
    const soft = (checks ?? []).filter((c) => c.level === 'soft');
    const given = Object.fromEntries(soft.map((c) => [c.id, explanations[c.id]?.trim() ?? ''] as const).filter(([, text]) => text !== ''));
    if (Object.keys(given).length > 0) body.explanations = given;
    // The version seen (0 = none yet): a revision or first report stored meanwhile by another hand → 409.
    body.version = detail.version;
    setNotice(null);
    submit.mutate(body);
  };

  const hard = (checks ?? []).filter((c) => c.level === 'hard');
  const soft = (checks ?? []).filter((c) => c.level === 'soft');
  const hardOn = (field: string) => hard.filter((c) => c.field === field);
  const fieldKeys = new Set<string>(REPORT_FIELDS.map((f) => f.key));
  const hardElsewhere = hard.filter((c) => !fieldKeys.has(c.field));

  const reference = (f: FieldDef, values: ReportValues | null): string => {
    if (!values) return '未报送';
    const v = values[f.key];
    if (v === null || v === undefined) return '未填';
    return f.unit === 'persons' ? `${count(v)} 人` : `${wan(v)} ${UNIT_LABELS[f.unit]}`;
  };
  /** 同比 of what is typed against last year's same period, as statistics write it (+80.0%, 扭亏, 转亏). */
  const yoy = (f: FieldDef): string | null => {
    if (!canWrite || f.key === 'revenueMonth') return null;
    const v = typed?.[f.key];
    const cur = f.unit === 'persons' ? (typeof v === 'number' ? v : null) : fromWan(v);
    const g = growth(cur, detail.lastYear?.[f.key] ?? null);
    return g ? `（同比 ${g.text}）` : null;
  };
  const references = (f: FieldDef) => (
    // Each reference on a line of its own when both do not fit (never split between a label and its figure where room allows).
    <span data-testid={`ref-${f.key}`} style={{ display: 'flex', flexWrap: 'wrap', columnGap: 16 }}>
      <span>
        上年同期：{reference(f, detail.lastYear)}
        {yoy(f)}
      </span>
      {month > 1 && <span>上月：{reference(f, detail.lastMonth)}</span>}
    </span>
  );

  const rulesOf = (f: FieldDef): Rule[] => {
    const required =
      f.key === 'revenueYtd' ||
      f.key === 'profitYtd' ||
      f.key === 'employees' ||
      (f.key === 'outputYtd' && detail.industrial) ||
      (f.key === 'rdExpenseYtd' && detail.rdRequired);
    const initialValue = initial[f.key] ?? null;
    return [
      ...(required ? [{ required: true, message: `请填写${f.label}` }] : []),
      {
        validator: (_, v) => {
          const problem = amountProblem(v, f.unit, { signed: f.signed, initial: initialValue });
          return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
        },
      },
    ];
  };

  const field = (f: FieldDef): ReactNode => {
    if (f.key === 'outputYtd' && !detail.industrial) return null;
    const errors = hardOn(f.key);
    const serverHelp = errors.length > 0 ? errors.map((c) => c.message).join('；') : undefined;
    if (f.key === 'revenueMonth' && monthComputed) {
      const computed = computedRevenueMonth(month, fromWan(revenueYtd), detail.lastMonth);
      return (
        <Col xs={24} md={12} key={f.key}>
          <Form.Item
            label={f.label}
            tooltip={month === 1 ? '1月的当月数即累计数' : '按本月累计减上月累计自动计算'}
            validateStatus={serverHelp ? 'error' : undefined}
            help={serverHelp}
            extra={references(f)}
          >
            <Typography.Text strong data-testid="revenue-month">
              {computed === null ? '填写累计后自动计算' : `${wan(computed)} 万元`}
            </Typography.Text>
          </Form.Item>
        </Col>
      );
    }
    const required = f.key === 'rdExpenseYtd' && detail.rdRequired ? `${f.help}（本月须填写）` : f.help;
    return (
      <Col xs={24} md={12} key={f.key}>
        <Form.Item
          name={f.key}
          label={f.label}
          tooltip={required}
          rules={rulesOf(f)}
          validateStatus={serverHelp ? 'error' : undefined}
          help={serverHelp}
          extra={references(f)}
        >
          {canWrite ? (
            <InputNumber<number>
              style={{ width: '100%' }}
              step={f.unit === 'persons' ? 1 : 0.1}
              suffix={UNIT_LABELS[f.unit]}
              placeholder={f.unit === 'persons' ? '整数' : '最多一位小数'}
            />
          ) : (
            <ShownValue unit={f.unit} />
          )}
        </Form.Item>
      </Col>
    );
  };

  const title = proxy ? '代报月报' : '月报';
  const latestVersion = detail.version;

  return (
    <>
      <Space wrap align="baseline" style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title} · {periodLabel(detail.period)}
        </Typography.Title>
        <Link to={back}>返回列表</Link>
      </Space>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="企业">{detail.enterpriseName}</Descriptions.Item>
        <Descriptions.Item label="截止日期">{date(detail.dueOn)}</Descriptions.Item>
        <Descriptions.Item label="状态">
          <Space size={4}>
            <Tag color={statusColor(detail.status)} data-testid="report-status">
              {detail.statusLabel}
            </Tag>
            {detail.late && <Tag color="volcano">逾期报送</Tag>}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="版本">{latestVersion === 0 ? '尚未报送' : `第 ${count(latestVersion)} 版`}</Descriptions.Item>
      </Descriptions>

      <Space orientation="vertical" size={12} style={{ width: '100%', marginBottom: 12 }}>
        {notice?.kind === 'stale' && (
          <Alert
            type="warning"
            showIcon
            data-testid="stale-notice"
            title="该月报刚被他人修改，已重新载入最新内容"
            description="您刚才的修改没有保存。请核对下面的最新数据，需要时再修改并提交。"
          />
        )}
        {notice?.kind === 'saved' && notice.result.status === 'accepted' && (
          <Alert
            type="success"
            showIcon
            data-testid="saved-notice"
            title={`已提交，审核通过（第 ${count(notice.result.version)} 版）`}
            description={notice.result.late ? `截止日期 ${date(notice.result.dueOn)} 后报送，记为逾期。` : undefined}
          />
        )}
        {notice?.kind === 'saved' && notice.result.status === 'needs_explanation' && (
          <Alert
            type="warning"
            showIcon
            data-testid="saved-notice"
            title="已保存，待说明"
            description="月报已保存，但有需要说明的情况：请在右侧逐项填写说明后再次提交，说明齐全后即审核通过。"
          />
        )}
        {detail.status === 'returned' && (
          <Alert
            type="error"
            showIcon
            data-testid="return-reason"
            title="本月报已被退回，请修改后重新提交"
            description={`退回原因：${detail.returnReason ?? '未注明'}`}
          />
        )}
        {!detail.inSample && (
          <Alert
            type="info"
            showIcon
            title="该企业目前不在运行监测企业名单中，无需报送月报"
            description="持有有效称号的企业自动纳入监测；其他企业由所在区县经信委纳入。"
          />
        )}
        {detail.inSample && proxy && <Alert type="info" showIcon title="代报：为线下报送的企业代为填报本月报，提交后记为区县代报。" />}
        {detail.inSample && !canWrite && <Alert type="info" showIcon title="只读：月报由企业本身或其所在区县经信委（代报）填报。" />}
      </Space>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card size="small" title="经营数据">
            <Form<FormValues>
              form={form}
              layout="vertical"
              initialValues={initial}
              disabled={!canWrite}
              onValuesChange={scheduleCheck}
              requiredMark={canWrite}
            >
              <Row gutter={16}>{REPORT_FIELDS.map(field)}</Row>
              {hardElsewhere.length > 0 && (
                <Alert
                  type="error"
                  showIcon
                  style={{ marginBottom: 16 }}
                  title="须改正后才能提交"
                  description={
                    <ul style={{ margin: 0, paddingLeft: 18 }}>
                      {hardElsewhere.map((c) => (
                        <li key={c.id}>{c.message}</li>
                      ))}
                    </ul>
                  }
                />
              )}
              <Typography.Title level={5}>景气调查（与上月相比）</Typography.Title>
              <Row gutter={16}>
                {SURVEY_ITEMS.map((s) => (
                  <Col xs={24} md={8} key={s.key}>
                    <Form.Item name={['survey', s.key]} label={s.label} tooltip={s.help}>
                      {canWrite ? <Radio.Group options={SURVEY_OPTIONS} optionType="button" /> : <ShownChoice />}
                    </Form.Item>
                  </Col>
                ))}
              </Row>
              <Form.Item name="suggestions" label="问题与建议">
                {canWrite ? (
                  <Input.TextArea rows={3} maxLength={1000} showCount placeholder="生产经营中遇到的困难、问题和建议（选填）" />
                ) : (
                  <ShownText />
                )}
              </Form.Item>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <ChecksPanel
            checks={checks}
            checking={checking}
            soft={soft}
            hardCount={hard.length}
            explanations={explanations}
            setExplanation={(id, text) => setExplanations((e) => ({ ...e, [id]: text }))}
            canWrite={canWrite}
          />
          {canWrite && (
            <Button type="primary" block size="large" style={{ marginTop: 12 }} loading={submit.isPending} onClick={() => void onSubmit()}>
              {proxy ? '代报提交' : detail.version > 0 ? '提交修改' : '提交月报'}
            </Button>
          )}
        </Col>
      </Row>

      <History items={detail.history} />
    </>
  );
}

/** A figure for readers (the form's value in 万元 or persons, as text): a disabled input would be grey on grey. */
function ShownValue({ value, unit }: { value?: number | null; unit: FieldDef['unit'] }) {
  if (value === null || value === undefined) return <Typography.Text>未填</Typography.Text>;
  const text = unit === 'persons' ? count(value) : value.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 4 });
  return (
    <Typography.Text strong>
      {text} {UNIT_LABELS[unit]}
    </Typography.Text>
  );
}

/** A survey answer for readers: 增加 / 持平 / 减少, or 未填. */
function ShownChoice({ value }: { value?: string | null }) {
  return <Typography.Text strong>{SURVEY_OPTIONS.find((o) => o.value === value)?.label ?? '未填'}</Typography.Text>;
}

/** A free text for readers. */
function ShownText({ value }: { value?: string | null }) {
  return <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{value?.trim() ? value : '未填'}</Typography.Paragraph>;
}

function ChecksPanel({
  checks,
  checking,
  soft,
  hardCount,
  explanations,
  setExplanation,
  canWrite,
}: {
  checks: ReportCheck[] | null;
  checking: boolean;
  soft: ReportCheck[];
  hardCount: number;
  explanations: Record<string, string>;
  setExplanation: (id: string, text: string) => void;
  canWrite: boolean;
}) {
  return (
    <Card
      size="small"
      title="数据审核"
      data-testid="checks-panel"
      extra={checking ? <Typography.Text type="secondary">正在审核…</Typography.Text> : null}
    >
      {checks === null ? (
        <Typography.Text type="secondary">
          {canWrite ? '填写营业收入（累计）、利润总额（累计）和从业人员后，这里随填随审，列出须改正和需要说明的情况。' : '尚未报送。'}
        </Typography.Text>
      ) : checks.length === 0 ? (
        <Typography.Text data-testid="checks-ok">
          <CheckCircleOutlined style={{ color: '#237804', marginRight: 4 }} aria-hidden />
          审核通过，未发现问题
        </Typography.Text>
      ) : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {hardCount > 0 && <Alert type="error" showIcon title={`${count(hardCount)} 项须改正后才能提交（已在左侧标红）`} />}
          {soft.length > 0 && (
            <>
              <Typography.Text strong>需要说明的情况（{count(soft.length)} 项）</Typography.Text>
              <Typography.Text type="secondary">
                {canWrite
                  ? '数据与往期差异较大。如数据无误，请逐项说明原因；说明齐全后提交即审核通过。'
                  : '数据与往期差异较大，以下是填报方的说明。'}
              </Typography.Text>
              {soft.map((c, i) => {
                const id = `explain-${i}`;
                return (
                  <div key={c.id} data-testid="soft-check">
                    {canWrite ? (
                      <>
                        <label htmlFor={id} style={{ display: 'block', marginBottom: 4, color: '#ad4e00' }}>
                          {c.message}
                        </label>
                        <Input.TextArea
                          id={id}
                          rows={2}
                          maxLength={1000}
                          value={explanations[c.id] ?? ''}
                          onChange={(e) => setExplanation(c.id, e.target.value)}
                          placeholder="请说明原因"
                          status={(explanations[c.id] ?? '').trim() ? undefined : 'warning'}
                        />
                      </>
                    ) : (
                      <>
                        <Typography.Text style={{ display: 'block', color: '#ad4e00' }}>{c.message}</Typography.Text>
                        <Typography.Text>说明：{explanations[c.id]?.trim() || '未说明'}</Typography.Text>
                      </>
                    )}
                  </div>
                );
              })}
            </>
          )}
        </Space>
      )}
    </Card>
  );
}

/** A write after the due date: the first one is 逾期报送, a later one 截止后修订 (figures that used the earlier value say so); officers' actions carry no mark. */
const afterDueMark = (h: ReportHistoryItem): string | null => {
  if (!h.afterDue) return null;
  if (h.action === 'submit') return '逾期报送';
  return h.action === 'revise' || h.action === 'import' ? '截止后修订' : null;
};

function History({ items }: { items: ReportHistoryItem[] }) {
  return (
    <Card size="small" title="修订记录" style={{ marginTop: 16 }}>
      {/* The table scrolls sideways inside its region on a phone (antd's scroll={x} leaves its scroll box unfocusable). */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must take the keyboard's focus (WCAG 2.1.1) */}
      <section aria-label="修订记录" tabIndex={0} style={{ overflowX: 'auto' }}>
        <Table<ReportHistoryItem>
          rowKey="version"
          size="small"
          pagination={false}
          dataSource={items}
          style={{ minWidth: 'max-content' }}
          data-testid="report-history"
          locale={{ emptyText: <Empty description="尚未报送。提交后，每次提交、修改和审核都记录在这里。" /> }}
          columns={[
            { title: '版本', render: (_, h) => `第 ${count(h.version)} 版` },
            {
              title: '操作',
              render: (_, h) => (
                <Space size={4}>
                  {h.actionLabel}
                  {afterDueMark(h) && <Tag color="orange">{afterDueMark(h)}</Tag>}
                </Space>
              ),
            },
            { title: '状态', render: (_, h) => <Tag color={statusColor(h.status)}>{h.statusLabel}</Tag> },
            { title: '时间', render: (_, h) => dateTime(h.at) },
            { title: '操作人', render: (_, h) => h.actorName ?? '—' },
            { title: '备注', render: (_, h) => h.note ?? '—' },
          ]}
        />
      </section>
    </Card>
  );
}

export default ReportPage;
