import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../shared/api';
import { count, date, percent } from '../../shared/format';
import { useReference } from '../../shared/reference';
import { useSession } from '../../shared/session';
import { useUrlState } from '../../shared/useUrlState';
import { enterpriseKeys, fetchEnterprises } from '../enterprises/api';
import { addToSample, fetchRemoved, fetchSample, officerKeys, type RemovedItem, removeFromSample, type SampleItem } from './api-officers';
import { ScrollRegion } from './ScrollRegion';

const PAGE_SIZE = 20;
const SOURCE_OPTIONS = [
  { value: 'title', label: '持有梯度培育称号' },
  { value: 'added', label: '区县增补' },
];

/** 监测企业: the monitored sample of the district (or the city), its small-and-micro share, adding and removing. */
export function SamplePage() {
  const { user } = useSession();
  const isCity = user?.role === 'city_admin';
  const ref = useReference();
  const [state, setState] = useUrlState(['tab', 'district', 'q', 'source', 'page'] as const);
  const page = Number(state.page ?? 1);
  const filters = { district: state.district, q: state.q, source: state.source };
  const list = useQuery({
    queryKey: officerKeys.sample({ ...filters, page }),
    queryFn: () => fetchSample({ ...filters, page, pageSize: PAGE_SIZE }),
  });
  const removed = useQuery({
    queryKey: officerKeys.removed({ district: state.district, page }),
    queryFn: () => fetchRemoved({ district: state.district, page, pageSize: PAGE_SIZE }),
    enabled: state.tab === 'removed',
  });
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<SampleItem | null>(null);
  const share = list.data?.share;
  const filtered = Boolean(state.q || state.source || state.district);

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3}>监测企业</Typography.Title>
        <Button type="primary" onClick={() => setAdding(true)}>
          添加监测企业
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">
        持有有效称号的企业自动纳入监测；区县可添加其他中小企业。按国家规定，小型和微型企业应占一地监测企业的{' '}
        {share ? percent(share.minimum, 0) : '80%'} 以上。
      </Typography.Paragraph>
      {share && (
        <Alert
          style={{ marginBottom: 16 }}
          showIcon
          type={share.below ? 'warning' : 'success'}
          title={
            share.total === 0
              ? `${isCity ? '全市' : '本区县'}暂无监测企业：持有有效称号的企业会自动纳入，也可点“添加监测企业”。`
              : `${isCity && !state.district ? '全市' : ref.districtName(state.district) || '本区县'}监测企业 ${count(share.total)} 家，其中小型和微型企业 ${count(share.smallMicro)} 家，占 ${percent(share.percent)}${share.below ? `，低于 ${percent(share.minimum, 0)} 的要求：请添加小型和微型企业` : `，不低于 ${percent(share.minimum, 0)} 的要求`}${share.unknown ? `；另有 ${count(share.unknown)} 家企业规模未知，未计入占比，请在企业库中补充规模` : ''}。`
          }
        />
      )}
      <Space style={{ marginBottom: 16 }} wrap>
        {isCity && (
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="区县"
            aria-label="区县"
            style={{ width: 140 }}
            value={state.district}
            onChange={(v) => setState({ district: v })}
            options={ref.districts.map((d) => ({ value: d.code, label: d.name }))}
          />
        )}
        {state.tab !== 'removed' && (
          <>
            <Select
              allowClear
              placeholder="纳入方式"
              aria-label="纳入方式"
              style={{ width: 170 }}
              value={state.source}
              onChange={(v) => setState({ source: v })}
              options={SOURCE_OPTIONS}
            />
            <Input.Search
              allowClear
              placeholder="企业名称或统一社会信用代码"
              aria-label="企业名称或统一社会信用代码"
              defaultValue={state.q}
              onSearch={(v) => setState({ q: v.trim() || undefined })}
              style={{ width: 260 }}
            />
          </>
        )}
      </Space>
      {list.isError && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={(list.error as Error).message} />}
      <Tabs
        activeKey={state.tab === 'removed' ? 'removed' : 'in'}
        onChange={(k) => setState({ tab: k === 'removed' ? 'removed' : undefined })}
        items={[
          {
            key: 'in',
            label: '监测企业',
            children: (
              <ScrollRegion label="监测企业列表">
                <Table<SampleItem>
                  rowKey="enterpriseId"
                  loading={list.isLoading}
                  dataSource={list.data?.items}
                  style={{ minWidth: 'max-content' }}
                  locale={{
                    emptyText: filtered ? (
                      <Space orientation="vertical">
                        <span>没有符合筛选条件的监测企业。</span>
                        <Button size="small" onClick={() => setState({ q: undefined, source: undefined, district: undefined })}>
                          清除筛选
                        </Button>
                      </Space>
                    ) : (
                      '暂无监测企业。持有有效称号的企业会自动纳入监测，其他中小企业请点“添加监测企业”。'
                    ),
                  }}
                  columns={[
                    {
                      title: '企业名称',
                      render: (_, r) => (
                        <Space orientation="vertical" size={0}>
                          <Link to={`/enterprises/${r.enterpriseId}`}>{r.enterpriseName}</Link>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {r.uscc}
                          </Typography.Text>
                        </Space>
                      ),
                    },
                    { title: '区县', dataIndex: 'districtName' },
                    { title: '规模', dataIndex: 'sizeLabel' },
                    { title: '称号', dataIndex: 'tierLabel' },
                    {
                      title: '纳入方式',
                      render: (_, r) => <Tag color={r.source === 'title' ? 'blue' : 'green'}>{r.sourceLabel}</Tag>,
                    },
                    { title: '添加理由', render: (_, r) => r.reason ?? '—' },
                    { title: '变更日期', render: (_, r) => date(r.changedAt) },
                    {
                      title: '操作',
                      render: (_, r) => (
                        <Button size="small" danger onClick={() => setRemoving(r)} aria-label={`移出${r.enterpriseName}`}>
                          移出
                        </Button>
                      ),
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
              </ScrollRegion>
            ),
          },
          {
            key: 'removed',
            label: '已移出',
            children: (
              <ScrollRegion label="已移出的企业">
                <Table<RemovedItem>
                  rowKey="enterpriseId"
                  loading={removed.isLoading}
                  dataSource={removed.data?.items}
                  style={{ minWidth: 'max-content' }}
                  locale={{ emptyText: '没有移出监测的企业。在“监测企业”中点“移出”并填写理由后，企业会列在这里。' }}
                  columns={[
                    {
                      title: '企业名称',
                      render: (_, r) => <Link to={`/enterprises/${r.enterpriseId}`}>{r.enterpriseName}</Link>,
                    },
                    { title: '区县', dataIndex: 'districtName' },
                    { title: '称号', dataIndex: 'tierLabel' },
                    { title: '移出理由', render: (_, r) => r.reason ?? '—' },
                    { title: '操作人', render: (_, r) => r.changedByName ?? '—' },
                    { title: '移出日期', render: (_, r) => date(r.changedAt) },
                    {
                      title: '操作',
                      render: (_, r) => <RestoreButton item={r} />,
                    },
                  ]}
                  pagination={{
                    current: page,
                    pageSize: PAGE_SIZE,
                    total: removed.data?.total,
                    showSizeChanger: false,
                    showTotal: (t) => `共 ${count(t)} 家`,
                    onChange: (p) => setState({ page: p }, false),
                  }}
                />
              </ScrollRegion>
            ),
          },
        ]}
      />
      {adding && <AddDialog onClose={() => setAdding(false)} />}
      {removing && <RemoveDialog item={removing} onClose={() => setRemoving(null)} />}
    </>
  );
}

function errorText(e: unknown, fallback: string) {
  return e instanceof ApiError ? e.message : fallback;
}

function RestoreButton({ item }: { item: RemovedItem }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const restore = useMutation({
    mutationFn: () => addToSample(item.enterpriseId, '恢复监测'),
    onSuccess: () => {
      message.success(`${item.enterpriseName}已恢复监测`);
      client.invalidateQueries({ queryKey: officerKeys.all });
    },
    onError: (e) => {
      message.error(errorText(e, '恢复失败，请稍后重试'));
    },
  });
  return (
    <Button size="small" loading={restore.isPending} onClick={() => restore.mutate()} aria-label={`恢复监测${item.enterpriseName}`}>
      恢复监测
    </Button>
  );
}

/** Adds an enterprise of the registry to the sample: search by name or USCC, pick one, give a reason. */
function AddDialog({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<string | undefined>();
  const [reason, setReason] = useState('');
  const found = useQuery({
    queryKey: enterpriseKeys.list({ q, pageSize: 20, purpose: 'monitoring-sample' }),
    queryFn: () => fetchEnterprises({ q, pageSize: 20 }),
    enabled: q.length >= 2,
  });
  const add = useMutation({
    mutationFn: () => addToSample(picked as string, reason.trim() || undefined),
    onSuccess: (result) => {
      const name = found.data?.items.find((e) => e.id === picked)?.name ?? '该企业';
      message.success(result.source === 'title' ? `${name}持有有效称号，已在监测企业中` : `${name}已纳入监测`);
      client.invalidateQueries({ queryKey: officerKeys.all });
      onClose();
    },
    onError: (e) => {
      message.error(errorText(e, '添加失败，请稍后重试'));
    },
  });
  return (
    <Modal
      open
      title="添加监测企业"
      okText="纳入监测"
      cancelText="取消"
      okButtonProps={{ disabled: !picked, loading: add.isPending }}
      onOk={() => add.mutate()}
      onCancel={onClose}
    >
      <Form layout="vertical">
        <Form.Item label="企业" extra="输入企业名称或统一社会信用代码中的至少两个字查找企业库中的企业。" htmlFor="sample-add-enterprise">
          <Select
            id="sample-add-enterprise"
            showSearch={{ filterOption: false, onSearch: (v) => setQ(v.trim()) }}
            placeholder="企业名称或统一社会信用代码"
            value={picked}
            onChange={setPicked}
            loading={found.isFetching}
            notFoundContent={q.length < 2 ? '请输入至少两个字' : found.isFetching ? '正在查找…' : '企业库中没有匹配的企业'}
            options={(found.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.districtName}）` }))}
          />
        </Form.Item>
        <Form.Item label="纳入理由" htmlFor="sample-add-reason">
          <Input.TextArea id="sample-add-reason" rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Takes an enterprise out of the sample: a reason is required. */
function RemoveDialog({ item, onClose }: { item: SampleItem; onClose: () => void }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const remove = useMutation({
    mutationFn: () => removeFromSample(item.enterpriseId, reason.trim()),
    onSuccess: () => {
      message.success(`${item.enterpriseName}已移出监测`);
      client.invalidateQueries({ queryKey: officerKeys.all });
      onClose();
    },
    onError: (e) => {
      message.error(errorText(e, '移出失败，请稍后重试'));
    },
  });
  return (
    <Modal
      open
      title={`移出监测：${item.enterpriseName}`}
      okText="移出"
      okButtonProps={{ danger: true, disabled: !reason.trim(), loading: remove.isPending }}
      cancelText="取消"
      onOk={() => remove.mutate()}
      onCancel={onClose}
    >
      <Form layout="vertical">
        <Form.Item label="移出理由" required htmlFor="sample-remove-reason" extra="例如：企业已注销、迁出本区县或不再符合中小企业标准。">
          <Input.TextArea id="sample-remove-reason" rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default SamplePage;
