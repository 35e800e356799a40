import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../shared/api';
import { count, date, dateTime } from '../../shared/format';
import { useReference } from '../../shared/reference';
import { useSession } from '../../shared/session';
import { useUrlState } from '../../shared/useUrlState';
import { type AnnualUpdateRow, fetchAnnualUpdateDeadline, fetchAnnualUpdates, recognitionKeys, setAnnualUpdateDeadline } from './api';

const STATUS_COLORS: Record<string, string> = { done: 'green', pending: 'blue', late: 'red', not_required: 'default' };
const PAGE_SIZE = 20;

function DeadlineSetting({ dataYear }: { dataYear: number }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const deadline = useQuery({
    queryKey: ['recognition', 'annual-deadline', dataYear],
    queryFn: () => fetchAnnualUpdateDeadline(dataYear),
    retry: false,
  });
  const [value, setValue] = useState<Dayjs | null>(null);
  const save = useMutation({
    mutationFn: (d: Dayjs) => setAnnualUpdateDeadline(dataYear, { dueOn: d.format('YYYY-MM-DD') }),
    onSuccess: (r) => {
      message.success(`${dataYear} 年度信息更新截止日已设为 ${r.dueOn}`);
      setValue(null);
      client.invalidateQueries({ queryKey: ['recognition', 'annual-deadline', dataYear] });
      client.invalidateQueries({ queryKey: ['recognition', 'annual-updates'] });
    },
    onError: (e) => {
      message.error(e instanceof ApiError ? e.message : '保存失败，请稍后重试');
    },
  });
  const d = deadline.data;
  return (
    <Card size="small" title="更新截止日设置" style={{ marginBottom: 16 }}>
      <Space wrap>
        <span>
          {dataYear} 年度数据的更新截止日：
          <Typography.Text strong>{d ? d.dueOn : '—'}</Typography.Text>
          {d && (d.source === 'default' ? '（按规则默认）' : `（已设置，规则默认为 ${d.defaultDueOn}）`)}
        </span>
        <DatePicker aria-label="新的截止日" value={value} onChange={setValue} placeholder="选择新的截止日" />
        <Button type="primary" disabled={!value} loading={save.isPending} onClick={() => value && save.mutate(value)}>
          保存截止日
        </Button>
      </Space>
    </Card>
  );
}

/** 年度更新监测 (officers): holders of a valid title and whether they updated last year's figures. */
export function AnnualUpdateMonitor() {
  const { user } = useSession();
  const ref = useReference();
  const isCity = user?.role === 'city_admin';
  const lastYear = dayjs().year() - 1;
  const [state, setState] = useUrlState(['dataYear', 'status', 'district', 'page'] as const);
  const dataYear = Number(state.dataYear ?? lastYear);
  const status = (state.status ?? 'missing') as 'missing' | 'done' | 'all';
  const page = Number(state.page ?? 1);
  const f = {
    dataYear,
    status: status === 'all' ? undefined : status,
    districtCode: state.district,
    page,
    pageSize: PAGE_SIZE,
  };
  const list = useQuery({ queryKey: recognitionKeys.annualUpdates(f), queryFn: () => fetchAnnualUpdates(f) });
  return (
    <>
      <Typography.Title level={3}>年度更新监测</Typography.Title>
      {isCity && <DeadlineSetting dataYear={dataYear} />}
      <Space style={{ marginBottom: 16 }} wrap>
        <Select
          aria-label="数据年度"
          style={{ width: 140 }}
          value={String(dataYear)}
          onChange={(v) => setState({ dataYear: v })}
          options={Array.from({ length: 6 }, (_, i) => String(lastYear - i)).map((y) => ({ value: y, label: `${y} 年度` }))}
        />
        <Segmented
          value={status}
          onChange={(v) => setState({ status: v === 'missing' ? undefined : String(v) })}
          options={[
            { value: 'missing', label: '未更新' },
            { value: 'done', label: '已更新' },
            { value: 'all', label: '全部' },
          ]}
        />
        {isCity && (
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="全部区县"
            aria-label="区县"
            style={{ width: 160 }}
            value={state.district}
            onChange={(v) => setState({ district: v })}
            options={ref.districts.map((d) => ({ value: d.code, label: d.name }))}
          />
        )}
        {list.data && (
          <Typography.Text type="secondary">
            截止日 {date(list.data.dueOn)}；未更新的企业在截止前 30、7、1 天收到提醒，逾期未更新将不能参加复核。
          </Typography.Text>
        )}
      </Space>
      {list.isError && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={(list.error as Error).message} />}
      <Table<AnnualUpdateRow>
        rowKey={(r) => `${r.enterpriseId}-${r.tier}`}
        loading={list.isLoading}
        dataSource={list.data?.items}
        locale={{
          emptyText:
            status === 'missing'
              ? `${dataYear} 年度的有效称号企业均已更新，或${isCity ? '全市' : '本区县'}暂无有效称号企业。`
              : `${dataYear} 年度暂无已更新的企业。企业在“年度信息更新”中提交后会列在这里。`,
        }}
        columns={[
          { title: '企业名称', render: (_, r) => <Link to={`/enterprises/${r.enterpriseId}`}>{r.enterpriseName}</Link> },
          { title: '统一社会信用代码', dataIndex: 'uscc', width: 200 },
          { title: '区县', dataIndex: 'districtName', width: 100 },
          { title: '称号', dataIndex: 'tierLabel', width: 190 },
          { title: '状态', width: 100, render: (_, r) => <Tag color={STATUS_COLORS[r.status]}>{r.statusLabel}</Tag> },
          {
            title: '更新时间',
            width: 170,
            render: (_, r) => (r.submittedAt ? `${dateTime(r.submittedAt)}${r.onTime === false ? '（逾期）' : ''}` : '—'),
          },
        ]}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total,
          showSizeChanger: false,
          showTotal: (t) => `共 ${count(t)} 家`,
          onChange: (p) => setState({ page: p }, false),
        }}
      />
    </>
  );
}

export default AnnualUpdateMonitor;
