import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Col, DatePicker, Form, InputNumber, Row, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { ApiError, api } from '../api';
import { optionsOf, QUALITY_ITEMS, QUALITY_LABELS, RD_INSTITUTION_LABELS, TIER_LABELS } from '../labels';
import { useSession } from '../session';

interface Condition {
  id: string;
  name: string;
  status: 'met' | 'not_met' | 'needs_review';
  detail: string;
  source: string;
  question?: string;
}
interface TierResult {
  tier: string;
  ruleSet: string;
  outcome: 'qualified' | 'not_qualified' | 'needs_review';
  score: number | null;
  categories: { id: string; name: string; score: number; max: number; minimum?: number }[];
  indicators: { id: string; name: string; value: string | number | null; band: string; points: number; max: number; source: string }[];
  conditions: Condition[];
  missing: { id: string; message: string }[];
}
type Input = Record<string, unknown> & { years: Record<string, number>[] };

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
  ['employees', '从业人员'],
  ['rdStaff', '研发人员'],
  ['equityFinancing', '新增股权融资（万元）'],
];

const emptyYears = (date: string) =>
  [1, 2, 3].map((k) => ({
    year: Number(date.slice(0, 4)) - k,
    revenue: 0,
    mainRevenue: 0,
    netProfit: 0,
    totalAssets: 0,
    totalLiabilities: 0,
    rdExpense: 0,
    employees: 0,
    rdStaff: 0,
    equityFinancing: 0,
  }));
const BLANK = {
  assessmentDate: dayjs().format('YYYY-MM-DD'),
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
  years: emptyYears(dayjs().format('YYYY-MM-DD')),
};

/** Amounts are edited in 万元 and sent in whole yuan. */
const toWan = (input: Input): Input => ({
  ...input,
  years: input.years.map((y) => ({ ...y, ...Object.fromEntries(MONEY.map((k) => [k, y[k] / 10_000])) })),
});
const toYuan = (input: Input): Input => ({
  ...input,
  years: input.years.map((y) => ({ ...y, ...Object.fromEntries(MONEY.map((k) => [k, Math.round((y[k] ?? 0) * 10_000)])) })),
});

export default function SelfAssessmentPage() {
  const { user } = useSession();
  const [form] = Form.useForm();
  const [results, setResults] = useState<TierResult[] | null>(null);
  const [sizeClass, setSizeClass] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const prefill = useQuery({
    queryKey: ['evaluation-input', user?.enterpriseId],
    queryFn: () => api<Input>(`/api/evaluations/input/${user?.enterpriseId}`),
    enabled: Boolean(user?.enterpriseId),
  });
  useEffect(() => {
    const start = prefill.data ? toWan(prefill.data) : (BLANK as unknown as Input);
    form.setFieldsValue({ ...start, assessmentDate: dayjs(start.assessmentDate as string) });
  }, [prefill.data, form]);

  const run = async () => {
    const values = form.getFieldsValue(true);
    const body = toYuan({ ...values, assessmentDate: (values.assessmentDate as dayjs.Dayjs).format('YYYY-MM-DD') });
    setError(null);
    try {
      const answer = await api<{ sizeClass: string; results: TierResult[] }>('/api/evaluations/preview', { method: 'POST', body });
      setResults(answer.results);
      setSizeClass(answer.sizeClass);
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
      <Form form={form} layout="vertical" onFinish={run}>
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
                    { value: 'six_basics', label: '工业"六基"、老字号或链主配套' },
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
              <Form.Item name={['enterprise', 'nicheMarketShare']} label="细分市场占有率%">
                <InputNumber min={0} max={100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={2}>
              <Form.Item name={['enterprise', 'featuredScore']} label="特色化得分">
                <InputNumber min={0} max={15} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={2}>
              <Form.Item name={['enterprise', 'developmentScore']} label="发展评价分">
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
                      <Form.Item name={[f.name, 'year']} noStyle>
                        <InputNumber style={{ width: 70 }} />
                      </Form.Item>
                    ),
                  },
                  ...YEAR_COLUMNS.map(([k, label]) => ({
                    title: label,
                    render: (_: unknown, f: { name: number }) => (
                      <Form.Item name={[f.name, k]} noStyle>
                        <InputNumber style={{ width: '100%' }} aria-label={`${label}-${f.name}`} />
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
      {results && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 16 }} data-testid="evaluation-results">
          <Typography.Text>
            企业规模：{{ large: '大型（不属于中小企业）', medium: '中型', small: '小型', micro: '微型' }[sizeClass ?? 'micro']}
          </Typography.Text>
          {results.map((r) => (
            <Card
              key={r.tier}
              size="small"
              title={
                <Space>
                  {TIER_LABELS[r.tier]}
                  <Tag color={OUTCOMES[r.outcome][0]}>{OUTCOMES[r.outcome][1]}</Tag>
                  {r.score !== null && <span>评价得分 {r.score} 分</span>}
                  <Typography.Text type="secondary">规则：{r.ruleSet}</Typography.Text>
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
