import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Checkbox,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { ROUND_TYPE_LABELS, SCORE_METHOD_LABELS } from '../../../../src/domain/recognition/lifecycle';
import { ApiError } from '../../shared/api';
import { count } from '../../shared/format';
import { optionsOf, TIER_LABELS } from '../../shared/labels';
import { useSession } from '../../shared/session';
import { useUrlState } from '../../shared/useUrlState';
import { evaluationKeys, fetchRuleSets } from '../evaluation/api';
import { type CreateRoundInput, createRound, fetchRounds, fetchRuleSet, type Round, recognitionKeys } from './api';
import { PHASE_COLORS, windowText } from './rounds-shared';

interface FormValues {
  tier: 'innovative' | 'srdi' | 'little_giant';
  type: 'new' | 'review';
  year: number;
  window: [Dayjs, Dayjs];
  continuous: boolean;
  cutoffDates?: Dayjs[];
  districtReviewDays: number;
  expertReview: boolean;
  expertsPerApplication: number;
  scoreMethod: 'mean' | 'median';
  scoreMargin: number;
  publicityDays: number;
  name?: string;
  overrideRuleSet: boolean;
  ruleSet?: string;
  ruleSetOverrideReason?: string;
}

const ymd = (d: Dayjs) => d.format('YYYY-MM-DD');

function CreateRoundDrawer({ open, onClose }: { open: boolean; onClose(): void }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const tier = Form.useWatch('tier', form);
  const type = Form.useWatch('type', form);
  const window = Form.useWatch('window', form);
  const expertReview = Form.useWatch('expertReview', form);
  const continuous = Form.useWatch('continuous', form);
  const override = Form.useWatch('overrideRuleSet', form);
  const opensOn = window?.[0] ? ymd(window[0]) : undefined;
  const selected = useQuery({
    queryKey: recognitionKeys.ruleSet({ tier, type, date: opensOn }),
    queryFn: () => fetchRuleSet({ tier, type, date: opensOn ?? '' }),
    enabled: Boolean(tier && type && opensOn),
  });
  const ruleSets = useQuery({ queryKey: evaluationKeys.ruleSets, queryFn: fetchRuleSets, enabled: Boolean(override) });
  const create = useMutation({
    mutationFn: (v: FormValues) => {
      const body: CreateRoundInput = {
        tier: v.tier,
        type: v.type,
        year: v.year,
        opensOn: ymd(v.window[0]),
        closesOn: ymd(v.window[1]),
        expertReview: v.expertReview,
        publicityDays: v.publicityDays,
        continuous: v.tier === 'innovative' ? v.continuous : false,
        cutoffDates: v.tier === 'innovative' && v.continuous ? (v.cutoffDates ?? []).map(ymd).sort() : [],
        districtReviewDays: v.districtReviewDays,
        ...(v.expertReview
          ? { expertsPerApplication: v.expertsPerApplication, scoreMethod: v.scoreMethod, scoreMargin: v.scoreMargin }
          : {}),
        ...(v.name?.trim() ? { name: v.name.trim() } : {}),
        ...(v.overrideRuleSet && v.ruleSet ? { ruleSet: v.ruleSet, ruleSetOverrideReason: v.ruleSetOverrideReason?.trim() } : {}),
      };
      return createRound(body);
    },
    onSuccess: (round) => {
      message.success(`已创建“${round.name}”`);
      client.invalidateQueries({ queryKey: ['recognition', 'rounds'] });
      onClose();
      form.resetFields();
    },
    onError: (e) => {
      message.error(e instanceof ApiError ? e.message : '创建失败，请稍后重试');
    },
  });
  const year = dayjs().year();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title="新建申报批次"
      size={640}
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
            创建批次
          </Button>
        </Space>
      }
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={(v) => create.mutate(v)}
        initialValues={{
          tier: 'srdi',
          type: 'new',
          year,
          continuous: false,
          districtReviewDays: 6,
          expertReview: true,
          expertsPerApplication: 3,
          scoreMethod: 'mean',
          scoreMargin: 15,
          publicityDays: 5,
          overrideRuleSet: false,
        }}
      >
        <Form.Item name="tier" label="申报层级" rules={[{ required: true, message: '请选择申报层级' }]}>
          <Select options={optionsOf(TIER_LABELS)} />
        </Form.Item>
        <Form.Item name="type" label="申报类型" rules={[{ required: true }]}>
          <Radio.Group options={optionsOf(ROUND_TYPE_LABELS)} />
        </Form.Item>
        <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="name" label="批次名称" extra="不填时按“年度 + 层级 + 类型”自动命名">
          <Input maxLength={100} placeholder={`如：${year} 年专精特新中小企业新申报`} />
        </Form.Item>
        <Form.Item
          name="window"
          label="申报时间"
          rules={[{ required: true, message: '请选择申报开始和截止日期' }]}
          extra="企业只能在此期间提交申报；开始日期决定适用的评价规则"
        >
          <DatePicker.RangePicker placeholder={['开始日期', '截止日期']} />
        </Form.Item>
        {tier === 'innovative' && (
          <>
            <Form.Item name="continuous" label="常年受理（分批截止）" valuePropName="checked">
              <Switch />
            </Form.Item>
            {continuous && (
              <Form.Item
                name="cutoffDates"
                label="截止批次日期"
                rules={[{ required: true, message: '常年受理请至少选择一个截止批次日期' }]}
                extra="每个截止日期前提交的申报为一批审核"
              >
                <DatePicker multiple placeholder="选择日期（可多选）" style={{ width: '100%' }} />
              </Form.Item>
            )}
          </>
        )}
        <Form.Item
          name="districtReviewDays"
          label="区县初审时限（截止日后的工作日数）"
          rules={[{ required: true, message: '请填写初审时限' }]}
        >
          <InputNumber min={1} max={60} precision={0} addonAfter="个工作日" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="expertReview" label="专家评审" valuePropName="checked">
          <Switch checkedChildren="需要" unCheckedChildren="不需要" />
        </Form.Item>
        {expertReview && (
          <Space size="large" wrap>
            <Form.Item name="expertsPerApplication" label="每项申报专家人数" rules={[{ required: true, message: '请填写专家人数' }]}>
              <InputNumber min={1} max={15} precision={0} addonAfter="人" style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name="scoreMethod" label="计分方式">
              <Radio.Group options={optionsOf(SCORE_METHOD_LABELS)} />
            </Form.Item>
            <Form.Item name="scoreMargin" label="评分偏差提示（分）" extra="某位专家与其他专家平均分相差超过此值时标出">
              <InputNumber min={0} max={100} precision={0} style={{ width: 120 }} />
            </Form.Item>
          </Space>
        )}
        <Form.Item name="publicityDays" label="公示期" rules={[{ required: true, message: '请填写公示期' }]}>
          <InputNumber min={1} max={30} precision={0} addonAfter="个工作日" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label="评价规则">
          {!opensOn ? (
            <Typography.Text type="secondary">选择申报时间后显示适用的评价规则</Typography.Text>
          ) : selected.isError ? (
            <Alert type="error" showIcon title={(selected.error as Error).message} />
          ) : (
            <Typography.Text strong data-testid="rule-set-name">
              {selected.data?.ruleSetName ?? '正在查询…'}
            </Typography.Text>
          )}
        </Form.Item>
        <Form.Item name="overrideRuleSet" valuePropName="checked">
          <Checkbox>改用其他评价规则</Checkbox>
        </Form.Item>
        {override && (
          <>
            <Form.Item name="ruleSet" label="改用的规则" rules={[{ required: true, message: '请选择评价规则' }]}>
              <Select
                loading={ruleSets.isLoading}
                options={(ruleSets.data ?? []).filter((r) => !tier || r.tier === tier).map((r) => ({ value: r.id, label: r.name }))}
              />
            </Form.Item>
            <Form.Item
              name="ruleSetOverrideReason"
              label="改用理由"
              rules={[{ required: true, whitespace: true, message: '改用其他评价规则须说明理由' }]}
            >
              <Input.TextArea rows={3} maxLength={500} />
            </Form.Item>
          </>
        )}
      </Form>
    </Drawer>
  );
}

/** 申报批次 for officers: the city creates rounds; districts see them. */
export function OfficerRounds() {
  const { user } = useSession();
  const isCity = user?.role === 'city_admin';
  const [creating, setCreating] = useState(false);
  const [state, setState] = useUrlState(['year', 'tier'] as const);
  const filters = { year: state.year ? Number(state.year) : undefined, tier: state.tier };
  const rounds = useQuery({ queryKey: recognitionKeys.rounds(filters), queryFn: () => fetchRounds({ ...filters, pageSize: 200 }) });
  const thisYear = dayjs().year();
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3}>申报批次</Typography.Title>
        {isCity && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建批次
          </Button>
        )}
      </Space>
      <Space style={{ marginBottom: 16 }} wrap>
        <Select
          allowClear
          placeholder="年度"
          aria-label="年度"
          style={{ width: 120 }}
          value={state.year}
          onChange={(v) => setState({ year: v })}
          options={Array.from({ length: 6 }, (_, i) => String(thisYear + 1 - i)).map((y) => ({ value: y, label: `${y} 年` }))}
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
      </Space>
      {rounds.isError && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={(rounds.error as Error).message} />}
      <Table<Round>
        rowKey="id"
        loading={rounds.isLoading}
        dataSource={rounds.data?.items}
        locale={{
          emptyText: isCity
            ? '还没有申报批次。点击右上角“新建批次”，设置层级、申报时间、初审时限和公示期后，符合条件的企业会收到通知。'
            : '市经信委尚未设立申报批次。设立后这里列出各批次的申报时间和进度。',
        }}
        columns={[
          // The ellipsis column makes the layout fixed: the widths together stay within the page (1,180 px at 1440 wide), a tier and “5 个工作日” on one line.
          { title: '批次名称', width: 220, render: (_, r) => <Link to={`/recognition/rounds/${r.id}`}>{r.name}</Link> },
          { title: '层级', dataIndex: 'tierLabel', width: 160 },
          { title: '类型', dataIndex: 'typeLabel', width: 80 },
          { title: '申报时间', width: 210, render: (_, r) => windowText(r) },
          { title: '初审截止', dataIndex: 'districtReviewDueOn', width: 110 },
          {
            title: '专家评审',
            width: 90,
            render: (_, r) => (r.expertReview ? `${count(r.expertsPerApplication)} 人/项` : '不评审'),
          },
          { title: '公示期', width: 100, render: (_, r) => `${count(r.publicityDays)} 个工作日` },
          { title: '评价规则', dataIndex: 'ruleSetName', width: 130, ellipsis: true },
          { title: '阶段', width: 80, render: (_, r) => <Tag color={PHASE_COLORS[r.phase]}>{r.phaseLabel}</Tag> },
        ]}
        pagination={{ pageSize: 20, showTotal: (t) => `共 ${count(t)} 个批次`, hideOnSinglePage: true }}
      />
      {isCity && <CreateRoundDrawer open={creating} onClose={() => setCreating(false)} />}
    </>
  );
}

export default OfficerRounds;
