import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Col, DatePicker, Form, InputNumber, Row, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { ruleSetName } from '../../../../src/domain/evaluation/rule-set-names';
import { ApiError } from '../../shared/api';
import { today } from '../../shared/format';
import { optionsOf, QUALITY_ITEMS, QUALITY_LABELS, RD_INSTITUTION_LABELS, TIER_LABELS } from '../../shared/labels';
import { useSession } from '../../shared/session';
import { type Condition, evaluationKeys, fetchEvaluationInput, preview, type TierResult } from './api';

/** The form as edited (amounts in 万元 on screen, yuan for the server: toWan / toYuan). */
type YearRow = { year: number } & Record<string, number | null | undefined>;
type Input = Record<string, unknown> & { years: YearRow[] };

const OUTCOMES = { qualified: ['green', '符合'], not_qualified: ['red', '不符合'], needs_review: ['orange', '待人工审核'] } as const;
const STATUS = { met: ['green', '满足'], not_met: ['red', '不满足'], needs_review: ['orange', '待审核'] } as const;
const MONEY = ['revenue', 'mainRevenue', 'netProfit', 'totalAssets', 'totalLiabilities', 'rdExpense', 'equityFinancing'] as const;
const YEAR_COLUMNS: [string, string][] = [
  ['revenue', '营业收入（万元）'],
  ['mainRevenue', '主营业务收入（万元）'],
  ['netProfit', '净利润（万元）'],
  ['totalAssets', '资产总额（万元）'],
  ['totalLiabilities', '负债总额（万元）'],
  ['rdExpense', '研发费用（万元）'],
  ['employees', '从业人员（人）'],
  ['rdStaff', '研发人员（人）'],
  ['equityFinancing', '新增股权融资（万元）'],
];
/** The name of a figure without its unit, for "请填写研发费用". */
const FIGURE_NAMES = Object.fromEntries(YEAR_COLUMNS.map(([k, label]) => [k, label.replace(/（.*）$/, '')]));
/** A year without new equity financing has none: an empty cell there means 0. */
const OPTIONAL_FIGURES = new Set(['equityFinancing']);

/** The three years before the assessment date, keeping what was entered for each of them. */
const yearsFor = (date: string, rows: YearRow[] = []) =>
  [1, 2, 3].map((k) => {
    const year = Number(date.slice(0, 4)) - k;
    return rows.find((r) => r.year === year) ?? { year };
  });
const filled = (v: unknown) => v !== null && v !== undefined && v !== '';

/**
 * The years to send: a year left empty is left out (the rules then say which years to fill in),
 * a year filled in part names what is missing instead of computing gaps from nothing.
 */
function checkYears(rows: YearRow[]): { years: YearRow[]; problems: string[] } {
  const years: YearRow[] = [];
  const problems: string[] = [];
  for (const row of rows) {
    const keys = YEAR_COLUMNS.map(([k]) => k);
    if (!keys.some((k) => filled(row[k]))) continue;
    const missing = keys.filter((k) => !filled(row[k]) && !OPTIONAL_FIGURES.has(k));
    if (missing.length) problems.push(`${row.year} 年：请填写${missing.map((k) => FIGURE_NAMES[k]).join('、')}`);
    else years.push({ ...row, ...Object.fromEntries([...OPTIONAL_FIGURES].map((k) => [k, row[k] ?? 0])) });
  }
  return { years, problems };
}

/**
 * "符合（科技型评价路径 74 分）", "符合（直通条件）": which way the tier was reached, and with what
 * score; "不符合（创新型评价 55 分、科技型评价 40 分，均未达到）" when no way was.
 */
function outcomeText(r: TierResult): string {
  const label = OUTCOMES[r.outcome][1];
  if (!r.paths?.length) return label;
  const named = (p: { name: string; score: number | null }, met: boolean) =>
    `${p.name}${met && p.name.endsWith('评价') ? '路径' : ''}${p.score === null ? '' : ` ${p.score} 分`}`;
  const met = r.paths.filter((p) => p.met);
  if (r.outcome !== 'not_qualified') return met.length ? `${label}（${met.map((p) => named(p, true)).join('、')}）` : label;
  // Not qualified although a way was met: another condition failed, the table below says which.
  return met.length ? label : `${label}（${r.paths.map((p) => named(p, false)).join('、')}，均未达到）`;
}
const BLANK = {
  assessmentDate: today(),
  applicationType: 'new',
  enterprise: {
    sector: 'industry',
    yearsInNiche: 0,
    mainProductField: 'other',
    srdiField: 'none',
    ip: { classI: 0, classIHighValue: 0, classISelfDeveloped: 0, classII: 0 },
    rdInstitution: 'none',
    qualifications: { highTech: false, techSme: false, innovativeSme: false, srdiSme: false },
    awards: [],
    makerContest: null,
    digitalLevel: 1,
    quality: { provincialAward: false, managementCertified: false, ownBrand: false, standards: false },
    nicheMarketShare: 0,
    domesticRank: null,
    featuredScore: 0,
    developmentScore: null,
    reviewerAnswers: {},
  },
  years: yearsFor(today()),
};

/** Amounts are edited in 万元 and sent in whole yuan. */
const toWan = (input: Input): Input => ({
  ...input,
  years: input.years.map((y) => ({ ...y, ...Object.fromEntries(MONEY.map((k) => [k, filled(y[k]) ? Number(y[k]) / 10_000 : y[k]])) })),
});
const toYuan = (input: Input): Input => ({
  ...input,
  years: input.years.map((y) => ({ ...y, ...Object.fromEntries(MONEY.map((k) => [k, Math.round(Number(y[k] ?? 0) * 10_000)])) })),
});

export default function SelfAssessmentPage() {
  const { user } = useSession();
  const [form] = Form.useForm();
  const [results, setResults] = useState<TierResult[] | null>(null);
  const [sizeClass, setSizeClass] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const prefill = useQuery({
    queryKey: evaluationKeys.input(user?.enterpriseId),
    queryFn: (): Promise<Input> => fetchEvaluationInput(user?.enterpriseId ?? ''),
    enabled: Boolean(user?.enterpriseId),
  });
  useEffect(() => {
    const start = prefill.data ? toWan(prefill.data) : (BLANK as unknown as Input);
    const date = start.assessmentDate as string;
    form.setFieldsValue({ ...start, assessmentDate: dayjs(date), years: yearsFor(date, start.years) });
  }, [prefill.data, form]);

  // The year rows are the three years before the assessment date: they move with it.
  const onValuesChange = (changed: { assessmentDate?: dayjs.Dayjs | null }) => {
    if (!changed.assessmentDate) return;
    const known = [...(form.getFieldValue('years') as YearRow[]), ...(prefill.data ? toWan(prefill.data).years : [])];
    form.setFieldValue('years', yearsFor(changed.assessmentDate.format('YYYY-MM-DD'), known));
  };

  const run = async () => {
    const values = form.getFieldsValue(true);
    const checked = checkYears(values.years as YearRow[]);
    setProblems(checked.problems);
    if (checked.problems.length) {
      setResults(null);
      return;
    }
    if (!checked.years.length) {
      const year = (values.assessmentDate as dayjs.Dayjs).year() - 1;
      setProblems([`请填写 ${year} 年度数据（营业收入、从业人员、资产总额等）`]);
      setResults(null);
      return;
    }
    const body = toYuan({
      ...values,
      years: checked.years,
      assessmentDate: (values.assessmentDate as dayjs.Dayjs).format('YYYY-MM-DD'),
    });
    setError(null);
    try {
      const answer = await preview(body);
      setResults(answer.results);
      // The size is read from the prior year: without it there is nothing to classify.
      const priorYear = (values.assessmentDate as dayjs.Dayjs).year() - 1;
      setSizeClass(checked.years.some((y) => y.year === priorYear) ? answer.sizeClass : `请填写 ${priorYear} 年度数据后判断`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '测算失败');
    }
  };

  return (
    <>
      <Typography.Title level={3}>梯度培育自评测算</Typography.Title>
      <Typography.Paragraph type="secondary">
        {user?.enterpriseId ? '已按企业库中的本企业数据预填，' : ''}
        可修改任意一项查看“如果……会怎样”。测算不保存任何数据，结果以认定部门审核为准。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={run} onValuesChange={onValuesChange}>
        <Card title="基本情况" size="small">
          <Row gutter={16}>
            <Col span={4}>
              <Form.Item name="assessmentDate" label="评价日期">
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name="applicationType" label="申报类型">
                <Select
                  options={[
                    { value: 'new', label: '新申报' },
                    { value: 'review', label: '复核' },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name={['enterprise', 'yearsInNiche']} label="从事细分市场年限">
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name={['enterprise', 'mainProductField']} label="主导产品领域（创新型）">
                <Select
                  options={[
                    { value: 'strategic_emerging', label: '属于战略性新兴产业' },
                    { value: 'other', label: '其他' },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name={['enterprise', 'srdiField']} label="主导产品领域（专精特新）">
                <Select
                  options={[
                    { value: 'key_chain', label: '关键领域补短板/锻长板/填空白' },
                    { value: 'six_basics', label: '工业“六基”、老字号或链主配套' },
                    { value: 'none', label: '不属于' },
                  ]}
                />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            {(['classI', 'classIHighValue', 'classISelfDeveloped', 'classII'] as const).map((k) => (
              <Col span={3} key={k}>
                <Form.Item
                  name={['enterprise', 'ip', k]}
                  label={
                    { classI: 'Ⅰ类知识产权', classIHighValue: '其中高价值', classISelfDeveloped: '其中自主研发', classII: 'Ⅱ类知识产权' }[k]
                  }
                >
                  <InputNumber min={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            ))}
            <Col span={4}>
              <Form.Item name={['enterprise', 'rdInstitution']} label="研发机构">
                <Select options={optionsOf(RD_INSTITUTION_LABELS)} />
              </Form.Item>
            </Col>
            <Col span={3}>
              <Form.Item name={['enterprise', 'digitalLevel']} label="数字化水平（级）">
                <InputNumber min={0} max={6} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={3}>
              <Form.Item name={['enterprise', 'nicheMarketShare']} label="细分市场占有率（%）">
                <InputNumber min={0} max={100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={2}>
              <Form.Item name={['enterprise', 'featuredScore']} label="特色化指标得分">
                <InputNumber min={0} max={15} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={2}>
              <Form.Item name={['enterprise', 'developmentScore']} label="发展评价得分">
                <InputNumber min={0} max={100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Space wrap>
            {(['highTech', 'techSme', 'innovativeSme', 'srdiSme'] as const).map((k) => (
              <Form.Item key={k} name={['enterprise', 'qualifications', k]} valuePropName="checked" noStyle>
                <Checkbox>
                  {{ highTech: '高新技术企业', techSme: '科技型中小企业', innovativeSme: '创新型中小企业', srdiSme: '专精特新中小企业' }[k]}
                </Checkbox>
              </Form.Item>
            ))}
            {QUALITY_ITEMS.map((k) => (
              <Form.Item key={k} name={['enterprise', 'quality', k]} valuePropName="checked" noStyle>
                <Checkbox>{QUALITY_LABELS[k]}</Checkbox>
              </Form.Item>
            ))}
          </Space>
        </Card>
        <Card title="年度数据" size="small" style={{ marginTop: 12 }}>
          <Form.List name="years">
            {(fields) => (
              <Table
                size="small"
                pagination={false}
                rowKey="key"
                dataSource={fields}
                columns={[
                  {
                    title: '年度',
                    width: 80,
                    render: (_, f) => (
                      <Form.Item noStyle shouldUpdate>
                        {() => `${form.getFieldValue(['years', f.name, 'year'])} 年`}
                      </Form.Item>
                    ),
                  },
                  ...YEAR_COLUMNS.map(([k, label]) => ({
                    title: label,
                    render: (_: unknown, f: { name: number }) => (
                      <Form.Item name={[f.name, k]} noStyle>
                        <InputNumber style={{ width: '100%' }} aria-label={`${label}-${f.name}`} placeholder="请填写" />
                      </Form.Item>
                    ),
                  })),
                ]}
              />
            )}
          </Form.List>
        </Card>
        <Button type="primary" htmlType="submit" style={{ marginTop: 12 }}>
          测算
        </Button>
      </Form>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      {problems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="input-problems"
          title="请先补全年度数据"
          description={
            <ul style={{ margin: 0 }}>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
        />
      )}
      {results && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 16 }} data-testid="evaluation-results">
          <Typography.Text>
            企业规模：
            {{ large: '大型（不属于中小企业）', medium: '中型', small: '小型', micro: '微型' }[sizeClass ?? ''] ?? sizeClass}
          </Typography.Text>
          {results.map((r) => (
            <Card
              key={r.tier}
              size="small"
              title={
                <Space>
                  {TIER_LABELS[r.tier]}
                  <Tag color={OUTCOMES[r.outcome][0]}>{outcomeText(r)}</Tag>
                  {r.score !== null && !(r.paths?.length && outcomeText(r) !== OUTCOMES[r.outcome][1]) && (
                    <span>评价得分 {r.score} 分</span>
                  )}
                  <Typography.Text type="secondary">规则：{ruleSetName(r.ruleSet)}</Typography.Text>
                </Space>
              }
            >
              {r.missing.length > 0 && (
                <Alert
                  type="info"
                  showIcon
                  style={{ marginBottom: 8 }}
                  title="还差什么"
                  description={
                    <ul style={{ margin: 0 }}>
                      {r.missing.map((m) => (
                        <li key={m.id}>{m.message}</li>
                      ))}
                    </ul>
                  }
                />
              )}
              <Table
                size="small"
                pagination={false}
                rowKey="id"
                dataSource={r.conditions}
                columns={[
                  { title: '条件', dataIndex: 'name' },
                  {
                    title: '结果',
                    dataIndex: 'status',
                    width: 90,
                    render: (s: Condition['status']) => <Tag color={STATUS[s][0]}>{STATUS[s][1]}</Tag>,
                  },
                  { title: '说明', render: (_, c) => c.question ?? c.detail },
                  { title: '依据', dataIndex: 'source', width: 220 },
                ]}
              />
              {r.indicators.length > 0 && (
                <Table
                  style={{ marginTop: 8 }}
                  size="small"
                  pagination={false}
                  rowKey="id"
                  dataSource={r.indicators}
                  columns={[
                    { title: '指标', dataIndex: 'name' },
                    { title: '数值', dataIndex: 'value', render: (v) => (v === null ? '—' : String(v)) },
                    { title: '档次', dataIndex: 'band' },
                    { title: '得分', render: (_, i) => `${i.points} / ${i.max}` },
                    { title: '依据', dataIndex: 'source', width: 220 },
                  ]}
                />
              )}
            </Card>
          ))}
        </Space>
      )}
    </>
  );
}
