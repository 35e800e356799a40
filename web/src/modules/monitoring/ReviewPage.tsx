import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { REPORT_STATUS_LABELS } from '../../../../src/domain/monitoring/report-status';
import { ApiError } from '../../shared/api';
import { count, dateTime, wan } from '../../shared/format';
import { optionsOf } from '../../shared/labels';
import { useReference } from '../../shared/reference';
import { useSession } from '../../shared/session';
import { useUrlState } from '../../shared/useUrlState';
import { acceptReport, defaultPeriod, fetchReviewList, officerKeys, type ReviewItem, returnReport } from './api-officers';
import { PeriodSelect } from './PeriodSelect';
import { periodLabel } from './period';
import { ScrollRegion } from './ScrollRegion';

const PAGE_SIZE = 20;
const STATUS_COLORS: Record<string, string> = { needs_explanation: 'orange', accepted: 'green', returned: 'red' };

/** 月报审核: a month's reports of the district (or the city); accept an explanation or return a report. */
export function ReviewPage() {
  const { user } = useSession();
  const isCity = user?.role === 'city_admin';
  const ref = useReference();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [state, setState] = useUrlState(['period', 'status', 'late', 'explained', 'district', 'q', 'page'] as const);
  const period = state.period ?? defaultPeriod();
  const page = Number(state.page ?? 1);
  const filters = { period, status: state.status, late: state.late, explained: state.explained, district: state.district, q: state.q };
  const list = useQuery({
    queryKey: officerKeys.reports({ ...filters, page }),
    queryFn: () => fetchReviewList({ ...filters, page, pageSize: PAGE_SIZE }),
  });
  const [returning, setReturning] = useState<ReviewItem | null>(null);
  const accept = useMutation({
    mutationFn: (r: ReviewItem) => acceptReport(r.enterpriseId, r.period, { version: r.version }),
    onSuccess: (_, r) => {
      message.success(`已接受${r.enterpriseName}的说明`);
      client.invalidateQueries({ queryKey: officerKeys.all });
    },
    onError: (e) => {
      message.error(e instanceof ApiError ? e.message : '操作失败，请稍后重试');
      client.invalidateQueries({ queryKey: officerKeys.all });
    },
  });
  const filtered = Boolean(state.status || state.late || state.explained || state.district || state.q);

  return (
    <>
      <Typography.Title level={3}>月报审核</Typography.Title>
      <Typography.Paragraph type="secondary">
        未通过提示性审核的月报须由企业逐项说明；说明齐全的月报计入统计，审核人员可接受说明，或填写理由退回企业重新填报。营业收入、利润总额为本年累计（万元），从业人员为期末人数。
      </Typography.Paragraph>
      <Space style={{ marginBottom: 16 }} wrap>
        <PeriodSelect value={period} onChange={(p) => setState({ period: p })} />
        <Select
          allowClear
          placeholder="状态"
          aria-label="状态"
          style={{ width: 120 }}
          value={state.status}
          onChange={(v) => setState({ status: v })}
          options={optionsOf(REPORT_STATUS_LABELS)}
        />
        <Select
          allowClear
          placeholder="是否逾期"
          aria-label="是否逾期"
          style={{ width: 120 }}
          value={state.late}
          onChange={(v) => setState({ late: v })}
          options={[
            { value: 'true', label: '逾期报送' },
            { value: 'false', label: '按时报送' },
          ]}
        />
        <Select
          allowClear
          placeholder="说明"
          aria-label="说明"
          style={{ width: 120 }}
          value={state.explained}
          onChange={(v) => setState({ explained: v })}
          options={[
            { value: 'true', label: '有说明' },
            { value: 'false', label: '无说明' },
          ]}
        />
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
        <Input.Search
          allowClear
          placeholder="企业名称或统一社会信用代码"
          aria-label="企业名称或统一社会信用代码"
          defaultValue={state.q}
          onSearch={(v) => setState({ q: v.trim() || undefined })}
          style={{ width: 260 }}
        />
      </Space>
      {list.isError && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={(list.error as Error).message} />}
      <ScrollRegion label="月报列表">
        <Table<ReviewItem>
          rowKey={(r) => `${r.enterpriseId}/${r.period}`}
          loading={list.isLoading}
          dataSource={list.data?.items}
          style={{ minWidth: 'max-content' }}
          locale={{
            emptyText: filtered ? (
              <Space orientation="vertical">
                <span>没有符合筛选条件的月报。</span>
                <Button
                  size="small"
                  onClick={() => setState({ status: undefined, late: undefined, explained: undefined, district: undefined, q: undefined })}
                >
                  清除筛选
                </Button>
              </Space>
            ) : (
              `${periodLabel(period)}暂无企业报送的月报。企业报送后会列在这里；尚未报送的企业请在“催报”中提醒。`
            ),
          }}
          columns={[
            {
              title: '企业名称',
              render: (_, r) => (
                <Space orientation="vertical" size={0}>
                  <Link to={`/monitoring/reports/${r.enterpriseId}/${r.period}`}>{r.enterpriseName}</Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.uscc}
                  </Typography.Text>
                </Space>
              ),
            },
            ...(isCity ? [{ title: '区县', dataIndex: 'districtName' }] : []),
            {
              title: '状态',
              render: (_, r) => (
                <Space size={4} wrap>
                  <Tag color={STATUS_COLORS[r.status]}>{r.statusLabel}</Tag>
                  {r.late && <Tag color="volcano">逾期</Tag>}
                </Space>
              ),
            },
            { title: '营业收入', align: 'right', render: (_, r) => wan(r.revenueYtd) },
            { title: '利润总额', align: 'right', render: (_, r) => wan(r.profitYtd) },
            { title: '从业人员', align: 'right', render: (_, r) => count(r.employees) },
            {
              title: '说明',
              render: (_, r) =>
                r.explanationCount === 0 ? (
                  '—'
                ) : (
                  <Space size={4}>
                    {`${count(r.explanationCount)} 项`}
                    {r.reviewed ? <Tag color="green">已接受</Tag> : <Tag color="orange">待审核</Tag>}
                  </Space>
                ),
            },
            { title: '填报方式', render: (_, r) => r.enteredByLabel },
            { title: '报送时间', render: (_, r) => dateTime(r.submittedAt) },
            {
              title: '操作',
              render: (_, r) => (
                <Space size={4}>
                  {r.status === 'returned' && <Typography.Text type="secondary">待企业重报</Typography.Text>}
                  {r.explanationCount > 0 && !r.reviewed && r.status === 'accepted' && (
                    <Button
                      size="small"
                      loading={accept.isPending && accept.variables?.enterpriseId === r.enterpriseId}
                      onClick={() => accept.mutate(r)}
                      aria-label={`接受${r.enterpriseName}的说明`}
                    >
                      接受说明
                    </Button>
                  )}
                  {r.status !== 'returned' && (
                    <Button size="small" danger onClick={() => setReturning(r)} aria-label={`退回${r.enterpriseName}的月报`}>
                      退回
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total,
            showSizeChanger: false,
            showTotal: (t) => `共 ${count(t)} 份`,
            onChange: (p) => setState({ page: p }, false),
          }}
        />
      </ScrollRegion>
      {returning && <ReturnDialog item={returning} onClose={() => setReturning(null)} />}
    </>
  );
}

/** Returns a report to the enterprise with a reason (the enterprise gets a message and fills it in again). */
function ReturnDialog({ item, onClose }: { item: ReviewItem; onClose: () => void }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const back = useMutation({
    mutationFn: () => returnReport(item.enterpriseId, item.period, { version: item.version, reason: reason.trim() }),
    onSuccess: () => {
      message.success(`已退回${item.enterpriseName}的月报，企业已收到消息`);
      client.invalidateQueries({ queryKey: officerKeys.all });
      onClose();
    },
    onError: (e) => {
      message.error(e instanceof ApiError ? e.message : '退回失败，请稍后重试');
    },
  });
  return (
    <Modal
      open
      title={`退回月报：${item.enterpriseName}（${periodLabel(item.period)}）`}
      okText="退回"
      okButtonProps={{ danger: true, disabled: !reason.trim(), loading: back.isPending }}
      cancelText="取消"
      onOk={() => back.mutate()}
      onCancel={onClose}
    >
      <Form layout="vertical">
        <Form.Item label="退回理由" required htmlFor="report-return-reason" extra="企业将在消息中心看到此理由，并据此修改后重新报送。">
          <Input.TextArea id="report-return-reason" rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default ReviewPage;
