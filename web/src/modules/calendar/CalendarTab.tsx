import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, AutoComplete, Button, DatePicker, Empty, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../shared/api';
import { date as dateText } from '../../shared/format';
import { type CalendarDay, calendarKeys, fetchCalendarYear, fetchCalendarYears, saveCalendarYear } from './api';

const HOLIDAY_NAMES = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节', '国庆节、中秋节'];
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];
const KIND_LABELS: Record<CalendarDay['kind'], string> = { off: '休', work: '班' };
const KIND_NAMES: Record<CalendarDay['kind'], string> = { off: '放假', work: '调休上班' };

type Draft = Pick<CalendarDay, 'date' | 'kind' | 'name'>;

const pad = (n: number) => String(n).padStart(2, '0');
const weekdayOf = (iso: string) => (new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6

/** One month as a grid of weeks (Monday first): 休 on days off, 班 on make-up working days. */
function MonthGrid({ year, month, days }: { year: number; month: number; days: Map<string, Draft> }) {
  const first = `${year}-${pad(month)}-01`;
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells: { key: string; day: number | null }[] = [];
  for (let b = 0; b < weekdayOf(first); b++) cells.push({ key: `lead-${b}`, day: null });
  for (let d = 1; d <= length; d++) cells.push({ key: `day-${d}`, day: d });
  for (let b = 0; cells.length % 7; b++) cells.push({ key: `trail-${b}`, day: null });
  return (
    <section aria-label={`${month} 月`}>
      <Typography.Text strong>{month} 月</Typography.Text>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2, marginTop: 4, fontSize: 12, textAlign: 'center' }}>
        {WEEKDAYS.map((w) => (
          <div key={w} style={{ color: 'rgba(0,0,0,0.6)' }}>
            {w}
          </div>
        ))}
        {cells.map(({ key, day: d }, i) => {
          if (d === null) return <div key={key} />;
          const iso = `${year}-${pad(month)}-${pad(d)}`;
          const listed = days.get(iso);
          const weekend = i % 7 >= 5;
          const off = listed ? listed.kind === 'off' : weekend;
          return (
            <div
              key={iso}
              data-date={iso}
              title={listed ? `${iso} ${listed.name}${KIND_NAMES[listed.kind]}` : iso}
              style={{
                padding: '2px 0',
                borderRadius: 4,
                background: listed?.kind === 'off' ? '#fee2e2' : listed?.kind === 'work' ? '#dbeafe' : undefined,
                color: off ? '#b91c1c' : 'rgba(0,0,0,0.88)',
              }}
            >
              {d}
              {listed ? <div style={{ fontSize: 10, fontWeight: 600 }}>{KIND_LABELS[listed.kind]}</div> : null}
            </div>
          );
        })}
      </div>
    </section>
  );
}

/** 工作日历: a year's official holiday arrangement; the city administrator maintains it, others read it. */
export function CalendarTab({ editable }: { editable: boolean }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const years = useQuery({ queryKey: calendarKeys.years, queryFn: fetchCalendarYears });
  const [year, setYear] = useState<number | null>(null);
  const shown = year ?? years.data?.currentYear ?? null;
  const arrangement = useQuery({
    queryKey: calendarKeys.year(shown ?? 0),
    queryFn: () => fetchCalendarYear(shown ?? 0),
    enabled: shown !== null,
  });
  const [draft, setDraft] = useState<Draft[] | null>(null);
  const [source, setSource] = useState<string>('');
  const [form] = Form.useForm<{ date: dayjs.Dayjs; kind: Draft['kind']; name: string }>();

  // A fresh draft whenever another year (or its saved state) is shown.
  useEffect(() => {
    if (!arrangement.data) return;
    setDraft(arrangement.data.days.map(({ date, kind, name }) => ({ date, kind, name })));
    setSource(arrangement.data.source ?? '');
  }, [arrangement.data]);

  const days = draft ?? [];
  const byDate = useMemo(() => new Map(days.map((d) => [d.date, d])), [days]);
  const dirty =
    arrangement.data !== undefined &&
    (JSON.stringify(days) !== JSON.stringify(arrangement.data.days.map(({ date, kind, name }) => ({ date, kind, name }))) ||
      source !== (arrangement.data.source ?? ''));

  const save = useMutation({
    mutationFn: () => saveCalendarYear(shown ?? 0, { source: source.trim() || null, days }),
    onSuccess: (saved) => {
      message.success(`${saved.year} 年工作日历已保存`);
      client.setQueryData(calendarKeys.year(saved.year), saved);
      client.invalidateQueries({ queryKey: calendarKeys.years });
    },
    onError: (e) => {
      message.error(e instanceof ApiError ? e.message : '保存失败，请稍后重试');
    },
  });

  const yearOptions = useMemo(() => {
    const set = new Set<number>(years.data?.years.map((y) => y.year) ?? []);
    if (years.data) for (let y = years.data.currentYear - 1; y <= years.data.currentYear + 2; y++) set.add(y);
    if (shown !== null) set.add(shown);
    return [...set].sort((a, b) => a - b).map((y) => ({ value: y, label: `${y} 年` }));
  }, [years.data, shown]);

  const addDay = ({ date, kind, name }: { date: dayjs.Dayjs; kind: Draft['kind']; name: string }) => {
    const iso = date.format('YYYY-MM-DD');
    if (date.year() !== shown) {
      message.error(`${iso} 不在 ${shown} 年内，只能维护本年度的日期`);
      return;
    }
    const next = days.filter((d) => d.date !== iso);
    next.push({ date: iso, kind, name: name.trim() });
    next.sort((a, b) => (a.date < b.date ? -1 : 1));
    setDraft(next);
    form.resetFields(['date']);
  };

  const data = arrangement.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <span>年度</span>
        <Select
          aria-label="年度"
          style={{ width: 120 }}
          value={shown ?? undefined}
          options={yearOptions}
          onChange={(y) => {
            setYear(y);
            setDraft(null);
          }}
        />
        {data?.maintained ? (
          <Typography.Text type="secondary">
            已维护{data.source ? `，依据${data.source}` : ''}
            {data.maintainedAt ? `，${dateText(data.maintainedAt)}` : ''}
            {data.maintainedByName ? ` 由${data.maintainedByName}维护` : '（随系统发布）'}
          </Typography.Text>
        ) : null}
      </Space>
      {data && !data.maintained ? (
        <Alert
          type="warning"
          showIcon
          title={`${data.year} 年的节假日安排尚未维护`}
          description={
            editable
              ? '涉及该年度的工作日期限暂只按周末计算。请按国务院办公厅关于该年度部分节假日安排的通知，逐日添加放假日和调休上班日后保存。'
              : '涉及该年度的工作日期限暂只按周末计算，待市经信委维护后按官方安排计算。'
          }
        />
      ) : null}
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: 16 }}>
        {shown !== null && MONTHS.map((m) => <MonthGrid key={m} year={shown} month={m} days={byDate} />)}
      </div>
      <Typography.Text type="secondary">
        标“休”的为放假日，标“班”的为调休上班日；其余周一至周五为工作日，周六、周日为休息日。
      </Typography.Text>
      {editable ? (
        <Form form={form} layout="inline" onFinish={addDay} initialValues={{ kind: 'off' }}>
          <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker
              aria-label="日期"
              format="YYYY-MM-DD"
              defaultPickerValue={shown !== null ? dayjs(`${shown}-01-01`) : undefined}
              disabledDate={(d) => shown !== null && d.year() !== shown}
            />
          </Form.Item>
          <Form.Item name="kind" label="类别">
            <Select
              aria-label="类别"
              style={{ width: 160 }}
              options={[
                { value: 'off', label: '休（放假）' },
                { value: 'work', label: '班（调休上班）' },
              ]}
            />
          </Form.Item>
          <Form.Item name="name" label="节日" rules={[{ required: true, whitespace: true, message: '请填写节日名称' }]}>
            <AutoComplete
              aria-label="节日"
              style={{ width: 160 }}
              options={HOLIDAY_NAMES.map((value) => ({ value }))}
              placeholder="如 国庆节"
            />
          </Form.Item>
          <Form.Item>
            <Button htmlType="submit">添加</Button>
          </Form.Item>
        </Form>
      ) : null}
      <Table<Draft>
        rowKey="date"
        size="small"
        pagination={false}
        loading={arrangement.isLoading}
        dataSource={days}
        locale={{
          emptyText: (
            <Empty description={editable ? '本年度尚未列出放假日或调休上班日，请在上方添加后保存' : '本年度尚未列出放假日或调休上班日'} />
          ),
        }}
        columns={[
          { title: '日期', dataIndex: 'date', width: 130 },
          { title: '星期', dataIndex: 'date', width: 80, render: (v: string) => `周${WEEKDAYS[weekdayOf(v)]}` },
          {
            title: '类别',
            dataIndex: 'kind',
            width: 120,
            render: (k: Draft['kind']) => <Tag color={k === 'off' ? 'red' : 'blue'}>{`${KIND_LABELS[k]} · ${KIND_NAMES[k]}`}</Tag>,
          },
          { title: '节日', dataIndex: 'name' },
          ...(editable
            ? [
                {
                  title: '操作',
                  width: 80,
                  render: (_: unknown, d: Draft) => (
                    <Button type="link" size="small" onClick={() => setDraft(days.filter((x) => x.date !== d.date))}>
                      删除
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editable ? (
        <Space wrap>
          <Input
            aria-label="通知文号"
            style={{ width: 280 }}
            placeholder="通知文号，如 国办发明电〔2025〕7号"
            value={source}
            maxLength={100}
            onChange={(e) => setSource(e.target.value)}
          />
          <Button type="primary" loading={save.isPending} disabled={!dirty && data?.maintained} onClick={() => save.mutate()}>
            保存 {shown} 年工作日历
          </Button>
          {dirty ? <Typography.Text>有未保存的修改</Typography.Text> : null}
        </Space>
      ) : null}
    </Space>
  );
}
