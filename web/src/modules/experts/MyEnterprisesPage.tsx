import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Input, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { count } from '../../shared/format';
import { TIER_COLORS, TIER_LABELS } from '../../shared/labels';
import { useUrlState } from '../../shared/useUrlState';
import { expertKeys, fetchMyProfile, searchEnterprises } from './api';

const PAGE_SIZE = 20;

/** 我的服务企业: the enterprises assigned to the signed-in expert, each opening its (read-only) page. */
export default function MyEnterprisesPage() {
  const [state, setState] = useUrlState(['q', 'page'] as const);
  const page = Number(state.page ?? 1);
  const profile = useQuery({ queryKey: expertKeys.me, queryFn: fetchMyProfile });
  const list = useQuery({
    queryKey: ['enterprises', 'assigned', state.q, page],
    queryFn: () => searchEnterprises({ q: state.q, page, pageSize: PAGE_SIZE }),
  });
  const p = profile.data;
  const byDistrict = p?.assignments.filter((a) => a.kind === 'district') ?? [];
  const pointToPoint = p?.assignments.filter((a) => a.kind === 'enterprise') ?? [];
  return (
    <>
      <Typography.Title level={3}>我的服务企业</Typography.Title>
      {profile.error && <Alert type="warning" showIcon title={(profile.error as Error).message} style={{ marginBottom: 16 }} />}
      {p && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Descriptions size="small" column={2}>
            <Descriptions.Item label="专家">{`${p.name}（${p.organization}）`}</Descriptions.Item>
            <Descriptions.Item label="专业领域">{p.industryName}</Descriptions.Item>
            <Descriptions.Item label="点对点服务">
              {pointToPoint.length ? pointToPoint.map((a) => a.enterpriseName).join('、') : '无'}
            </Descriptions.Item>
            <Descriptions.Item label="按区县服务">
              {byDistrict.length ? `${byDistrict.map((a) => a.districtName).join('、')}（专精特新中小企业）` : '无'}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      <Input.Search
        allowClear
        placeholder="企业名称或统一社会信用代码"
        defaultValue={state.q}
        onSearch={(q) => setState({ q: q || undefined, page: undefined })}
        style={{ maxWidth: 360, marginBottom: 16 }}
        aria-label="搜索企业"
      />
      <Table
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{
          emptyText: state.q
            ? '没有符合条件的服务企业，请换个关键词。'
            : '尚未给您分配服务企业。市经信委在专家库中分配后，企业会出现在这里。',
        }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showTotal: (t) => `共 ${count(t)} 家`,
          onChange: (next) => setState({ page: next === 1 ? undefined : String(next) }),
        }}
        columns={[
          { title: '企业名称', dataIndex: 'name', render: (name: string, e) => <Link to={`/enterprises/${e.id}`}>{name}</Link> },
          { title: '所在区县', dataIndex: 'districtName' },
          { title: '行业', dataIndex: 'industryName', render: (v: string | null) => v ?? '—' },
          {
            title: '梯度层级',
            dataIndex: 'currentTier',
            render: (t: string | null) => (t ? <Tag color={TIER_COLORS[t]}>{TIER_LABELS[t]}</Tag> : '—'),
          },
          { title: '操作', key: 'op', render: (_: unknown, e) => <Link to={`/enterprises/${e.id}`}>查看并记录服务</Link> },
        ]}
      />
    </>
  );
}
