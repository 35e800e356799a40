import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Empty, Space, Table, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { count, date } from '../../shared/format';
import { useSession } from '../../shared/session';
import { fetchMyReports, type MyReportItem, monitoringKeys } from './api';
import { periodLabel } from './period';
import { statusColor } from './status';

/** 月报填报: the enterprise's last twelve periods with their status, due date and late mark, and the way into each form. */
export function MyReportsPage() {
  const navigate = useNavigate();
  const { user } = useSession();
  const list = useQuery({ queryKey: monitoringKeys.myReports, queryFn: fetchMyReports });
  const enterpriseId = user?.enterpriseId;
  // Newest first: the last of these is the oldest period still owed.
  const overdue = (list.data?.items ?? []).filter((r) => r.status === null && r.late);

  const action = (r: MyReportItem) => {
    const open = () => navigate(`/monitoring/reports/${enterpriseId}/${r.period}`);
    if (!list.data?.inSample) {
      return r.status ? (
        <Button size="small" onClick={open}>
          查看
        </Button>
      ) : (
        '—'
      );
    }
    const label =
      r.status === null ? '填报' : r.status === 'accepted' ? '查看或修订' : r.status === 'returned' ? '修改后重新提交' : '补充说明';
    return (
      <Button size="small" type={r.status === 'accepted' ? 'default' : 'primary'} onClick={open} data-testid={`open-${r.period}`}>
        {label}
      </Button>
    );
  };

  return (
    <>
      <Typography.Title level={3}>月报填报</Typography.Title>
      {list.error && <Alert type="error" showIcon title={(list.error as Error).message} />}
      {list.data && !list.data.inSample && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="not-in-sample"
          title="本企业目前不在运行监测企业名单中，无需报送月报"
          description="持有有效“创新型中小企业”“专精特新中小企业”或专精特新“小巨人”称号的企业自动纳入监测；其他企业由所在区县经信委纳入。如需报送，请联系所在区县经信委。"
        />
      )}
      {list.data?.inSample && overdue.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="overdue"
          title={`有 ${count(overdue.length)} 个月份已过截止日期尚未报送（最早：${periodLabel(overdue[overdue.length - 1].period)}），请尽快补报`}
        />
      )}
      {list.data?.inSample && (
        <Typography.Paragraph type="secondary">
          每月报送上月经营数据，金额以万元填写。截止日期前未报送的，系统会发送催报提醒；逾期报送仍可提交，记为逾期。
        </Typography.Paragraph>
      )}
      {/* The table scrolls sideways inside its region on a phone (antd's scroll={x} leaves its scroll box unfocusable). */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must take the keyboard's focus (WCAG 2.1.1) */}
      <section aria-label="报告期列表" tabIndex={0} style={{ overflowX: 'auto' }}>
        <Table<MyReportItem>
          rowKey="period"
          size="small"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={false}
          style={{ minWidth: 'max-content' }}
          locale={{ emptyText: <Empty description="暂无需要报送的月份。纳入监测后，每月在这里报送上月经营数据。" /> }}
          columns={[
            { title: '报告期', render: (_, r) => periodLabel(r.period) },
            { title: '截止日期', render: (_, r) => date(r.dueOn) },
            {
              title: '状态',
              render: (_, r) => (
                <Space size={4}>
                  <Tag color={statusColor(r.status)} data-testid={`status-${r.period}`}>
                    {r.statusLabel}
                  </Tag>
                  {r.late && <Tag color="volcano">{r.status === null ? '已逾期' : '逾期报送'}</Tag>}
                </Space>
              ),
            },
            { title: '操作', render: (_, r) => action(r) },
          ]}
        />
      </section>
    </>
  );
}

export default MyReportsPage;
