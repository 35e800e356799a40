import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Cascader, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { query } from '../../shared/api';
import { count, date, wan } from '../../shared/format';
import { SIZE_LABELS, TIER_COLORS, TIER_LABELS } from '../../shared/labels';
import { useReference } from '../../shared/reference';
import { useSession } from '../../shared/session';
import { useUrlState } from '../../shared/useUrlState';
import { type EnterpriseRow, enterpriseKeys, fetchEnterprises } from './api';
import { EnterpriseForm } from './EnterpriseForm';

const FILTERS = [
  'q',
  'district',
  'zone',
  'tier',
  'industry',
  'cluster',
  'size',
  'establishedFrom',
  'establishedTo',
  'titleExpiresBy',
] as const;

export default function EnterprisesPage() {
  const { user } = useSession();
  const navigate = useNavigate();
  const ref = useReference();
  const [state, setState] = useUrlState([...FILTERS, 'sort', 'page', 'pageSize'] as const);
  const [creating, setCreating] = useState(false);
  const page = Number(state.page ?? 1);
  const pageSize = Number(state.pageSize ?? 20);
  const filters = Object.fromEntries(FILTERS.map((k) => [k, state[k]]));
  const list = useQuery({
    queryKey: enterpriseKeys.list(state),
    queryFn: () => fetchEnterprises({ ...filters, sort: state.sort, page, pageSize }),
  });
  const isOfficer = user?.role === 'city_admin' || user?.role === 'district_admin';
  // An enterprise user has one enterprise: its page is the list.
  if (user?.role === 'enterprise' && user.enterpriseId) return <Navigate to={`/enterprises/${user.enterpriseId}`} replace />;
  const sections = ref.industries.filter((i) => i.level === 'section');
  const industryOptions = sections.map((s) => ({
    value: s.code,
    label: `${s.code} ${s.name}`,
    children: ref.industries.filter((i) => i.parentCode === s.code).map((d) => ({ value: d.code, label: `${d.code} ${d.name}` })),
  }));
  const industryValue = ref.industryPath(state.industry);
  const filtered = FILTERS.some((k) => state[k]);
  const sortOrder = (key: string): SortOrder | undefined =>
    state.sort === key ? 'ascend' : state.sort === `-${key}` ? 'descend' : undefined;

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3}>{user?.role === 'enterprise' ? '本企业信息' : '企业库'}</Typography.Title>
        {isOfficer && (
          <Space>
            <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新增企业
            </Button>
            <Button icon={<UploadOutlined />} onClick={() => navigate('/enterprises/import')}>
              导入
            </Button>
            <Button type="primary" icon={<DownloadOutlined />} href={`/api/enterprises/export${query(filters)}`} data-testid="export">
              导出筛选结果
            </Button>
          </Space>
        )}
      </Space>
      {isOfficer && (
        <Space style={{ marginBottom: 16 }} wrap>
          <Input.Search
            key={state.q ?? ''} // remounts with the URL's value, e.g. after 清除筛选
            placeholder="企业名称（任意部分）或信用代码"
            allowClear
            defaultValue={state.q}
            onSearch={(q) => setState({ q })}
            style={{ width: 280 }}
          />
          {user?.role === 'city_admin' && (
            <Select
              placeholder="区县"
              aria-label="区县"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={state.district}
              onChange={(district) => setState({ district })}
              options={ref.districts.filter((d) => d.kind !== 'zone').map((d) => ({ value: d.code, label: d.name }))}
              style={{ width: 140 }}
            />
          )}
          <Select
            placeholder="功能区"
            aria-label="功能区"
            allowClear
            value={state.zone}
            onChange={(zone) => setState({ zone })}
            options={ref.districts.filter((d) => d.kind === 'zone').map((d) => ({ value: d.code, label: d.name }))}
            style={{ width: 190 }}
          />
          <Select
            placeholder="梯度称号"
            aria-label="梯度称号"
            allowClear
            value={state.tier}
            onChange={(tier) => setState({ tier })}
            options={[...Object.entries(TIER_LABELS).map(([value, label]) => ({ value, label })), { value: 'none', label: '暂无称号' }]}
            style={{ width: 170 }}
          />
          <Cascader
            placeholder="行业（门类 / 大类）"
            aria-label="行业（门类 / 大类）"
            changeOnSelect
            value={industryValue}
            options={industryOptions}
            onChange={(v) => setState({ industry: v ? String(v[v.length - 1]) : undefined })}
            style={{ width: 240 }}
            showSearch
          />
          <Select
            placeholder="“33618”集群"
            aria-label="“33618”集群"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={state.cluster}
            onChange={(cluster) => setState({ cluster })}
            options={ref.clusters.map((c) => ({ value: c.code, label: c.name }))}
            style={{ width: 180 }}
          />
          <Select
            placeholder="企业规模"
            aria-label="企业规模"
            allowClear
            value={state.size}
            onChange={(size) => setState({ size })}
            options={Object.entries(SIZE_LABELS).map(([value, label]) => ({ value, label }))}
            style={{ width: 110 }}
          />
          <Space.Compact>
            <InputNumber
              placeholder="成立年份从"
              value={state.establishedFrom ? Number(state.establishedFrom) : null}
              onChange={(v) => setState({ establishedFrom: v ?? undefined })}
              style={{ width: 110 }}
            />
            <InputNumber
              placeholder="至"
              value={state.establishedTo ? Number(state.establishedTo) : null}
              onChange={(v) => setState({ establishedTo: v ?? undefined })}
              style={{ width: 80 }}
            />
          </Space.Compact>
        </Space>
      )}
      {state.titleExpiresBy && (
        // Set by the 工作台's 称号即将到期 link: shown so that the list says what it is.
        <Tag closable color="orange" style={{ marginBottom: 16 }} onClose={() => setState({ titleExpiresBy: undefined })}>
          梯度称号有效期在 {date(state.titleExpiresBy)} 前届满（尚未进入复核）
        </Tag>
      )}
      <Table<EnterpriseRow>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        locale={{
          emptyText: filtered ? (
            <Space orientation="vertical">
              <span>没有符合筛选条件的企业。</span>
              <Button size="small" onClick={() => setState(Object.fromEntries(FILTERS.map((k) => [k, undefined])))}>
                清除筛选
              </Button>
            </Space>
          ) : (
            '数据范围内还没有企业：可点击“新增企业”逐家录入，或通过“导入”批量导入。'
          ),
        }}
        dataSource={list.data?.items}
        onChange={(_p, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const key = s?.order ? String(s.columnKey) : undefined;
          setState({ sort: key ? (s.order === 'descend' ? `-${key}` : key) : undefined });
        }}
        columns={[
          {
            title: '企业名称',
            key: 'name',
            sorter: true,
            sortOrder: sortOrder('name'),
            render: (_, e) => <Link to={`/enterprises/${e.id}`}>{e.name}</Link>,
          },
          { title: '统一社会信用代码', dataIndex: 'uscc', width: 190 },
          { title: '区县', dataIndex: 'districtName', width: 100 },
          { title: '行业', dataIndex: 'industryName', ellipsis: true, width: 180 },
          {
            title: '梯度称号',
            dataIndex: 'currentTier',
            width: 150,
            render: (t) => (t ? <Tag color={TIER_COLORS[t]}>{TIER_LABELS[t]}</Tag> : ''),
          },
          { title: '规模', dataIndex: 'sizeClass', width: 70, render: (s) => (s ? SIZE_LABELS[s] : '—') },
          {
            title: '营业收入（万元）',
            key: 'revenue',
            align: 'right',
            width: 150,
            sorter: true,
            sortOrder: sortOrder('revenue'),
            render: (_, e) => (e.latestRevenue === null ? '—' : `${wan(e.latestRevenue)}（${e.latestYear}）`),
          },
          {
            title: '成立日期',
            dataIndex: 'establishedOn',
            key: 'established',
            width: 110,
            sorter: true,
            sortOrder: sortOrder('established'),
          },
        ]}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total,
          showSizeChanger: true,
          showTotal: (total) => `共 ${count(total)} 家`,
          onChange: (p, size) => setState({ page: p, pageSize: size }, false),
        }}
      />
      {creating && <EnterpriseForm onClose={() => setCreating(false)} onSaved={(id) => navigate(`/enterprises/${id}`)} />}
    </>
  );
}
