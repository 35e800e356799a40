import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Grid, InputNumber, Radio, Select, Space, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { MONITORING_SETTING_LABELS as L } from '../../../../src/domain/monitoring/settings';
import { ApiError } from '../../shared/api';
import { count } from '../../shared/format';
import { useSession } from '../../shared/session';
import { fetchSettings, type MonitoringSettings, officerKeys, saveSettings } from './api-officers';

const MONTHS = Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1}月` }));
const DUE_MODE_LABELS: Record<MonitoringSettings['dueMode'], string> = { calendar: '自然日', working: '工作日' };

/** How a setting reads on screen (with its unit). */
function settingText(key: keyof MonitoringSettings, s: MonitoringSettings): string {
  switch (key) {
    case 'dueDay':
      return s.dueMode === 'working' ? `次月第 ${count(s.dueDay)} 个工作日` : `次月 ${count(s.dueDay)} 日（遇节假日顺延）`;
    case 'dueMode':
      return DUE_MODE_LABELS[s.dueMode];
    case 'reminderDaysBefore':
      return `${count(s.reminderDaysBefore)} 天`;
    case 'monthTolerance':
      return `${count(s.monthTolerance)} 元`;
    case 'rdMonths':
      return s.rdMonths.length ? s.rdMonths.map((m) => `${m}月`).join('、') : '不要求';
    case 'rdShareMove':
      return `${s.rdShareMove.toLocaleString('zh-CN')} 个百分点`;
    default:
      return `${(s[key] as number).toLocaleString('zh-CN')}%`;
  }
}

const ORDER: (keyof MonitoringSettings)[] = [
  'dueDay',
  'dueMode',
  'reminderDaysBefore',
  'yoyLimit',
  'momLimit',
  'marginMin',
  'marginMax',
  'rdShareMove',
  'rdMonths',
  'monthTolerance',
  'smallMicroShareMin',
];

/** 监测设置: the due date and every threshold of the checks; the city changes them, districts read them. */
export function SettingsPage() {
  const { user } = useSession();
  const canEdit = user?.role === 'city_admin';
  const settings = useQuery({ queryKey: officerKeys.settings, queryFn: fetchSettings });
  const wide = Grid.useBreakpoint().md;

  return (
    <>
      <Typography.Title level={3}>监测设置</Typography.Title>
      <Typography.Paragraph type="secondary">
        月报的报送截止日和各项提示性审核的阈值。超出阈值的月报须由企业逐项说明后才计入统计。
        {canEdit ? '修改后对此后报送和审核的月报生效。' : '设置由市经信委统一维护。'}
      </Typography.Paragraph>
      {settings.isError && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={(settings.error as Error).message} />}
      {settings.isLoading && <Spin />}
      {settings.data &&
        (canEdit ? (
          <SettingsForm value={settings.data} />
        ) : (
          <Card>
            <Descriptions
              column={1}
              bordered
              layout={wide ? 'horizontal' : 'vertical'}
              items={ORDER.map((k) => ({ key: k, label: L[k], children: settingText(k, settings.data) }))}
            />
          </Card>
        ))}
    </>
  );
}

function SettingsForm({ value }: { value: MonitoringSettings }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<MonitoringSettings>();
  useEffect(() => form.setFieldsValue(value), [form, value]);
  const save = useMutation({
    mutationFn: (body: MonitoringSettings) => saveSettings(body),
    onSuccess: (saved) => {
      message.success('监测设置已保存');
      client.setQueryData(officerKeys.settings, saved);
      client.invalidateQueries({ queryKey: officerKeys.all });
    },
    onError: (e) => {
      message.error(e instanceof ApiError ? e.message : '保存失败，请稍后重试');
    },
  });
  const mode = Form.useWatch('dueMode', form);
  const percentField = (name: keyof MonitoringSettings, extra?: string, min?: number) => (
    <Form.Item name={name} label={L[name]} extra={extra} rules={[{ required: true, message: `请填写${L[name]}` }]}>
      <InputNumber min={min} precision={1} style={{ width: 160 }} suffix={name === 'rdShareMove' ? '百分点' : '%'} />
    </Form.Item>
  );
  return (
    <Card>
      <Form<MonitoringSettings>
        form={form}
        layout="vertical"
        initialValues={value}
        onFinish={(v) => save.mutate({ ...v })}
        style={{ maxWidth: 560 }}
      >
        <Typography.Title level={5}>报送截止</Typography.Title>
        <Form.Item name="dueMode" label={L.dueMode}>
          <Radio.Group
            options={[
              { value: 'calendar', label: '自然日（遇节假日顺延至下一个工作日）' },
              { value: 'working', label: '工作日（次月第几个工作日）' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="dueDay"
          label={L.dueDay}
          extra={mode === 'working' ? '次月第几个工作日，1～20。' : '次月几日，1～28。'}
          rules={[{ required: true, message: `请填写${L.dueDay}` }]}
        >
          <InputNumber
            min={1}
            max={mode === 'working' ? 20 : 28}
            precision={0}
            style={{ width: 160 }}
            prefix={mode === 'working' ? '第' : '次月'}
            suffix={mode === 'working' ? '个工作日' : '日'}
          />
        </Form.Item>
        <Form.Item
          name="reminderDaysBefore"
          label={L.reminderDaysBefore}
          extra="截止日前几天提醒未报送的企业；截止日当天和次日另有提醒。"
          rules={[{ required: true, message: `请填写${L.reminderDaysBefore}` }]}
        >
          <InputNumber min={0} max={15} precision={0} style={{ width: 160 }} suffix="天" />
        </Form.Item>
        <Typography.Title level={5}>提示性审核阈值</Typography.Title>
        {percentField('yoyLimit', '营业收入、利润总额、工业总产值累计同比的绝对值超过此值时，须企业说明。', 1)}
        {percentField('momLimit', '营业收入当月环比的绝对值超过此值时，须企业说明。', 1)}
        <Space size="large" wrap>
          {percentField('marginMin')}
          {percentField('marginMax')}
        </Space>
        {percentField('rdShareMove', '研发费用占营业收入的比重较上年同期变动超过此值时，须企业说明。', 0.1)}
        <Form.Item name="rdMonths" label={L.rdMonths} extra="这些月份的月报须填写研发费用（累计）。">
          <Select mode="multiple" options={MONTHS} style={{ width: '100%' }} aria-label={L.rdMonths} />
        </Form.Item>
        <Form.Item
          name="monthTolerance"
          label={L.monthTolerance}
          extra="当月营业收入与“本月累计 − 上月累计”相差不超过此值视为一致（四舍五入）。"
          rules={[{ required: true, message: `请填写${L.monthTolerance}` }]}
        >
          <InputNumber<number>
            min={0}
            precision={0}
            style={{ width: 160 }}
            suffix="元"
            formatter={(v) => (v === undefined || v === null || `${v}` === '' ? '' : Number(v).toLocaleString('zh-CN'))}
            parser={(v) => Number((v ?? '').replace(/[^\d]/g, ''))}
          />
        </Form.Item>
        <Typography.Title level={5}>监测企业</Typography.Title>
        {percentField('smallMicroShareMin', '一地监测企业中小型和微型企业应占的最低比重，低于时在“监测企业”中提示。', 0)}
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          保存设置
        </Button>
      </Form>
    </Card>
  );
}

export default SettingsPage;
