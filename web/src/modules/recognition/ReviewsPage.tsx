import { useQuery } from '@tanstack/react-query';
import { Alert, Segmented, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { count, dateTime } from '../../shared/format';
import { useUrlState } from '../../shared/useUrlState';
import { type AssignedReview, fetchMyReviews, recognitionKeys } from './api';

/** 专家评审: the applications this expert was drawn for; each opens the application with the scoring form. */
export default function ReviewsPage() {
  const [state, setState] = useUrlState(['status'] as const);
  const list = useQuery({ queryKey: recognitionKeys.myReviews, queryFn: fetchMyReviews });
  const items = (list.data?.items ?? []).filter((r) => !state.status || r.status === state.status);
  const pending = (list.data?.items ?? []).filter((r) => r.status === 'pending').length;
  return (
    <>
      <Typography.Title level={3}>专家评审</Typography.Title>
      <Space style={{ marginBottom: 16 }}>
        <Segmented
          value={state.status ?? 'all'}
          onChange={(v) => setState({ status: v === 'all' ? undefined : String(v) })}
          options={[
            { value: 'all', label: '全部' },
            { value: 'pending', label: `待评审（${count(pending)}）` },
            { value: 'submitted', label: '已提交' },
          ]}
        />
      </Space>
      {list.isError && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={(list.error as Error).message} />}
      <Table<AssignedReview>
        rowKey="applicationId"
        loading={list.isLoading}
        dataSource={items}
        locale={{
          emptyText: state.status
            ? '没有该状态的评审任务。'
            : '暂无分配给您的评审任务。市经信委抽取专家后，分配给您的申报会出现在这里，并通过消息中心通知您。',
        }}
        columns={[
          {
            title: '企业名称',
            render: (_, r) => <Link to={`/recognition/applications/${r.applicationId}`}>{r.enterpriseName}</Link>,
          },
          { title: '申报层级', dataIndex: 'tierLabel', width: 170 },
          { title: '申报批次', dataIndex: 'roundName', width: 240, ellipsis: true },
          { title: '分配时间', dataIndex: 'assignedAt', width: 160, render: (v: string) => dateTime(v) },
          {
            title: '状态',
            width: 100,
            render: (_, r) => <Tag color={r.status === 'pending' ? 'blue' : 'green'}>{r.statusLabel}</Tag>,
          },
          {
            title: '操作',
            width: 100,
            render: (_, r) => (
              <Link to={`/recognition/applications/${r.applicationId}`}>{r.status === 'pending' && r.editable ? '评审' : '查看'}</Link>
            ),
          },
        ]}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${count(t)} 项` }}
      />
    </>
  );
}
