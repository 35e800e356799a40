import { useQuery } from '@tanstack/react-query';
import { Input, Select, Space, Table, Typography } from 'antd';
import { api, type District, type Page, query } from '../api';
import { useSession } from '../session';
import { useUrlState } from '../useUrlState';

interface EnterpriseRow {
  id: string;
  uscc: string;
  name: string;
  districtCode: string;
  districtName: string;
  zoneCode: string | null;
  industryCode: string | null;
  establishedOn: string | null;
}

export default function EnterprisesPage() {
  const { user } = useSession();
  const [state, setState] = useUrlState(['q', 'district', 'page', 'pageSize'] as const);
  const page = Number(state.page ?? 1);
  const pageSize = Number(state.pageSize ?? 20);
  const districts = useQuery({ queryKey: ['districts'], queryFn: () => api<District[]>('/api/reference/districts') });
  const list = useQuery({
    queryKey: ['enterprises', state],
    queryFn: () => api<Page<EnterpriseRow>>(`/api/enterprises${query({ q: state.q, district: state.district, page, pageSize })}`),
  });
  const districtName = (code: string | null) => districts.data?.find((d) => d.code === code)?.name ?? code ?? '';
  return (
    <>
      <Typography.Title level={3}>{user?.role === 'enterprise' ? '本企业信息' : '企业库'}</Typography.Title>
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search
          placeholder="企业名称或统一社会信用代码"
          allowClear
          defaultValue={state.q}
          onSearch={(q) => setState({ q })}
          style={{ width: 320 }}
        />
        {user?.role === 'city_admin' && (
          <Select
            placeholder="区县 / 功能区"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={state.district}
            onChange={(district) => setState({ district })}
            options={districts.data?.map((d) => ({ value: d.code, label: d.name }))}
            style={{ width: 220 }}
          />
        )}
      </Space>
      <Table<EnterpriseRow>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items}
        columns={[
          { title: '企业名称', dataIndex: 'name' },
          { title: '统一社会信用代码', dataIndex: 'uscc', width: 200 },
          { title: '区县', dataIndex: 'districtName', width: 120 },
          { title: '功能区', dataIndex: 'zoneCode', width: 160, render: (code) => (code ? districtName(code) : '') },
          { title: '行业大类', dataIndex: 'industryCode', width: 90 },
          { title: '成立日期', dataIndex: 'establishedOn', width: 120 },
        ]}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total,
          showTotal: (total) => `共 ${total} 家`,
          onChange: (p, size) => setState({ page: p, pageSize: size }, false),
        }}
      />
    </>
  );
}
