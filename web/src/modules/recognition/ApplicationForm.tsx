import { CheckCircleOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs from 'dayjs';
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { checkYearValues } from '../../../../src/domain/enterprise-rules';
import { EDITABLE_STATUSES, type RecognitionStatus } from '../../../../src/domain/recognition/lifecycle';
import { SECTOR_LABELS } from '../../../../src/domain/sme-size';
import type { FileInfo } from '../../../../src/modules/files/files.schemas';
import { ApiError } from '../../shared/api';
import { FileList } from '../../shared/FileList';
import { FileUpload } from '../../shared/FileUpload';
import { count, dateTime, today } from '../../shared/format';
import { optionsOf, QUALITY_ITEMS, QUALITY_LABELS, RD_INSTITUTION_LABELS, TIER_COLORS, TIER_LABELS } from '../../shared/labels';
import { useReference } from '../../shared/reference';
import {
  type ApplicationDetail,
  actOnApplication,
  applicationPdfUrl,
  type EvaluationResult,
  fetchApplication,
  recognitionKeys,
  saveDraft,
} from './api';
import { type FormValues, fieldPath, fromFormValues, MISSING_TAB, toFormValues, wanToYuan } from './form-values';
import { STATUS_TAG_COLORS } from './status';

const AUTOSAVE_MS = 800;

const OUTCOMES = { qualified: ['green', '符合'], not_qualified: ['red', '暂不符合'], needs_review: ['orange', '待人工审核'] } as const;

/** A label with its help: the field's meaning as the official form and the rules explain it. */
const help = (label: string, text: string): { label: string; tooltip: string } => ({ label, tooltip: text });

const nonNegative: Rule = { type: 'number', min: 0, message: '不能为负数' };
/** 万元 to the yuan: at most four decimals. */
const fourDecimals: Rule = {
  validator: (_, v) =>
    v === null || v === undefined || wanToYuan(v) !== null
      ? Promise.resolve()
      : Promise.reject(new Error('金额以万元填写，最多四位小数（精确到元）')),
};
const wholeNumber: Rule = {
  validator: (_, v) => (v === null || v === undefined || Number.isInteger(v) ? Promise.resolve() : Promise.reject(new Error('应为整数'))),
};

const YEAR_FIGURES: { key: string; label: string; money: boolean; help: string }[] = [
  { key: 'revenue', label: '营业收入（万元）', money: true, help: '按年度财务报表（审计报告）填写营业总收入' },
  {
    key: 'mainRevenue',
    label: '主营业务收入（万元）',
    money: true,
    help: '主导产品（服务）取得的收入，专精特新认定按其占营业收入比重评价',
  },
  { key: 'netProfit', label: '净利润（万元）', money: true, help: '亏损填负数' },
  { key: 'totalAssets', label: '资产总额（万元）', money: true, help: '年末资产总计' },
  { key: 'totalLiabilities', label: '负债总额（万元）', money: true, help: '年末负债合计，用于计算资产负债率' },
  { key: 'rdExpense', label: '研发费用（万元）', money: true, help: '按研发费用加计扣除口径归集的研发费用总额' },
  { key: 'employees', label: '从业人员（人）', money: false, help: '年末从业人员数，用于判断企业规模' },
  { key: 'rdStaff', label: '研发人员（人）', money: false, help: '直接从事研发和相关技术创新活动的人员' },
  { key: 'equityFinancing', label: '新增股权融资（万元）', money: true, help: '当年实缴的股权融资额，没有填 0' },
];

const TAB_TITLES: [string, string][] = [
  ['basic', '基本情况'],
  ['operations', '经营情况'],
  ['specialisation', '专业化'],
  ['refinement', '精细化'],
  ['featured', '特色化'],
  ['innovation', '创新能力'],
  ['other', '其他'],
  ['evidence', '附件'],
];

// A draft's live evaluation comes with each save; the browser keeps the latest per application, so that
// a reload shows it again (only for the very version it was computed for).
const evaluationKey = (id: string) => `zjtx.recognition.evaluation.${id}`;
function rememberEvaluation(id: string, formVersion: number, evaluation: EvaluationResult) {
  try {
    localStorage.setItem(evaluationKey(id), JSON.stringify({ formVersion, evaluation }));
  } catch {
    // Storage full or disabled: the next save shows it again.
  }
}
function rememberedEvaluation(id: string, formVersion: number): EvaluationResult | null {
  try {
    const kept = JSON.parse(localStorage.getItem(evaluationKey(id)) ?? 'null') as {
      formVersion: number;
      evaluation: EvaluationResult;
    } | null;
    return kept?.formVersion === formVersion ? kept.evaluation : null;
  } catch {
    return null;
  }
}

type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'invalid' }
  | { kind: 'error'; message: string };

function SaveStatus({ state }: { state: SaveState }) {
  switch (state.kind) {
    case 'idle':
      return <Typography.Text type="secondary">修改任意一项即自动保存</Typography.Text>;
    case 'pending':
    case 'saving':
      return <Typography.Text type="secondary">正在保存…</Typography.Text>;
    case 'saved':
      return (
        <Typography.Text>
          <CheckCircleOutlined style={{ color: '#237804', marginRight: 4 }} aria-hidden />
          <span data-testid="autosave-status">已自动保存 {dateTime(state.at, { seconds: true }).slice(11)}</span>
        </Typography.Text>
      );
    case 'invalid':
      return <Typography.Text style={{ color: '#a8071a' }}>有填写不正确的项（已标红），改正后自动保存</Typography.Text>;
    case 'error':
      return <Typography.Text style={{ color: '#a8071a' }}>未保存：{state.message}</Typography.Text>;
  }
}

/** The live self-evaluation beside the form: score, outcome, and what is missing, in the rule's words. */
function EvaluationPanel({ evaluation, ruleSetName }: { evaluation: EvaluationResult | null; ruleSetName?: string }) {
  if (!evaluation) {
    return (
      <Card size="small" title="实时自评">
        <Typography.Text type="secondary">填写或修改任意一项后，这里按本批次的评价规则显示自评得分和还差什么。</Typography.Text>
      </Card>
    );
  }
  const [color, label] = OUTCOMES[evaluation.outcome];
  const failed = evaluation.conditions.filter((c) => c.status !== 'met');
  return (
    <Card size="small" title="实时自评" data-testid="live-evaluation">
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Space wrap>
          <Tag color={color}>{label}</Tag>
          {evaluation.score !== null && (
            <Typography.Text strong data-testid="live-score">
              自评得分 {count(evaluation.score)} 分
            </Typography.Text>
          )}
        </Space>
        {ruleSetName && <Typography.Text type="secondary">评价规则：{ruleSetName}</Typography.Text>}
        {evaluation.categories.length > 0 && (
          <Descriptions size="small" column={1} bordered>
            {evaluation.categories.map((c) => (
              <Descriptions.Item key={c.id} label={c.name}>
                {count(c.score)} / {count(c.max)} 分{c.minimum !== undefined ? `（不低于 ${count(c.minimum)} 分）` : ''}
              </Descriptions.Item>
            ))}
          </Descriptions>
        )}
        {evaluation.missing.length > 0 && (
          <Alert
            type="info"
            showIcon
            title="还差什么"
            description={
              <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="live-missing">
                {evaluation.missing.map((m) => (
                  <li key={m.id}>{m.message}</li>
                ))}
              </ul>
            }
          />
        )}
        {failed.length > 0 && (
          <Alert
            type={evaluation.outcome === 'not_qualified' ? 'warning' : 'info'}
            showIcon
            title="条件核验"
            description={
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {failed.map((c) => (
                  <li key={c.id}>
                    {c.name}：{c.status === 'needs_review' ? '由区县或专家审核' : c.detail}
                  </li>
                ))}
              </ul>
            }
          />
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          自评结果供参考，以认定部门审核为准。
        </Typography.Text>
      </Space>
    </Card>
  );
}

/** The messages of the evaluation that belong to one tab, shown at its top. */
function TabMissing({ evaluation, tab }: { evaluation: EvaluationResult | null; tab: string }) {
  const items = evaluation?.missing.filter((m) => MISSING_TAB[m.id] === tab) ?? [];
  if (!items.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      title={items.map((m) => m.message).join('；')}
      data-testid={`tab-missing-${tab}`}
    />
  );
}

/** Evidence (佐证材料) per indicator: the files attached to each, and an upload for more. */
function EvidenceTab({
  evaluation,
  evidence,
  names,
  disabled,
  onAdd,
  onRemove,
}: {
  evaluation: EvaluationResult | null;
  evidence: Record<string, string[]>;
  names: Map<string, { id: string; name: string; size: number }>;
  disabled: boolean;
  onAdd(indicatorId: string, files: FileInfo[]): void;
  onRemove(indicatorId: string, fileId: string): void;
}) {
  const [uploadKeys, setUploadKeys] = useState<Record<string, number>>({});
  const busy = useRef<Record<string, boolean>>({});
  const rows = [
    ...(evaluation?.indicators ?? []).map((i) => ({ id: i.id, name: i.name, hint: i.source })),
    ...(evaluation?.conditions ?? []).filter((c) => c.id !== 'pass').map((c) => ({ id: c.id, name: c.name, hint: c.source })),
    { id: 'general', name: '其他佐证材料', hint: '营业执照、审计报告等' },
  ].filter((r, n, all) => all.findIndex((o) => o.id === r.id) === n);
  // Indicators that are no longer scored under the current data but still have files keep their row.
  for (const id of Object.keys(evidence)) if (!rows.some((r) => r.id === id)) rows.push({ id, name: '其他佐证材料', hint: '' });
  return (
    <>
      <Typography.Paragraph type="secondary">
        请按指标上传佐证材料（PDF、JPG、PNG、XLSX、DOCX，每个不超过 20 MB），上传后自动保存到申报书。
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: '指标', dataIndex: 'name', width: 200 },
          {
            title: '已上传',
            render: (_, r) => {
              const files = (evidence[r.id] ?? []).map((fid) => names.get(fid) ?? { id: fid, name: '附件', size: 0 });
              return (
                <Space orientation="vertical" size={2} data-testid={`evidence-${r.id}`}>
                  <FileList files={files.map((f) => ({ ...f, sha256: '', type: '' }))} empty="尚未上传" />
                  {!disabled &&
                    files.map((f) => (
                      <Button key={f.id} size="small" type="link" onClick={() => onRemove(r.id, f.id)}>
                        移除“{f.name}”
                      </Button>
                    ))}
                </Space>
              );
            },
          },
          {
            title: '上传',
            width: 260,
            render: (_, r) =>
              disabled ? null : (
                <FileUpload
                  key={uploadKeys[r.id] ?? 0}
                  label="上传佐证材料"
                  onBusyChange={(b) => {
                    busy.current[r.id] = b;
                  }}
                  onChange={(files) => {
                    if (!files.length || busy.current[r.id]) return;
                    onAdd(r.id, files);
                    // The files now show in 已上传: start the upload list afresh.
                    setUploadKeys((k) => ({ ...k, [r.id]: (k[r.id] ?? 0) + 1 }));
                  }}
                />
              ),
          },
        ]}
      />
    </>
  );
}

/** 申报书 (enterprise): the official form's tabs, saved automatically, with the live self-evaluation, evidence, pledge and submission. */
export function ApplicationForm() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const ref = useReference();
  const [form] = Form.useForm<FormValues>();
  const detail = useQuery({ queryKey: recognitionKeys.application(id), queryFn: () => fetchApplication(id) });
  const [evaluation, setEvaluation] = useState<EvaluationResult | null>(null);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [evidence, setEvidence] = useState<Record<string, string[]>>({});
  const [names] = useState(() => new Map<string, { id: string; name: string; size: number }>());
  const [pledges, setPledges] = useState({ truth: false, compliance: false });
  const [refusal, setRefusal] = useState<{ title: string; reasons: string[] } | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [activeTab, setActiveTab] = useState('basic');

  const version = useRef<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const dirty = useRef(false);
  const inFlight = useRef<Promise<void> | null>(null);
  const loadedFor = useRef<string | null>(null);
  const serverErrors = useRef<(string | number)[][]>([]);

  const app = detail.data;
  const editable = app ? EDITABLE_STATUSES.includes(app.status as RecognitionStatus) : false;

  const load = useCallback(
    (a: ApplicationDetail) => {
      const source = editable || !a.frozen ? a.form : a.frozen.form;
      const values = toFormValues(source as Parameters<typeof toFormValues>[0], a.round.closesOn);
      form.resetFields();
      form.setFieldsValue(values);
      setEvidence((values.evidence as Record<string, string[]>) ?? {});
      for (const f of a.files) names.set(f.id, f);
      version.current = a.formVersion;
      setEvaluation((a.evaluation as EvaluationResult | null) ?? rememberedEvaluation(a.id, a.formVersion));
      if (a.formSavedAt) setSaveState({ kind: 'saved', at: a.formSavedAt });
    },
    [form, names, editable],
  );

  useEffect(() => {
    if (app && loadedFor.current !== app.id) {
      loadedFor.current = app.id;
      load(app);
    }
  }, [app, load]);

  /** The registry's rules for each year (主营业务收入不超过营业收入 …), in their words, under the field; the draft is saved anyway. */
  const yearProblemFields = useRef<(string | number)[][]>([]);
  const showYearProblems = useCallback(
    (body: ReturnType<typeof fromFormValues>) => {
      const shown = (form.getFieldValue(['operations', 'years']) as { year: number }[] | undefined) ?? [];
      const fields = body.operations.years.flatMap((y) => {
        const row = shown.findIndex((r) => r.year === y.year);
        return checkYearValues(y.year, y, Number(today().slice(0, 4)))
          .filter((p) => p.field !== 'year' && row >= 0)
          .map((p) => ({ name: ['operations', 'years', row, p.field], errors: [p.message] }));
      });
      const cleared = yearProblemFields.current.filter((n) => !fields.some((f) => f.name.join('.') === n.join('.')));
      form.setFields([...cleared.map((name) => ({ name, errors: [] })), ...fields]);
      yearProblemFields.current = fields.map((f) => f.name);
    },
    [form],
  );

  const save = useCallback(async (): Promise<void> => {
    if (inFlight.current) {
      await inFlight.current;
      if (!dirty.current) return;
    }
    if (!dirty.current || version.current === null) return;
    const run = (async () => {
      try {
        await form.validateFields({ validateOnly: true });
      } catch {
        setSaveState({ kind: 'invalid' });
        return;
      }
      dirty.current = false;
      setSaveState({ kind: 'saving' });
      const body = fromFormValues(form.getFieldsValue(true) as FormValues);
      showYearProblems(body);
      try {
        const saved = await saveDraft(id, { form: body, formVersion: version.current ?? 0 });
        version.current = saved.formVersion;
        setEvaluation(saved.evaluation);
        rememberEvaluation(id, saved.formVersion, saved.evaluation);
        setSaveState({ kind: 'saved', at: saved.formSavedAt });
        if (serverErrors.current.length) {
          form.setFields(serverErrors.current.map((name) => ({ name, errors: [] })));
          serverErrors.current = [];
        }
      } catch (e) {
        if (e instanceof ApiError && e.code === 'RECOGNITION_DRAFT_STALE') {
          // Another tab or device saved meanwhile: show what is stored now rather than overwrite it.
          const fresh = await client.fetchQuery({ queryKey: recognitionKeys.application(id), queryFn: () => fetchApplication(id) });
          load(fresh);
          message.warning('本申报书已在其他窗口或设备上保存过，已重新载入最新保存的内容，请核对后继续填写');
          return;
        }
        if (e instanceof ApiError && e.code === 'VALIDATION_FAILED') {
          const fields = ((e.details as { fields?: { field: string; message: string }[] } | undefined)?.fields ?? []).flatMap((f) => {
            const name = fieldPath(f.field);
            return name ? [{ name, errors: [f.message] }] : [];
          });
          serverErrors.current = fields.map((f) => f.name);
          form.setFields(fields);
          setSaveState({ kind: 'invalid' });
          return;
        }
        dirty.current = true;
        setSaveState({ kind: 'error', message: e instanceof ApiError ? e.message : '网络连接中断，恢复后将自动重试' });
        if (!(e instanceof ApiError) || e.status >= 500) {
          clearTimeout(timer.current);
          timer.current = setTimeout(() => void save(), 5000);
        }
      }
    })();
    inFlight.current = run;
    try {
      await run;
    } finally {
      inFlight.current = null;
    }
  }, [client, form, id, load, message, showYearProblems]);

  const schedule = useCallback(() => {
    dirty.current = true;
    setSaveState({ kind: 'pending' });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), AUTOSAVE_MS);
  }, [save]);

  /** Saves now what is still waiting (before submitting, or when the page goes away). */
  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    await save();
    if (inFlight.current) await inFlight.current;
  }, [save]);

  // Leaving the page (reload, closing the tab) with a change not yet saved: send it on the way out.
  useEffect(() => {
    const onHide = () => {
      if (!dirty.current || version.current === null) return;
      const body = JSON.stringify({ form: fromFormValues(form.getFieldsValue(true) as FormValues), formVersion: version.current });
      void fetch(`/api/recognition/applications/${id}/draft`, {
        method: 'PUT',
        keepalive: true,
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body,
      });
      dirty.current = false;
    };
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      clearTimeout(timer.current);
    };
  }, [form, id]);

  const changeEvidence = (next: Record<string, string[]>) => {
    setEvidence(next);
    form.setFieldValue('evidence', next);
    schedule();
  };

  const submit = async () => {
    setRefusal(null);
    setSubmitting(true);
    try {
      await flush();
      if (dirty.current) {
        setRefusal({ title: '申报书尚未保存，请先改正标红的项', reasons: [] });
        return;
      }
      await actOnApplication(id, { action: 'submit', pledge: true });
      await client.invalidateQueries({ queryKey: recognitionKeys.all });
      message.success('申报已提交，等待区县经信委初审');
      navigate('/recognition/applications');
    } catch (e) {
      if (e instanceof ApiError) {
        const details = e.details as { reasons?: string[]; until?: string } | undefined;
        if (e.code === 'RECOGNITION_NOT_ELIGIBLE') setRefusal({ title: '暂不符合申报条件，未提交：', reasons: details?.reasons ?? [] });
        else if (e.code === 'RECOGNITION_BANNED')
          setRefusal({ title: e.message, reasons: details?.until ? [`限制申报至 ${details.until}`] : [] });
        else setRefusal({ title: e.message, reasons: [] });
      } else setRefusal({ title: '提交失败，请稍后重试', reasons: [] });
    } finally {
      setSubmitting(false);
    }
  };

  const withdraw = async () => {
    try {
      await flush();
      await actOnApplication(id, { action: 'withdraw' });
      await client.invalidateQueries({ queryKey: recognitionKeys.all });
      message.success('申报已撤回');
      navigate('/recognition/applications');
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '撤回失败，请稍后重试');
    }
  };

  if (detail.error) return <Alert type="error" showIcon title={(detail.error as Error).message} />;
  if (!app) return null;

  const tabMissing = (tab: string) => evaluation?.missing.filter((m) => MISSING_TAB[m.id] === tab).length ?? 0;
  const canSubmit = app.allowedActions.includes('submit');
  const canWithdraw = app.allowedActions.includes('withdraw');
  const years = (form.getFieldValue(['operations', 'years']) as { year: number }[] | undefined) ?? [];

  const tabs: Record<string, ReactNode> = {
    basic: (
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name={['basic', 'name']} {...help('企业名称', '与营业执照一致')} rules={[{ max: 200, message: '不超过 200 个字' }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={['basic', 'uscc']} {...help('统一社会信用代码', '18 位，与营业执照一致；由企业库带出，不可修改')}>
            <Input disabled />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item {...help('所在区县', '按注册地确定初审区县')}>
            <Input value={app.districtName} disabled aria-label="所在区县" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name={['basic', 'industryCode']}
            {...help('所属行业（大类）', '按《国民经济行业分类》（GB/T 4754）选择主营业务所属大类')}
          >
            <Select
              showSearch
              optionFilterProp="label"
              options={ref.industries.filter((i) => /^\d/.test(i.code)).map((i) => ({ value: i.code, label: i.name }))}
              placeholder="请选择"
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name={['basic', 'sector']} {...help('划型行业', '《中小企业划型标准规定》的行业，决定按哪些指标判断企业规模')}>
            <Select options={optionsOf(SECTOR_LABELS)} placeholder="请选择" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name={['basic', 'establishedOn']}
            {...help('成立日期', '营业执照上的成立日期')}
            getValueProps={(v: string | null | undefined) => ({ value: v ? dayjs(v) : null })}
            normalize={(v: dayjs.Dayjs | null) => (v ? v.format('YYYY-MM-DD') : null)}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name={['basic', 'registeredCapital']}
            {...help('注册资本（万元）', '营业执照上的注册资本')}
            rules={[nonNegative, fourDecimals]}
          >
            <InputNumber style={{ width: '100%' }} placeholder="请填写" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name={['basic', 'legalRepresentative']} {...help('法定代表人', '与营业执照一致')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={['basic', 'address']} {...help('注册地址', '营业执照上的住所')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name={['basic', 'contactName']} {...help('联系人', '负责本次申报、接收审核意见的人员')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item
            name={['basic', 'contactPhone']}
            {...help('联系电话', '手机或固定电话')}
            rules={[{ pattern: /^[\d\-+() ]{7,20}$/, message: '请填写正确的电话号码' }]}
          >
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={['basic', 'mainProduct']} {...help('主导产品（服务）', '收入占比最高的产品或服务名称')}>
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={['basic', 'nicheMarket']} {...help('所属细分市场', '主导产品所在的细分市场，如“工业机器人减速器”')}>
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />
          </Form.Item>
        </Col>
      </Row>
    ),
    operations: (
      <>
        <Typography.Paragraph type="secondary">按近三个会计年度的财务报表填写，金额单位为万元。</Typography.Paragraph>
        <Form.List name={['operations', 'years']}>
          {(fields) => (
            <Table
              size="small"
              pagination={false}
              rowKey="key"
              dataSource={fields}
              scroll={{ x: 1100 }}
              columns={[
                { title: '年度', width: 80, fixed: 'left', render: (_, f) => `${years[f.name]?.year ?? ''} 年` },
                ...YEAR_FIGURES.map((c) => ({
                  title: (
                    <span title={c.help}>
                      {c.label} <QuestionCircleOutlined aria-hidden />
                    </span>
                  ),
                  render: (_: unknown, f: { name: number }) => (
                    <Form.Item
                      name={[f.name, c.key]}
                      style={{ marginBottom: 0 }}
                      rules={c.key === 'netProfit' ? [fourDecimals] : c.money ? [nonNegative, fourDecimals] : [nonNegative, wholeNumber]}
                    >
                      <InputNumber
                        style={{ width: '100%' }}
                        precision={c.money ? undefined : 0}
                        aria-label={`${years[f.name]?.year ?? ''}年${c.label}`}
                        placeholder="请填写"
                      />
                    </Form.Item>
                  ),
                })),
              ]}
            />
          )}
        </Form.List>
      </>
    ),
    specialisation: (
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item
            name={['specialisation', 'nicheEntryYear']}
            {...help('进入细分市场年份', '开始从事特定细分市场的年份；专精特新要求从事 2 年以上（“小巨人”3 年以上）')}
            rules={[{ type: 'number', min: 1900, max: 2100, message: '请填写四位年份' }]}
          >
            <InputNumber style={{ width: '100%' }} precision={0} placeholder="如 2015" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name={['specialisation', 'nicheMarketShare']}
            {...help('细分市场占有率（%）', '主导产品在全国细分市场的占有率')}
            rules={[nonNegative, { type: 'number', max: 100, message: '不能超过 100%' }]}
          >
            <InputNumber style={{ width: '100%' }} placeholder="请填写" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name={['specialisation', 'domesticRank']}
            {...help('国内细分市场排名', '主导产品在全国细分市场的排名（第几位），没有排名可不填')}
            rules={[{ type: 'number', min: 1, message: '排名从 1 开始' }]}
          >
            <InputNumber style={{ width: '100%' }} precision={0} placeholder="如 3" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={['specialisation', 'mainProductField']} {...help('主导产品所属领域（创新型）', '是否属于战略性新兴产业')}>
            <Select
              options={[
                { value: 'strategic_emerging', label: '属于战略性新兴产业' },
                { value: 'other', label: '其他' },
              ]}
              placeholder="请选择"
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name={['specialisation', 'srdiField']}
            {...help('主导产品所属领域（专精特新）', '关键领域“补短板”“锻长板”“填空白”，或工业“六基”、老字号、链主配套')}
          >
            <Select
              options={[
                { value: 'key_chain', label: '关键领域补短板/锻长板/填空白' },
                { value: 'six_basics', label: '工业“六基”、老字号或链主配套' },
                { value: 'none', label: '不属于' },
              ]}
              placeholder="请选择"
            />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name={['specialisation', 'description']} {...help('专业化情况说明', '主导产品的技术、市场地位和专注细分市场的情况')}>
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={2000} showCount />
          </Form.Item>
        </Col>
      </Row>
    ),
    refinement: (
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item
            name={['refinement', 'digitalLevel']}
            {...help('数字化水平（级）', '按《中小企业数字化水平评测指标》自测的等级（一至四级）')}
            rules={[{ type: 'number', min: 0, max: 6, message: '数字化水平为 0 至 6 级' }]}
          >
            <InputNumber style={{ width: '100%' }} precision={0} placeholder="如 3" />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item label="质量管理" tooltip="已取得的认证、品牌、标准和质量奖">
            <Space wrap>
              {QUALITY_ITEMS.map((k) => (
                <Form.Item key={k} name={['refinement', 'quality', k]} valuePropName="checked" noStyle>
                  <Checkbox>{QUALITY_LABELS[k]}</Checkbox>
                </Form.Item>
              ))}
            </Space>
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name={['refinement', 'description']} {...help('精细化情况说明', '管理体系、数字化转型、质量与品牌建设情况')}>
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={2000} showCount />
          </Form.Item>
        </Col>
      </Row>
    ),
    featured: (
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item
            name={['featured', 'featuredScore']}
            {...help('特色化指标自评（分）', '按重庆市特色化指标自评，满分 15 分；最终得分由区县或评审专家评定')}
            rules={[nonNegative, { type: 'number', max: 15, message: '特色化指标最高 15 分' }]}
          >
            <InputNumber style={{ width: '100%' }} placeholder="0～15" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name={['featured', 'description']} {...help('特色化情况说明', '地方特色产业、特色资源或产业链配套等情况')}>
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={2000} showCount />
          </Form.Item>
        </Col>
      </Row>
    ),
    innovation: (
      <>
        <Row gutter={16}>
          {(
            [
              [
                'classI',
                'Ⅰ类知识产权（项）',
                '发明专利（含国防专利）、植物新品种、国家级农作物品种、国家新药、国家一级中药保护品种、集成电路布图设计专有权',
              ],
              ['classIHighValue', '其中高价值（项）', 'Ⅰ类知识产权中的高价值专利'],
              ['classISelfDeveloped', '其中自主研发（项）', 'Ⅰ类知识产权中自主研发取得的'],
              ['classII', 'Ⅱ类知识产权（项）', '实用新型专利、外观设计专利、软件著作权等'],
            ] as const
          ).map(([k, label, text]) => (
            <Col span={6} key={k}>
              <Form.Item name={['innovation', 'ip', k]} {...help(label, text)} rules={[nonNegative, wholeNumber]}>
                <InputNumber style={{ width: '100%' }} precision={0} placeholder="0" />
              </Form.Item>
            </Col>
          ))}
          <Col span={8}>
            <Form.Item
              name={['innovation', 'rdInstitution']}
              {...help('研发机构', '企业自建或与高校、科研院所联合建立的研发机构的最高级别')}
            >
              <Select options={optionsOf(RD_INSTITUTION_LABELS)} placeholder="请选择" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong>获奖情况</Typography.Text>
        <Form.List name={['innovation', 'awards']}>
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'level']} label="级别">
                    <Select
                      style={{ width: 120 }}
                      options={[
                        { value: 'national', label: '国家级' },
                        { value: 'provincial', label: '省级' },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'rank']}
                    label="排名（第几完成单位）"
                    rules={[{ type: 'number', min: 1, message: '排名从 1 开始' }]}
                  >
                    <InputNumber precision={0} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'year']}
                    label="年份"
                    rules={[{ type: 'number', min: 1949, max: 2100, message: '请填写四位年份' }]}
                  >
                    <InputNumber precision={0} />
                  </Form.Item>
                  <Button
                    type="link"
                    onClick={() => {
                      remove(f.name);
                      schedule();
                    }}
                  >
                    删除
                  </Button>
                </Space>
              ))}
              <div>
                <Button
                  size="small"
                  onClick={() => {
                    add({ level: 'provincial' });
                    schedule();
                  }}
                >
                  添加获奖
                </Button>
              </div>
            </>
          )}
        </Form.List>
        <Form.Item
          name={['innovation', 'description']}
          {...help('创新能力说明', '研发投入、研发团队、技术成果和产学研合作情况')}
          style={{ marginTop: 12 }}
        >
          <Input.TextArea autoSize={{ minRows: 3 }} maxLength={2000} showCount />
        </Form.Item>
      </>
    ),
    other: (
      <Row gutter={16}>
        <Col span={24}>
          <Form.Item label="已取得的资质" tooltip="已认定且在有效期内的资质">
            <Space wrap>
              {(
                [
                  ['highTech', '高新技术企业'],
                  ['techSme', '科技型中小企业'],
                  ['innovativeSme', '创新型中小企业'],
                  ['srdiSme', '专精特新中小企业'],
                ] as const
              ).map(([k, label]) => (
                <Form.Item key={k} name={['other', 'qualifications', k]} valuePropName="checked" noStyle>
                  <Checkbox>{label}</Checkbox>
                </Form.Item>
              ))}
            </Space>
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name={['other', 'developmentScore']}
            {...help('专精特新发展评价得分', '在国家优质中小企业梯度培育平台上的发展评价得分（2026 年起的规则使用）')}
            rules={[nonNegative, { type: 'number', max: 100, message: '得分为 0 至 100 分' }]}
          >
            <InputNumber style={{ width: '100%' }} placeholder="0～100" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name={['other', 'note']} {...help('其他需要说明的情况', '如产业链配套、荣誉、社会责任等')}>
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={2000} showCount />
          </Form.Item>
        </Col>
      </Row>
    ),
    evidence: (
      <EvidenceTab
        evaluation={evaluation}
        evidence={evidence}
        names={names}
        disabled={!editable}
        onAdd={(indicatorId, files) => {
          for (const f of files) names.set(f.id, f);
          const have = evidence[indicatorId] ?? [];
          changeEvidence({ ...evidence, [indicatorId]: [...have, ...files.map((f) => f.id).filter((fid) => !have.includes(fid))] });
        }}
        onRemove={(indicatorId, fileId) => {
          const left = (evidence[indicatorId] ?? []).filter((f) => f !== fileId);
          const next = { ...evidence };
          if (left.length) next[indicatorId] = left;
          else delete next[indicatorId];
          changeEvidence(next);
        }}
      />
    ),
  };

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ marginBottom: 0 }}>
          申报书 · {app.round.name}
        </Typography.Title>
        <Space>
          <Tag color={TIER_COLORS[app.tier]}>{TIER_LABELS[app.tier]}</Tag>
          <Tag color={STATUS_TAG_COLORS[app.status as RecognitionStatus]} data-testid="application-status">
            {app.statusLabel}
          </Tag>
          {editable && <SaveStatus state={saveState} />}
        </Space>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 4 }}>
        {app.enterpriseName} · 申报截止 {app.round.closesOn}
        {editable ? ' · 已按企业库数据预填，每次修改约 1 秒后自动保存，刷新或关闭页面不会丢失' : ''}
      </Typography.Paragraph>
      {app.status === 'returned' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`申报被退回：${[app.returnReasonLabel, app.returnReason].filter(Boolean).join('：')}`}
          description="请按退回原因修改后，在申报截止前重新提交。"
          data-testid="returned-alert"
        />
      )}
      {!editable && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={app.submittedAt ? `已于 ${dateTime(app.submittedAt)} 提交，提交时的数据已固定，不能再修改` : '本申报已不能修改'}
          action={
            app.submittedAt ? (
              <Space>
                <Link to={`/recognition/applications/${app.id}/print`}>打印申报书</Link>
                <a href={applicationPdfUrl(app.id)}>下载 PDF</a>
              </Space>
            ) : undefined
          }
        />
      )}
      <Row gutter={16} align="top">
        <Col xs={24} xl={17}>
          <Form form={form} layout="vertical" disabled={!editable} onValuesChange={() => schedule()}>
            <Tabs
              activeKey={activeTab}
              onChange={setActiveTab}
              items={TAB_TITLES.map(([key, title]) => ({
                key,
                forceRender: true,
                label: (
                  <Badge count={editable ? tabMissing(key) : 0} size="small" offset={[8, -2]}>
                    {title}
                  </Badge>
                ),
                children: (
                  <Card size="small">
                    {editable && <TabMissing evaluation={evaluation} tab={key} />}
                    {tabs[key]}
                  </Card>
                ),
              }))}
            />
          </Form>
          {editable && (
            <Card size="small" title="承诺与提交" style={{ marginTop: 16 }}>
              <Space orientation="vertical">
                <Checkbox checked={pledges.truth} onChange={(e) => setPledges((p) => ({ ...p, truth: e.target.checked }))}>
                  真实性声明：本企业承诺所填报的信息和提交的佐证材料真实、准确、完整，如有虚假，愿承担相应责任（含撤销称号、3
                  年内不得申报）。
                </Checkbox>
                <Checkbox checked={pledges.compliance} onChange={(e) => setPledges((p) => ({ ...p, compliance: e.target.checked }))}>
                  合规经营承诺：本企业近三年未发生重大安全（含网络安全、数据安全）、质量、环境污染等事故，无偷漏税和其他严重违法违规、严重失信行为。
                </Checkbox>
                {refusal && (
                  <Alert
                    type="error"
                    showIcon
                    title={refusal.title}
                    data-testid="submit-refusal"
                    description={
                      refusal.reasons.length ? (
                        <ul style={{ margin: 0, paddingLeft: 18 }}>
                          {refusal.reasons.map((r) => (
                            <li key={r}>{r}</li>
                          ))}
                        </ul>
                      ) : undefined
                    }
                  />
                )}
                <Space>
                  <Button
                    type="primary"
                    disabled={!canSubmit || !pledges.truth || !pledges.compliance}
                    loading={submitting}
                    onClick={() => void submit()}
                  >
                    {app.status === 'returned' ? '重新提交' : '提交申报'}
                  </Button>
                  {!canSubmit && <Typography.Text type="secondary">申报已截止或当前状态不能提交</Typography.Text>}
                  {canSubmit && (!pledges.truth || !pledges.compliance) && (
                    <Typography.Text type="secondary">请先勾选以上两项承诺</Typography.Text>
                  )}
                  {canWithdraw && (
                    <Popconfirm
                      title="撤回后本批次不能再提交，确定撤回吗？"
                      okText="撤回"
                      cancelText="取消"
                      onConfirm={() => void withdraw()}
                    >
                      <Button>撤回申报</Button>
                    </Popconfirm>
                  )}
                </Space>
              </Space>
            </Card>
          )}
          {!editable && canWithdraw && (
            <Popconfirm title="撤回后本批次不能再提交，确定撤回吗？" okText="撤回" cancelText="取消" onConfirm={() => void withdraw()}>
              <Button style={{ marginTop: 12 }}>撤回申报</Button>
            </Popconfirm>
          )}
        </Col>
        <Col xs={24} xl={7} style={{ position: 'sticky', top: 16 }}>
          <EvaluationPanel evaluation={evaluation} />
          <Card size="small" title="办理记录" style={{ marginTop: 16 }}>
            {app.history.length ? (
              <Timeline
                items={[...app.history].reverse().map((h) => ({
                  children: (
                    <Space orientation="vertical" size={0}>
                      <Typography.Text>
                        {h.actionLabel}
                        {h.actorName ? `（${h.actorName}）` : ''}
                      </Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {dateTime(h.at)}
                      </Typography.Text>
                      {h.reason && <Typography.Text style={{ color: '#ad4e00' }}>{h.reason}</Typography.Text>}
                    </Space>
                  ),
                }))}
              />
            ) : (
              <Empty description="尚无办理记录" />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}

export default ApplicationForm;
