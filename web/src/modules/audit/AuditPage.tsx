import { useQuery } from '@tanstack/react-query';
import { DatePicker, Input, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { ENTITY_TYPE_LABELS } from '../../../../src/domain/labels';
import { roleLabel } from '../../shared/api';
import { dateTime } from '../../shared/format';
import { useUrlState } from '../../shared/useUrlState';
import { type AuditRow, auditKeys, fetchAudit, fetchAuditActions } from './api';

export default function AuditPage() {
  const [state, setState] = useUrlState(['actor', 'entityType', 'entityId', 'enterprise', 'action', 'from', 'to', 'page'] as const);
  const page = Number(state.page ?? 1);
  const actions = useQuery({
    queryKey: auditKeys.actions,
    queryFn: fetchAuditActions,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const list = useQuery({
    queryKey: auditKeys.list(state),
    queryFn: () => fetchAudit({ ...state, page, pageSize: 50 }),
  });
  return (
    <>
      <Typography.Title level={3}>审计日志</Typography.Title>
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search
          placeholder="操作人"
          aria-label="操作人"
          allowClear
          defaultValue={state.actor}
          onSearch={(actor) => setState({ actor })}
          style={{ width: 180 }}
        />
        <Select
          placeholder="对象类型"
          aria-label="对象类型"
          allowClear
          value={state.entityType}
          onChange={(entityType) => setState({ entityType })}
          options={Object.entries(ENTITY_TYPE_LABELS).map(([value, label]) => ({ value, label }))}
          style={{ width: 140 }}
        />
        <Input.Search
          placeholder="企业名称"
          aria-label="企业名称"
          allowClear
          defaultValue={state.enterprise}
          onSearch={(enterprise) => setState({ enterprise })}
          style={{ width: 220 }}
        />
        <Select
          placeholder="操作"
          aria-label="操作"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          // Every action is in the list (not only the rows a virtual list has drawn).
          virtual={false}
          value={state.action}
          onChange={(action) => setState({ action })}
          options={actions.data?.map((a) => ({ value: a.action, label: a.label }))}
          style={{ width: 180 }}
        />
        <DatePicker.RangePicker
          showTime
          value={state.from && state.to ? [dayjs(state.from), dayjs(state.to)] : null}
          onChange={(range) => setState({ from: range?.[0]?.toISOString(), to: range?.[1]?.toISOString() })}
        />
      </Space>
      <Table<AuditRow>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items}
        expandable={{
          rowExpandable: (r) => r.changes.length > 0,
          expandedRowRender: (r) => (
            <Table
              size="small"
              pagination={false}
              rowKey="field"
              dataSource={r.changes}
              columns={[
                { title: '项目', dataIndex: 'label', width: 260 },
                { title: '修改前', dataIndex: 'before', render: (v) => v ?? '—' },
                { title: '修改后', dataIndex: 'after', render: (v) => v ?? '—' },
              ]}
            />
          ),
        }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 170, render: (v) => dateTime(v, { seconds: true }) },
          { title: '操作人', dataIndex: 'actorName', render: (v, r) => (v ? `${v} · ${roleLabel(r.actorRole ?? '')}` : '系统') },
          { title: '操作', dataIndex: 'actionLabel' },
          { title: '对象', dataIndex: 'entityLabel', render: (v, r) => `${r.entityTypeLabel}：${v}` },
          { title: 'IP', dataIndex: 'ip', width: 130 },
        ]}
        pagination={{
          current: page,
          pageSize: 50,
          total: list.data?.total,
          showTotal: (t) => `共 ${t} 条`,
          onChange: (p) => setState({ page: p }, false),
        }}
      />
    </>
  );
}
