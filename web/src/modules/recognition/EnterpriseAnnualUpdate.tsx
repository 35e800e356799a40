import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Form, InputNumber, Row, Table, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { COUNT_FIELDS, checkYearValues, YEAR_FIELD_LABELS, YEAR_FIELDS, type YearField } from '../../../../src/domain/enterprise-rules';
import { ApiError } from '../../shared/api';
import { dateTime, today } from '../../shared/format';
import { type AnnualFigures, enterpriseRecognitionKeys, fetchMyAnnualUpdate, recognitionKeys, saveMyAnnualUpdate } from './api';
import { wanToYuan, yuanToWan } from './form-values';

const MAY_BE_NEGATIVE: readonly YearField[] = ['totalProfit', 'netProfit'];
const STATUS_COLORS: Record<string, string> = { done: 'green', pending: 'blue', late: 'red', not_required: 'default' };
const HELP: Partial<Record<YearField, string>> = {
  revenue: '按年度财务报表（审计报告）填写营业总收入',
  mainRevenue: '主导产品（服务）取得的收入',
  totalProfit: '亏损填负数',
  netProfit: '亏损填负数',
  rdExpense: '按研发费用加计扣除口径归集',
  employees: '年末从业人员数',
  rdStaff: '直接从事研发和相关技术创新活动的人员',
  equityFinancing: '当年实缴的股权融资额，没有填 0',
};

/** 万元 to the yuan: at most four decimals. */
const fourDecimals = {
  validator: (_: unknown, v: number | null | undefined) =>
    v === null || v === undefined || wanToYuan(v) !== null
      ? Promise.resolve()
      : Promise.reject(new Error('金额以万元填写，最多四位小数（精确到元）')),
};
const isCount = (f: YearField) => COUNT_FIELDS.includes(f);
const unitLabel = (f: YearField) => `${YEAR_FIELD_LABELS[f]}（${isCount(f) ? '人' : '万元'}）`;

/** 年度信息更新 (enterprise): last year's figures by the deadline, written into the registry; what was done before. */
export function EnterpriseAnnualUpdate() {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Record<YearField, number | null>>();
  const me = useQuery({ queryKey: enterpriseRecognitionKeys.annualUpdate, queryFn: fetchMyAnnualUpdate });
  const data = me.data;

  useEffect(() => {
    if (!data) return;
    form.setFieldsValue(
      Object.fromEntries(YEAR_FIELDS.map((f) => [f, isCount(f) ? (data.figures[f] ?? null) : yuanToWan(data.figures[f])])) as Record<
        YearField,
        number | null
      >,
    );
  }, [data, form]);

  const toFigures = (values: Record<YearField, number | null>) =>
    Object.fromEntries(YEAR_FIELDS.map((f) => [f, isCount(f) ? (values[f] ?? null) : wanToYuan(values[f])])) as AnnualFigures;
  const save = useMutation({
    mutationFn: (values: Record<YearField, number | null>) => saveMyAnnualUpdate(data?.due.dataYear ?? 0, toFigures(values)),
    onSuccess: (answer) => {
      client.invalidateQueries({ queryKey: enterpriseRecognitionKeys.annualUpdate });
      client.invalidateQueries({ queryKey: recognitionKeys.all });
      client.invalidateQueries({ queryKey: ['enterprise'] });
      message.success(
        answer.due.onTime === false
          ? `${answer.due.dataYear} 年度信息已更新（已超过截止日期 ${answer.due.dueOn}）`
          : `${answer.due.dataYear} 年度信息已按期更新，企业库已同步`,
      );
    },
    onError: (e) => {
      const details =
        e instanceof ApiError ? (e.details as { field?: string; fields?: { field: string; message: string }[] } | undefined) : undefined;
      const fields = details?.fields ?? (details?.field ? [{ field: details.field, message: e.message }] : []);
      form.setFields(
        fields.flatMap((f) => {
          const name = f.field.split('.').at(-1) as YearField;
          return YEAR_FIELDS.includes(name) ? [{ name, errors: [f.message] }] : [];
        }),
      );
      message.error(e instanceof ApiError ? e.message : '提交失败，请稍后重试');
    },
  });

  if (me.error) return <Alert type="error" showIcon title={(me.error as Error).message} />;
  if (!data) return null;
  const { due } = data;

  return (
    <>
      <Typography.Title level={3}>年度信息更新</Typography.Title>
      <Typography.Paragraph type="secondary">
        持有有效梯度培育称号的企业，每年按期更新上一年度的经营数据；未按期更新的，称号到期时不能参加复核。金额单位为万元。
      </Typography.Paragraph>
      {!data.holder && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={data.notHolderReason ?? '本企业目前没有有效称号，无需年度信息更新'}
          description="取得创新型中小企业、专精特新中小企业或专精特新“小巨人”企业称号后，在这里按年更新经营数据。可到“可申报批次”申报认定。"
        />
      )}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={3}>
          <Descriptions.Item label="更新年度">{due.dataYear} 年度</Descriptions.Item>
          <Descriptions.Item label="截止日期">{due.dueOn}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <Tag color={STATUS_COLORS[due.status]} data-testid="annual-update-status">
              {due.statusLabel}
            </Tag>
          </Descriptions.Item>
          {data.title && (
            <Descriptions.Item label="持有称号">
              {data.title.tierLabel}（有效期至 {data.title.validUntil ?? '—'}）
            </Descriptions.Item>
          )}
          {due.submittedAt && <Descriptions.Item label="更新时间">{dateTime(due.submittedAt)}</Descriptions.Item>}
        </Descriptions>
      </Card>
      {data.holder && (
        <Card size="small" title={`${due.dataYear} 年度经营数据`}>
          <Form
            form={form}
            layout="vertical"
            onFinish={(v) => {
              // The registry's rules for a year (主营业务收入不超过营业收入 …), in their words, under the field.
              const problems = checkYearValues(due.dataYear, toFigures(v), Number(today().slice(0, 4)));
              if (problems.length) {
                form.setFields(
                  problems.flatMap((p) =>
                    YEAR_FIELDS.includes(p.field as YearField) ? [{ name: p.field as YearField, errors: [p.message] }] : [],
                  ),
                );
                return;
              }
              save.mutate(v);
            }}
          >
            <Row gutter={16}>
              {YEAR_FIELDS.map((f) => (
                <Col span={6} key={f}>
                  <Form.Item
                    name={f}
                    label={unitLabel(f)}
                    tooltip={HELP[f]}
                    rules={[
                      { required: f === 'revenue' || f === 'employees' || f === 'totalAssets', message: `请填写${YEAR_FIELD_LABELS[f]}` },
                      ...(MAY_BE_NEGATIVE.includes(f) ? [] : [{ type: 'number' as const, min: 0, message: '不能为负数' }]),
                      ...(isCount(f) ? [] : [fourDecimals]),
                    ]}
                  >
                    <InputNumber style={{ width: '100%' }} precision={isCount(f) ? 0 : undefined} placeholder="请填写" />
                  </Form.Item>
                </Col>
              ))}
            </Row>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {due.status === 'done' ? '修改并重新提交' : '提交年度信息'}
            </Button>
          </Form>
        </Card>
      )}
      <Card size="small" title="历年更新记录" style={{ marginTop: 12 }} data-testid="annual-update-history">
        <Table
          size="small"
          rowKey="dataYear"
          pagination={false}
          dataSource={data.history}
          locale={{ emptyText: '尚无更新记录。每年截止日期前在上方提交上一年度数据。' }}
          columns={[
            { title: '年度', render: (_, h) => `${h.dataYear} 年度` },
            { title: '截止日期', dataIndex: 'dueOn' },
            { title: '提交时间', render: (_, h) => dateTime(h.submittedAt) },
            {
              title: '是否按期',
              render: (_, h) => (h.onTime === null ? '—' : h.onTime ? <Tag color="green">按期</Tag> : <Tag color="red">逾期</Tag>),
            },
          ]}
        />
      </Card>
    </>
  );
}

export default EnterpriseAnnualUpdate;
