import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Empty, Space, Table, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { EDITABLE_STATUSES, RECOGNITION_STATUS_LABELS, type RecognitionStatus } from '../../../../src/domain/recognition/lifecycle';
import { count, dateTime } from '../../shared/format';
import { TIER_COLORS } from '../../shared/labels';
import { useUrlState } from '../../shared/useUrlState';
import { type ApplicationListItem, fetchApplications, fetchRounds, recognitionKeys } from './api';
import { STATUS_TAG_COLORS } from './status';

const PAGE_SIZE = 20;

/** 我的申报: the enterprise's applications with their status, the reason of a return, and the way back into the form. */
export function MyApplications() {
  const navigate = useNavigate();
  // `status` (comma-separated) comes from the 工作台's link to the applications waiting for the enterprise.
  const [state, setState] = useUrlState(['page', 'status'] as const);
  const page = Number(state.page) || 1;
  const list = useQuery({
    queryKey: recognitionKeys.applications({ page, status: state.status }),
    queryFn: () => fetchApplications({ page, pageSize: PAGE_SIZE, status: state.status }),
  });
  // Whether the round still takes submissions decides whether a returned application may go in again.
  const rounds = useQuery({ queryKey: recognitionKeys.rounds({}), queryFn: () => fetchRounds() });
  const openRounds = new Set((rounds.data?.items ?? []).filter((r) => r.phase === 'open').map((r) => r.id));

  const action = (a: ApplicationListItem) => {
    const editable = EDITABLE_STATUSES.includes(a.status as RecognitionStatus);
    if (editable && openRounds.has(a.roundId)) {
      return (
        <Button type="primary" size="small" onClick={() => navigate(`/recognition/applications/${a.id}`)}>
          {a.status === 'returned' ? '修改后重新提交' : '继续填报'}
        </Button>
      );
    }
    return (
      <Space size={4}>
        <Button size="small" onClick={() => navigate(`/recognition/applications/${a.id}`)}>
          查看
        </Button>
        {a.submittedAt && (
          <Button size="small" onClick={() => navigate(`/recognition/applications/${a.id}/print`)}>
            打印申报书
          </Button>
        )}
      </Space>
    );
  };

  return (
    <>
      <Typography.Title level={3}>我的申报</Typography.Title>
      {list.error && <Alert type="error" showIcon title={(list.error as Error).message} />}
      {state.status && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`仅显示状态为${state.status
            .split(',')
            .map((s) => RECOGNITION_STATUS_LABELS[s as RecognitionStatus] ?? '未知状态')
            .join('、')}的申报`}
          action={
            <Button size="small" onClick={() => setState({ status: undefined })}>
              查看全部申报
            </Button>
          }
        />
      )}
      <Table<ApplicationListItem>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{
          emptyText: (
            <Empty
              description={
                state.status ? (
                  <span>没有这些状态的申报，点“查看全部申报”看其余申报。</span>
                ) : (
                  <span>
                    尚未申报。请到<Link to="/recognition/rounds">可申报批次</Link>选择批次并点“申报”。
                  </span>
                )
              }
            />
          ),
        }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showTotal: (n) => `共 ${count(n)} 项`,
          onChange: (p) => setState({ page: p }),
        }}
        columns={[
          { title: '申报批次', dataIndex: 'roundName' },
          { title: '认定层级', render: (_, a) => <Tag color={TIER_COLORS[a.tier]}>{a.tierLabel}</Tag> },
          {
            title: '状态',
            render: (_, a) => (
              <Tag color={STATUS_TAG_COLORS[a.status as RecognitionStatus]} data-testid="application-status">
                {a.statusLabel}
              </Tag>
            ),
          },
          { title: '自评得分', render: (_, a) => (a.score === null ? '—' : `${count(a.score)} 分`) },
          { title: '提交时间', render: (_, a) => dateTime(a.submittedAt) },
          {
            title: '退回原因',
            // Only while it is back with the enterprise: after a resubmission the reason is history.
            render: (_, a) =>
              a.status === 'returned' && (a.returnReasonLabel || a.returnReason) ? (
                <Typography.Text style={{ color: '#ad4e00' }} data-testid="return-reason">
                  {[a.returnReasonLabel, a.returnReason].filter(Boolean).join('：')}
                </Typography.Text>
              ) : (
                '—'
              ),
          },
          { title: '操作', render: (_, a) => action(a) },
        ]}
      />
    </>
  );
}

export default MyApplications;
