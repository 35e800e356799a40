import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ApiError, ROLE_OPTIONS, type Role, roleLabel } from '../../shared/api';
import { dateTime, time } from '../../shared/format';
import { useSession } from '../../shared/session';
import { useUrlState } from '../../shared/useUrlState';
import { fetchEnterprises } from '../enterprises/api';
import { fetchDistricts, referenceKeys } from '../reference/api';
import { authKeys, createUser, fetchUsers, type NewUser, resetPassword, type UserRow, updateUser } from './api';

type Editing = { mode: 'create' } | { mode: 'edit'; user: UserRow } | { mode: 'password'; user: UserRow } | null;

/** Puts the server's field errors next to the fields of the form. */
function showFieldError(form: ReturnType<typeof Form.useForm>[0], error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  const details = error.details as { field?: string; fields?: { field: string; message: string }[] } | undefined;
  const fields = details?.fields ?? (details?.field ? [{ field: details.field, message: error.message }] : []);
  const known = fields.filter((f) => form.getFieldInstance(f.field) !== undefined || form.getFieldValue(f.field) !== undefined);
  if (!known.length) return false;
  form.setFields(known.map((f) => ({ name: f.field, errors: [f.message] })));
  return true;
}

function EnterpriseSelect({ value, onChange }: { value?: string; onChange?: (v: string) => void }) {
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['enterprise-search', q],
    queryFn: () => fetchEnterprises({ q, pageSize: 20 }),
  });
  return (
    <Select
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder="输入企业名称或信用代码搜索"
      options={found.data?.items.map((e) => ({ value: e.id, label: `${e.name}（${e.uscc}）` }))}
    />
  );
}

export default function UsersPage() {
  const { message } = App.useApp();
  const { user: me } = useSession();
  const client = useQueryClient();
  const [state, setState] = useUrlState(['q', 'role', 'page'] as const);
  const page = Number(state.page ?? 1);
  const [editing, setEditing] = useState<Editing>(null);
  const [form] = Form.useForm();
  const role = Form.useWatch('role', form) as Role | undefined;

  const districts = useQuery({ queryKey: referenceKeys.districts, queryFn: fetchDistricts });
  const list = useQuery({
    queryKey: authKeys.userList(state),
    queryFn: () => fetchUsers({ q: state.q, role: state.role, page, pageSize: 20 }),
  });
  const done = (text: string) => {
    message.success(text);
    client.invalidateQueries({ queryKey: authKeys.users });
    setEditing(null);
    form.resetFields();
  };
  const save = useMutation({
    mutationFn: (values: Record<string, unknown>) => {
      if (editing?.mode === 'create') return createUser(values as NewUser);
      if (editing?.mode === 'password') return resetPassword(editing.user.id, { password: String(values.password ?? '') });
      if (editing?.mode === 'edit') {
        const { displayName, role, districtCode, enterpriseId, organization, email, mobile } = values;
        return updateUser(editing.user.id, {
          ...({ displayName, role, districtCode, enterpriseId, organization, email: email ?? null, mobile: mobile ?? null } as Omit<
            Parameters<typeof updateUser>[1],
            'version'
          >),
          version: editing.user.version,
        });
      }
      throw new Error('nothing to save');
    },
    onSuccess: () => done(editing?.mode === 'create' ? '用户已创建' : editing?.mode === 'password' ? '密码已重置，账号已解锁' : '已保存'),
    onError: (error) => {
      if (!showFieldError(form, error)) message.error(error instanceof ApiError ? error.message : '保存失败');
    },
  });
  const toggle = useMutation({
    mutationFn: (u: UserRow) => updateUser(u.id, { version: u.version, disabled: !u.disabled }),
    onSuccess: () => done('已更新账号状态'),
    onError: (error) => {
      message.error(error instanceof ApiError ? error.message : '操作失败');
    },
  });

  const open = (next: Editing) => {
    form.resetFields();
    if (next?.mode === 'edit') form.setFieldsValue(next.user);
    setEditing(next);
  };

  return (
    <>
      <Typography.Title level={3}>用户管理</Typography.Title>
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search
          placeholder="用户名、姓名或单位"
          allowClear
          defaultValue={state.q}
          onSearch={(q) => setState({ q })}
          style={{ width: 260 }}
        />
        <Select
          placeholder="角色"
          aria-label="角色"
          allowClear
          value={state.role}
          onChange={(r) => setState({ role: r })}
          options={ROLE_OPTIONS}
          style={{ width: 160 }}
        />
        <Button type="primary" onClick={() => open({ mode: 'create' })}>
          新建用户
        </Button>
      </Space>
      <Table<UserRow>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '角色', dataIndex: 'role', render: roleLabel },
          {
            title: '所属',
            render: (_, u) => u.districtName ?? u.enterpriseName ?? u.organization ?? (u.role === 'city_admin' ? '全市' : ''),
          },
          {
            title: '状态',
            render: (_, u) =>
              u.disabled ? (
                <Tag color="default">已停用</Tag>
              ) : u.lockedUntil && dayjs(u.lockedUntil).isAfter(dayjs()) ? (
                <Tag color="orange">锁定至 {time(u.lockedUntil)}</Tag>
              ) : (
                <Tag color="green">正常</Tag>
              ),
          },
          { title: '最近登录', dataIndex: 'lastLoginAt', render: (v) => (v ? dateTime(v) : '从未登录') },
          {
            title: '操作',
            render: (_, u) => (
              <Space>
                <Button type="link" size="small" onClick={() => open({ mode: 'edit', user: u })}>
                  编辑
                </Button>
                <Button type="link" size="small" onClick={() => open({ mode: 'password', user: u })}>
                  重置密码
                </Button>
                {u.id !== me?.userId && (
                  <Popconfirm
                    title={u.disabled ? '启用该账号？' : '停用该账号？停用后其登录会话立即失效。'}
                    onConfirm={() => toggle.mutate(u)}
                  >
                    <Button type="link" size="small">
                      {u.disabled ? '启用' : '停用'}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total,
          showTotal: (t) => `共 ${t} 个用户`,
          onChange: (p) => setState({ page: p }, false),
        }}
      />
      <Modal
        open={editing !== null}
        title={editing?.mode === 'create' ? '新建用户' : editing?.mode === 'password' ? `重置密码：${editing.user.username}` : '编辑用户'}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        okText="保存"
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
          {editing?.mode === 'create' && (
            <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
              <Input autoComplete="off" />
            </Form.Item>
          )}
          {editing?.mode !== 'password' && (
            <>
              <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请输入姓名' }]}>
                <Input />
              </Form.Item>
              <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
                <Select options={ROLE_OPTIONS} />
              </Form.Item>
              {role === 'district_admin' && (
                <Form.Item name="districtCode" label="所属区县 / 功能区" rules={[{ required: true, message: '请选择区县' }]}>
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    options={districts.data?.map((d) => ({ value: d.code, label: d.name }))}
                  />
                </Form.Item>
              )}
              {role === 'enterprise' && (
                <Form.Item name="enterpriseId" label="绑定企业" rules={[{ required: true, message: '请选择企业' }]}>
                  <EnterpriseSelect />
                </Form.Item>
              )}
              {role && ['department', 'provider', 'bank', 'expert'].includes(role) && (
                <Form.Item name="organization" label="所属单位" rules={[{ required: true, message: '请输入所属单位' }]}>
                  <Input />
                </Form.Item>
              )}
              <Form.Item name="email" label="电子邮箱" extra="选填：配置了邮件发送时，站内消息同时发到这个邮箱">
                <Input type="email" autoComplete="off" />
              </Form.Item>
              <Form.Item name="mobile" label="手机号码" extra="选填：供短信等站外渠道使用">
                <Input inputMode="numeric" autoComplete="off" />
              </Form.Item>
            </>
          )}
          {editing?.mode !== 'edit' && (
            <Form.Item
              name="password"
              label={editing?.mode === 'password' ? '新密码' : '初始密码'}
              extra="10～128 个字符，至少包含大写字母、小写字母、数字、符号中的三类"
              rules={[{ required: true, message: '请输入密码' }]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
