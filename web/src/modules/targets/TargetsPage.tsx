import { PlusOutlined, SplitCellsOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { TARGET_MEASURE_LABELS } from '../../../../src/domain/targets/indicators';
import { ApiError } from '../../shared/api';
import { count, date, percent, today } from '../../shared/format';
import { useSession } from '../../shared/session';
import { useUrlState } from '../../shared/useUrlState';
import { rowsLink } from '../dashboard/rows-link';
import { fetchSplit, fetchTargets, type SplitView, saveTarget, type TargetItem, type TargetsView, targetKeys } from './api';

const BAND: Record<string, { color: string; label: string; hint: string }> = {
  red: { color: 'red', label: '红', hint: '完成不足应完成的 60%' },
  amber: { color: 'gold', label: '黄', hint: '完成达到应完成的 60%～90%' },
  green: { color: 'green', label: '绿', hint: '完成达到应完成的 90% 以上，或已完成目标' },
};

type EditForm = {
  unitCode: string;
  indicator: string;
  measure: string;
  value: number;
  baselineOn: dayjs.Dayjs;
  documentNo?: string;
  note?: string;
};

/** The city's unit code in the form's select (null cannot be a select value). */
const CITY = '__city__';

function errorText(e: unknown, fallback: string): string {
  return e instanceof ApiError ? e.message : fallback;
}

/** 新增或修改一项目标. */
function TargetDialog({ view, editing, onClose }: { view: TargetsView; editing: TargetItem | 'new' | null; onClose: () => void }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<EditForm>();
  const existing = editing && editing !== 'new' ? editing : null;
  const editableUnits = view.units.filter((u) => u.editable);
  const indicator = Form.useWatch('indicator', form);
  const measures = view.indicators.find((i) => i.key === indicator)?.measures ?? ['stock'];
  const save = useMutation({
    mutationFn: (v: EditForm) =>
      saveTarget({
        unitCode: v.unitCode === CITY ? null : v.unitCode,
        indicator: v.indicator,
        measure: v.measure,
        year: view.year,
        value: v.value,
        baselineOn: v.baselineOn.format('YYYY-MM-DD'),
        documentNo: v.documentNo?.trim() || null,
        note: v.note?.trim() || null,
        version: existing?.version,
      }),
    onSuccess: (saved) => {
      message.success(`已保存：${saved.unitName}${saved.indicatorLabel}目标 ${count(saved.value)} 家`);
      client.invalidateQueries({ queryKey: targetKeys.all });
      onClose();
    },
    onError: (e) => {
      message.error(errorText(e, '保存失败，请稍后重试'));
    },
  });
  return (
    <Modal
      open={editing !== null}
      title={existing ? `修改目标：${existing.unitName} ${existing.indicatorLabel}` : `新增 ${view.year} 年目标`}
      okText="保存"
      cancelText="取消"
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<EditForm>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          existing
            ? {
                unitCode: existing.unitCode ?? CITY,
                indicator: existing.indicator,
                measure: existing.measure,
                value: existing.value,
                baselineOn: dayjs(existing.baselineOn),
                documentNo: existing.documentNo ?? undefined,
                note: existing.note ?? undefined,
              }
            : {
                unitCode: editableUnits[0]?.code ?? CITY,
                measure: 'stock',
                baselineOn: dayjs(`${view.year}-01-01`),
              }
        }
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="unitCode" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
          <Select
            disabled={!!existing}
            showSearch
            optionFilterProp="label"
            options={editableUnits.map((u) => ({ value: u.code ?? CITY, label: u.name }))}
          />
        </Form.Item>
        <Form.Item name="indicator" label="指标" rules={[{ required: true, message: '请选择指标' }]}>
          <Select disabled={!!existing} options={view.indicators.map((i) => ({ value: i.key, label: i.label }))} placeholder="选择指标" />
        </Form.Item>
        <Form.Item name="measure" label="口径" rules={[{ required: true, message: '请选择口径' }]}>
          <Select
            options={measures.map((m) => ({
              value: m,
              label: m === 'new' ? `${TARGET_MEASURE_LABELS.new}（基期以来新增）` : `${TARGET_MEASURE_LABELS.stock}（年末有效家数）`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="value"
          label="目标值（家）"
          rules={[
            { required: true, message: '请填写目标值' },
            { type: 'integer', min: 0, message: '目标值应为不小于 0 的整数' },
          ]}
        >
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="baselineOn" label="基期（规划起始日）" rules={[{ required: true, message: '请选择基期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="documentNo" label="文号">
          <Input maxLength={60} placeholder="如 渝府办发〔2022〕23号；按市级目标分解的可不填" />
        </Form.Item>
        <Form.Item name="note" label="说明">
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 分解市级目标: the suggestion by each district's share of the pool, editable, then applied as the districts' targets. */
function SplitDialog({ view, open, onClose }: { view: TargetsView; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const cityIndicators = view.items.filter((i) => i.unitCode === null);
  const [indicator, setIndicator] = useState<string | undefined>(undefined);
  const chosen = indicator ?? cityIndicators[0]?.indicator;
  const split = useQuery({
    queryKey: targetKeys.split(chosen ?? '', view.year),
    queryFn: () => fetchSplit(chosen ?? '', view.year),
    enabled: open && !!chosen,
  });
  const [edits, setEdits] = useState<Record<string, number | null>>({});
  const rows = split.data?.rows ?? [];
  // A district that has a target keeps it (a published one is its own document's) unless changed here.
  const partOf = (r: SplitView['rows'][number]) => (r.unitCode in edits ? edits[r.unitCode] : (r.current ?? r.suggested));
  const total = rows.reduce((s, r) => s + (partOf(r) ?? 0), 0);
  const apply = useMutation({
    mutationFn: async () => {
      if (!split.data) return 0;
      let saved = 0;
      for (const r of rows) {
        const value = partOf(r);
        // Unchanged, or a 0 where there is no target yet (nothing to reach): nothing to save.
        if (value === null || value === undefined || value === r.current || (value === 0 && r.current === null)) continue;
        await saveTarget({
          unitCode: r.unitCode,
          indicator: split.data.indicator,
          measure: split.data.measure,
          year: view.year,
          value,
          baselineOn: split.data.baselineOn,
          version: r.version ?? undefined,
        });
        saved++;
      }
      return saved;
    },
    onSuccess: (saved) => {
      message.success(saved ? `已为 ${saved} 个区县设置分解目标` : '各区县目标与分解值一致，无需修改');
      client.invalidateQueries({ queryKey: targetKeys.all });
      setEdits({});
      onClose();
    },
    onError: (e) => {
      message.error(errorText(e, '分解目标保存失败，请稍后重试'));
      client.invalidateQueries({ queryKey: targetKeys.all });
    },
  });
  return (
    <Modal
      open={open}
      width={760}
      title={`分解 ${view.year} 年市级目标`}
      okText="按此分解设置区县目标"
      cancelText="取消"
      okButtonProps={{ disabled: !split.data }}
      confirmLoading={apply.isPending}
      onOk={() => apply.mutate()}
      onCancel={onClose}
      destroyOnHidden
    >
      {cityIndicators.length === 0 ? (
        <Empty description={`${view.year} 年还没有市级目标：请先用“新增目标”设置市级目标，再分解到区县`} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <span>市级目标</span>
            <Select
              aria-label="分解的指标"
              style={{ width: 280 }}
              value={chosen}
              onChange={(v) => {
                setIndicator(v);
                setEdits({});
              }}
              options={cityIndicators.map((i) => ({ value: i.indicator, label: `${i.indicatorLabel}（${count(i.value)} 家）` }))}
            />
          </Space>
          {split.error && <Alert type="error" showIcon title={errorText(split.error, '分解建议读取失败')} />}
          {split.data && (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              按各区县{split.data.poolLabel}占全市的比例分解 {count(split.data.cityValue)}{' '}
              家（最大余数法，合计等于市级目标）；功能区与所在区县重叠，不参与分解，可单独设置。
              已有目标的区县保留现目标，其余取建议值，均可逐个修改；分解值合计 {count(total)} 家
              {total !== split.data.cityValue && (
                <Typography.Text type="warning">（与市级目标相差 {count(total - split.data.cityValue)} 家）</Typography.Text>
              )}
              。
            </Typography.Paragraph>
          )}
          <Table<SplitView['rows'][number]>
            rowKey="unitCode"
            size="small"
            loading={split.isLoading}
            pagination={false}
            scroll={{ y: 360 }}
            dataSource={rows}
            columns={[
              { title: '区县', dataIndex: 'unitName', width: 120 },
              {
                title: split.data ? `${split.data.poolLabel}（家）` : '现有（家）',
                dataIndex: 'pool',
                align: 'right',
                render: (n: number) => count(n),
              },
              { title: '建议值（家）', dataIndex: 'suggested', align: 'right', render: (n: number) => count(n) },
              {
                title: '现目标（家）',
                dataIndex: 'current',
                align: 'right',
                render: (n: number | null) => (n === null ? '未设置' : count(n)),
              },
              {
                title: '分解值（家）',
                key: 'value',
                width: 140,
                render: (_: unknown, r) => (
                  <InputNumber
                    aria-label={`${r.unitName}分解值`}
                    size="small"
                    min={0}
                    precision={0}
                    value={partOf(r)}
                    onChange={(v) => setEdits((e) => ({ ...e, [r.unitCode]: v }))}
                  />
                ),
              },
            ]}
          />
        </Space>
      )}
    </Modal>
  );
}

function UnitTable({ items, onEdit, editable }: { items: TargetItem[]; onEdit: (t: TargetItem) => void; editable: boolean }) {
  return (
    <Table<TargetItem>
      rowKey="id"
      size="middle"
      pagination={false}
      // On a phone the table scrolls sideways instead of breaking the indicator's name into single characters.
      scroll={{ x: 860 }}
      dataSource={items}
      columns={[
        { title: '指标', dataIndex: 'indicatorLabel', width: 220 },
        { title: '目标值（家）', dataIndex: 'value', align: 'right', render: (n: number) => count(n) },
        {
          title: '文号',
          dataIndex: 'documentNo',
          render: (d: string | null, t) => d ?? (t.source === 'split' ? '按市级目标分解' : '—'),
        },
        {
          title: '完成（家）',
          dataIndex: 'actual',
          align: 'right',
          render: (n: number, t) =>
            t.rowsUrl ? (
              <Tooltip title="查看这些企业">
                <Link to={rowsLink(t.rowsUrl)}>{count(n)}</Link>
              </Tooltip>
            ) : (
              count(n)
            ),
        },
        { title: '完成率', dataIndex: 'completion', align: 'right', render: (c: number) => percent(c * 100) },
        {
          title: '应完成（家）',
          dataIndex: 'expected',
          align: 'right',
          render: (n: number, t) => (
            <Tooltip title={`已过期间 ${percent(t.proRata * 100)}（基期 ${date(t.baselineOn)} 至 ${t.year} 年末）`}>{count(n)}</Tooltip>
          ),
        },
        {
          title: '进度',
          dataIndex: 'band',
          width: 80,
          render: (b: string) => (
            <Tooltip title={BAND[b]?.hint}>
              <Tag color={BAND[b]?.color}>{BAND[b]?.label}</Tag>
            </Tooltip>
          ),
        },
        ...(editable
          ? [
              {
                title: '操作',
                key: 'edit',
                width: 80,
                render: (_: unknown, t: TargetItem) => (
                  <Button size="small" type="link" onClick={() => onEdit(t)}>
                    修改
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

/** 目标考核: each unit's targets of a year (city first) with progress computed from the registry. */
export default function TargetsPage() {
  const { user } = useSession();
  const [state, setState] = useUrlState(['year'] as const);
  const thisYear = Number(today().slice(0, 4));
  // DEFAULT: the year of the plan in force (the 2025 goals until their end, then the 2027 ones).
  const year = Number(state.year ?? (thisYear <= 2025 ? 2025 : Math.max(thisYear, 2027)));
  const targets = useQuery({ queryKey: targetKeys.year(year), queryFn: () => fetchTargets(year) });
  const [editing, setEditing] = useState<TargetItem | 'new' | null>(null);
  const [splitting, setSplitting] = useState(false);
  const view = targets.data;
  const isCity = user?.role === 'city_admin';

  const years = useMemo(() => {
    const set = new Set([2025, 2027, year]);
    for (let y = thisYear - 1; y <= thisYear + 2; y++) set.add(y);
    return [...set].sort((a, b) => a - b);
  }, [thisYear, year]);

  const groups = useMemo(() => {
    if (!view) return [];
    const out: { code: string | null; name: string; editable: boolean; items: TargetItem[] }[] = [];
    for (const u of view.units) {
      const items = view.items.filter((i) => i.unitCode === u.code);
      if (items.length) out.push({ ...u, items });
    }
    return out;
  }, [view]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3}>目标完成情况</Typography.Title>
        <Space wrap>
          <span>年度</span>
          <Select
            aria-label="年度"
            style={{ width: 110 }}
            value={year}
            options={years.map((y) => ({ value: y, label: `${y} 年` }))}
            onChange={(y) => setState({ year: String(y) })}
          />
          {view?.units.some((u) => u.editable) && (
            <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新增目标
            </Button>
          )}
          {isCity && view && (
            <Button icon={<SplitCellsOutlined />} onClick={() => setSplitting(true)}>
              分解市级目标
            </Button>
          )}
        </Space>
      </Space>
      {view && (
        <Alert
          type="info"
          showIcon
          title={`完成数按 ${date(view.asOf)} 由企业库和认定结果计算（不手工填报），点击可查看对应企业。应完成 = 目标值 × 已过期间占比（基期至目标年度年末）；进度：红 = 完成不足应完成的 60%，黄 = 60%～90%，绿 = 90% 以上。`}
        />
      )}
      {targets.error && <Alert type="error" showIcon title={errorText(targets.error, '目标读取失败，请刷新重试')} />}
      {targets.isLoading && <Card loading />}
      {view && groups.length === 0 && (
        <Card>
          <Empty
            description={
              isCity
                ? `${year} 年尚未设置目标。点击“新增目标”设置市级或区县目标，或设置市级目标后用“分解市级目标”按各区县占比分解。`
                : `${year} 年尚未设置本区县的目标，也没有市级目标。点击“新增目标”设置本区县目标，或等待市经信委下达分解目标。`
            }
          />
        </Card>
      )}
      {groups.map((g) => (
        <Card key={g.code ?? 'city'} title={g.code === null ? `${g.name}（市级目标）` : g.name} size="small">
          <UnitTable items={g.items} editable={g.editable} onEdit={setEditing} />
        </Card>
      ))}
      {view && <TargetDialog view={view} editing={editing} onClose={() => setEditing(null)} />}
      {view && isCity && <SplitDialog view={view} open={splitting} onClose={() => setSplitting(false)} />}
    </Space>
  );
}
