import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  List,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { count, dateTime } from '../../shared/format';
import { useReference } from '../../shared/reference';
import { useUrlState } from '../../shared/useUrlState';
import {
  assignExpert,
  createAccount,
  createExpert,
  declareConflict,
  type ExpertDetail,
  type ExpertFields,
  type ExpertListItem,
  expertKeys,
  fetchExpert,
  fetchExperts,
  searchEnterprises,
  unassignExpert,
  updateExpert,
  withdrawConflict,
} from './api';

const PAGE_SIZE = 20;

/** 专家库 (city administrator): the pool, its accounts, conflicts of interest and assignments. */
export default function ExpertsPage() {
  const [state, setState] = useUrlState(['q', 'industry', 'district', 'page'] as const);
  const page = Number(state.page ?? 1);
  const filter = { q: state.q, industry: state.industry, district: state.district, page, pageSize: PAGE_SIZE };
  const ref = useReference();
  const list = useQuery({ queryKey: expertKeys.list(filter), queryFn: () => fetchExperts(filter) });
  const [editing, setEditing] = useState<ExpertListItem | 'new' | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ marginBottom: 0 }}>
          专家库
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          新增专家
        </Button>
      </Space>
      <Space style={{ margin: '16px 0' }} wrap>
        <Input.Search
          allowClear
          placeholder="姓名或单位"
          aria-label="搜索专家"
          defaultValue={state.q}
          onSearch={(q) => setState({ q: q || undefined, page: undefined })}
          style={{ width: 240 }}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="专业领域（行业大类）"
          aria-label="专业领域"
          style={{ width: 260 }}
          value={state.industry}
          onChange={(v) => setState({ industry: v, page: undefined })}
          options={ref.industries.filter((i) => i.level === 'division').map((i) => ({ value: i.code, label: i.name }))}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="服务区县"
          aria-label="服务区县"
          style={{ width: 180 }}
          value={state.district}
          onChange={(v) => setState({ district: v, page: undefined })}
          options={ref.districts.map((d) => ({ value: d.code, label: d.name }))}
        />
      </Space>
      <Table
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{
          emptyText:
            state.q || state.industry || state.district
              ? '没有符合条件的专家，请调整筛选条件。'
              : '专家库为空：点“新增专家”录入第一位专家。',
        }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showTotal: (t) => `共 ${count(t)} 位`,
          onChange: (next) => setState({ page: next === 1 ? undefined : String(next) }),
        }}
        columns={[
          {
            title: '姓名',
            dataIndex: 'name',
            render: (name: string, e) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => setOpenId(e.id)}>
                {name}
              </Button>
            ),
          },
          { title: '单位', dataIndex: 'organization' },
          { title: '专业领域', dataIndex: 'industryName' },
          { title: '服务区县', key: 'districts', render: (_: unknown, e) => e.districts.map((d) => d.name).join('、') || '—' },
          { title: '点对点企业', dataIndex: 'enterpriseAssignments', render: (n: number) => `${count(n)} 家` },
          { title: '按区县服务', key: 'byDistrict', render: (_: unknown, e) => e.districtAssignments.map((d) => d.name).join('、') || '—' },
          { title: '利益冲突', dataIndex: 'conflicts', render: (n: number) => (n ? <Tag color="orange">{`${count(n)} 项`}</Tag> : '无') },
          { title: '登录账号', dataIndex: 'username', render: (u: string | null) => u ?? <Tag>未开通</Tag> },
          {
            title: '操作',
            key: 'op',
            render: (_: unknown, e) => (
              <Space>
                <Button size="small" onClick={() => setOpenId(e.id)}>
                  分配与冲突
                </Button>
                <Button size="small" onClick={() => setEditing(e)}>
                  编辑
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing && <ExpertForm expert={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {openId && <ExpertDrawer id={openId} onClose={() => setOpenId(null)} />}
    </>
  );
}

interface FormValues extends ExpertFields {
  username?: string;
  password?: string;
}

function ExpertForm({ expert, onClose }: { expert: ExpertListItem | null; onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const ref = useReference();
  const client = useQueryClient();
  const { message } = App.useApp();
  const save = useMutation({
    mutationFn: (v: FormValues) => {
      const fields = {
        name: v.name,
        industryCode: v.industryCode,
        organization: v.organization,
        districtCodes: v.districtCodes ?? [],
        contactPhone: v.contactPhone?.trim() ? v.contactPhone : null,
      };
      if (expert) return updateExpert(expert.id, { ...fields, version: expert.version });
      return createExpert({ ...fields, ...(v.username ? { account: { username: v.username, password: v.password ?? '' } } : {}) });
    },
    onSuccess: () => {
      message.success(expert ? '专家信息已保存' : '专家已加入专家库');
      client.invalidateQueries({ queryKey: expertKeys.all });
      onClose();
    },
    onError: (e) => {
      message.error(e.message);
    },
  });
  return (
    <Modal
      open
      title={expert ? `编辑专家：${expert.name}` : '新增专家'}
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={expert ? { ...expert, districtCodes: expert.districts.map((d) => d.code) } : { districtCodes: [] }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 50 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="organization" label="单位" rules={[{ required: true, whitespace: true, message: '请填写单位' }, { max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="industryCode" label="专业领域（国民经济行业大类）" rules={[{ required: true, message: '请选择专业领域' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={ref.industries.filter((i) => i.level === 'division').map((i) => ({ value: i.code, label: i.name }))}
          />
        </Form.Item>
        <Form.Item name="districtCodes" label="服务区县">
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            options={ref.districts.map((d) => ({ value: d.code, label: d.name }))}
          />
        </Form.Item>
        <Form.Item name="contactPhone" label="联系电话">
          <Input />
        </Form.Item>
        {!expert && (
          <>
            <Typography.Paragraph type="secondary">开通登录账号（可不填，以后再开通）：专家首次登录须修改密码。</Typography.Paragraph>
            <Form.Item name="username" label="登录用户名">
              <Input placeholder="如 expert.zhang" autoComplete="off" />
            </Form.Item>
            <Form.Item name="password" label="初始密码">
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

function ExpertDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const detail = useQuery({ queryKey: expertKeys.one(id), queryFn: () => fetchExpert(id) });
  const client = useQueryClient();
  const { message } = App.useApp();
  const refresh = () => client.invalidateQueries({ queryKey: expertKeys.all });
  const act = useMutation({
    mutationFn: (f: () => Promise<unknown>) => f(),
    onSuccess: () => refresh(),
    onError: (e) => {
      message.error(e.message);
    },
  });
  const e = detail.data;
  return (
    <Drawer open size="large" title={e ? `${e.name}（${e.organization}）` : '专家'} onClose={onClose}>
      {e && (
        <>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="专业领域">{e.industryName}</Descriptions.Item>
            <Descriptions.Item label="服务区县">{e.districts.map((d) => d.name).join('、') || '—'}</Descriptions.Item>
            <Descriptions.Item label="联系电话">{e.contactPhone ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="登录账号">{e.username ?? <AccountForm expert={e} />}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            服务分配
          </Typography.Title>
          <AssignForm expert={e} onAssign={(body) => act.mutateAsync(() => assignExpert(e.id, body))} />
          <List
            size="small"
            dataSource={e.assignments}
            locale={{ emptyText: '尚未分配：点对点选择一家“小巨人”企业，或按区县选择服务区县。' }}
            renderItem={(a) => (
              <List.Item
                actions={[
                  <Popconfirm key="x" title="取消这项分配？服务记录会保留。" onConfirm={() => act.mutate(() => unassignExpert(e.id, a.id))}>
                    <Button size="small" danger>
                      取消分配
                    </Button>
                  </Popconfirm>,
                ]}
              >
                <Space>
                  <Tag>{a.kindLabel}</Tag>
                  {a.kind === 'enterprise' ? a.enterpriseName : `${a.districtName}全部专精特新中小企业`}
                  <Typography.Text type="secondary">{dateTime(a.createdAt)}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            利益冲突申报
          </Typography.Title>
          <ConflictForm onDeclare={(body) => act.mutateAsync(() => declareConflict(e.id, body))} />
          <List
            size="small"
            dataSource={e.conflicts}
            locale={{ emptyText: '未申报利益冲突。' }}
            renderItem={(c) => (
              <List.Item
                actions={[
                  <Popconfirm
                    key="x"
                    title="撤销这项利益冲突登记？"
                    onConfirm={() => act.mutate(() => withdrawConflict(e.id, c.enterpriseId))}
                  >
                    <Button size="small">撤销</Button>
                  </Popconfirm>,
                ]}
              >
                {c.enterpriseName}：{c.reason}
              </List.Item>
            )}
          />
        </>
      )}
    </Drawer>
  );
}

function EnterprisePicker({ tier, value, onChange }: { tier?: string; value?: string; onChange?: (v: string) => void }) {
  const [q, setQ] = useState('');
  const found = useQuery({ queryKey: ['enterprises', 'pick', tier, q], queryFn: () => searchEnterprises({ q: q || undefined, tier }) });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder="输入企业名称搜索"
      aria-label="选择企业"
      style={{ width: 320 }}
      value={value}
      onChange={onChange}
      loading={found.isLoading}
      notFoundContent="没有符合条件的企业"
      options={(found.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.districtName}）` }))}
    />
  );
}

function AssignForm({
  expert,
  onAssign,
}: {
  expert: ExpertDetail;
  onAssign: (body: { kind: 'enterprise'; enterpriseId: string } | { kind: 'district'; districtCode: string }) => Promise<unknown>;
}) {
  const [kind, setKind] = useState<'enterprise' | 'district'>('enterprise');
  const [enterpriseId, setEnterpriseId] = useState<string>();
  const [districtCode, setDistrictCode] = useState<string>();
  return (
    <Space wrap style={{ marginBottom: 8 }}>
      <Radio.Group
        optionType="button"
        value={kind}
        onChange={(ev) => setKind(ev.target.value)}
        options={[
          { value: 'enterprise', label: '点对点（小巨人）' },
          { value: 'district', label: '按区县（专精特新）' },
        ]}
      />
      {kind === 'enterprise' ? (
        <EnterprisePicker tier="little_giant" value={enterpriseId} onChange={setEnterpriseId} />
      ) : (
        <Select
          placeholder={expert.districts.length ? '选择服务区县' : '请先在“编辑”中添加服务区县'}
          aria-label="分配区县"
          style={{ width: 200 }}
          value={districtCode}
          onChange={setDistrictCode}
          options={expert.districts.map((d) => ({ value: d.code, label: d.name }))}
        />
      )}
      <Button
        type="primary"
        disabled={kind === 'enterprise' ? !enterpriseId : !districtCode}
        onClick={() =>
          onAssign(
            kind === 'enterprise' ? { kind, enterpriseId: enterpriseId as string } : { kind, districtCode: districtCode as string },
          ).then(
            () => {
              setEnterpriseId(undefined);
              setDistrictCode(undefined);
            },
            () => undefined,
          )
        }
      >
        分配
      </Button>
    </Space>
  );
}

function ConflictForm({ onDeclare }: { onDeclare: (body: { enterpriseId: string; reason: string }) => Promise<unknown> }) {
  const [enterpriseId, setEnterpriseId] = useState<string>();
  const [reason, setReason] = useState('');
  return (
    <Space wrap style={{ marginBottom: 8 }}>
      <EnterprisePicker value={enterpriseId} onChange={setEnterpriseId} />
      <Input
        placeholder="冲突原因，如：曾在该企业任职"
        aria-label="冲突原因"
        value={reason}
        onChange={(ev) => setReason(ev.target.value)}
        style={{ width: 240 }}
      />
      <Button
        disabled={!enterpriseId || !reason.trim()}
        onClick={() =>
          onDeclare({ enterpriseId: enterpriseId as string, reason }).then(
            () => {
              setEnterpriseId(undefined);
              setReason('');
            },
            () => undefined,
          )
        }
      >
        登记冲突
      </Button>
    </Space>
  );
}

function AccountForm({ expert }: { expert: ExpertDetail }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const client = useQueryClient();
  const { message } = App.useApp();
  const save = useMutation({
    mutationFn: () => createAccount(expert.id, { username, password }),
    onSuccess: () => {
      message.success('账号已开通，专家首次登录须修改密码');
      client.invalidateQueries({ queryKey: expertKeys.all });
    },
    onError: (e) => {
      message.error(e.message);
    },
  });
  return (
    <Space wrap>
      <Input
        placeholder="登录用户名"
        aria-label="登录用户名"
        value={username}
        onChange={(ev) => setUsername(ev.target.value)}
        style={{ width: 160 }}
      />
      <Input.Password
        placeholder="初始密码"
        aria-label="初始密码"
        value={password}
        onChange={(ev) => setPassword(ev.target.value)}
        style={{ width: 160 }}
      />
      <Button disabled={!username || !password} loading={save.isPending} onClick={() => save.mutate()}>
        开通账号
      </Button>
    </Space>
  );
}
