import { useQuery } from '@tanstack/react-query';
import { DatePicker, Input, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { api, type Page, query, roleLabel } from '../api';
import { useUrlState } from '../useUrlState';

interface AuditRow {
  id: number;
  at: string;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

const ACTIONS: Record<string, string> = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.login_failed': '登录失败',
  'auth.locked': '账号锁定',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.disable': '停用用户',
  'user.enable': '启用用户',
  'user.reset_password': '重置密码',
  'cluster.create': '新增集群',
  'cluster.update': '修改集群',
  'demo.seed': '写入演示数据',
};
const ENTITY_TYPES: Record<string, string> = { user: '用户', cluster: '产业集群', enterprise: '企业', system: '系统' };

export default function AuditPage() {
  const [state, setState] = useUrlState(['actor', 'entityType', 'entityId', 'action', 'from', 'to', 'page'] as const);
  const page = Number(state.page ?? 1);
  const list = useQuery({
    queryKey: ['audit', state],
    queryFn: () => api<Page<AuditRow>>(`/api/audit${query({ ...state, page, pageSize: 50 })}`),
  });
  return (
    <>
      <Typography.Title level={3}>审计日志</Typography.Title>
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search
          placeholder="操作人"
          allowClear
          defaultValue={state.actor}
          onSearch={(actor) => setState({ actor })}
          style={{ width: 180 }}
        />
        <Select
          placeholder="对象类型"
          allowClear
          value={state.entityType}
          onChange={(entityType) => setState({ entityType })}
          options={Object.entries(ENTITY_TYPES).map(([value, label]) => ({ value, label }))}
          style={{ width: 140 }}
        />
        <Input.Search
          placeholder="对象编号"
          allowClear
          defaultValue={state.entityId}
          onSearch={(entityId) => setState({ entityId })}
          style={{ width: 200 }}
        />
        <Select
          placeholder="操作"
          allowClear
          value={state.action}
          onChange={(action) => setState({ action })}
          options={Object.entries(ACTIONS).map(([value, label]) => ({ value, label }))}
          style={{ width: 160 }}
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
          rowExpandable: (r) => r.before !== null || r.after !== null,
          expandedRowRender: (r) => (
            <Space align="start" size="large">
              {r.before !== null && <pre style={{ margin: 0 }}>修改前：{JSON.stringify(r.before, null, 2)}</pre>}
              {r.after !== null && <pre style={{ margin: 0 }}>修改后：{JSON.stringify(r.after, null, 2)}</pre>}
            </Space>
          ),
        }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 170, render: (v) => dayjs(v).format('YYYY-MM-DD HH:mm:ss') },
          { title: '操作人', dataIndex: 'actorName', render: (v, r) => (v ? `${v} · ${roleLabel(r.actorRole ?? '')}` : '系统') },
          { title: '操作', dataIndex: 'action', render: (v) => ACTIONS[v] ?? v },
          { title: '对象', dataIndex: 'entityType', render: (v, r) => `${ENTITY_TYPES[v] ?? v}${r.entityId ? ` ${r.entityId}` : ''}` },
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
