import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../shared/api';
import { count, date, percent } from '../../shared/format';
import { useReference } from '../../shared/reference';
import { useSession } from '../../shared/session';
import { useUrlState } from '../../shared/useUrlState';
import { type ChaseItem, defaultPeriod, fetchChase, fetchRates, officerKeys, type RateRow, remind } from './api-officers';
import { PeriodSelect } from './PeriodSelect';
import { periodLabel } from './period';
import { ScrollRegion } from './ScrollRegion';

const PAGE_SIZE = 20;

/** 催报: the sample's enterprises without a report for the month, reminders, and 上报率 / 及时率 / 一次审核通过率. */
export function ChasePage() {
  const { user } = useSession();
  const isCity = user?.role === 'city_admin';
  const ref = useReference();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [state, setState] = useUrlState(['period', 'district', 'page'] as const);
  const period = state.period ?? defaultPeriod();
  const page = Number(state.page ?? 1);
  const list = useQuery({
    queryKey: officerKeys.chase({ period, district: state.district, page }),
    queryFn: () => fetchChase({ period, district: state.district, page, pageSize: PAGE_SIZE }),
  });
  const rates = useQuery({ queryKey: officerKeys.rates(period), queryFn: () => fetchRates(period) });
  const [selected, setSelected] = useState<string[]>([]);
  const send = useMutation({
    mutationFn: (ids: string[] | undefined) => remind({ period, ...(ids ? { enterpriseIds: ids } : {}) }),
    onSuccess: (r) => {
      message.success(
        r.skipped
          ? `已提醒 ${count(r.reminded)} 家企业；${count(r.skipped)} 家今天已提醒过，未重复发送`
          : `已提醒 ${count(r.reminded)} 家企业，企业已在消息中心收到催报消息`,
      );
      setSelected([]);
      client.invalidateQueries({ queryKey: officerKeys.all });
    },
    onError: (e) => {
      message.error(e instanceof ApiError ? e.message : '提醒失败，请稍后重试');
    },
  });
  const total = list.data?.total ?? 0;

  return (
    <>
      <Typography.Title level={3}>催报</Typography.Title>
      <Space style={{ marginBottom: 16 }} wrap>
        <PeriodSelect value={period} onChange={(p) => setState({ period: p })} />
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
      </Space>
      {list.isError && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={(list.error as Error).message} />}
      <Card
        title={`${periodLabel(period)}未报送企业`}
        extra={
          <Space wrap>
            {list.data && (
              <Typography.Text type="secondary">
                报送截止 {date(list.data.dueOn)}，未报送 {count(total)} 家
              </Typography.Text>
            )}
            <Button disabled={!selected.length} loading={send.isPending && Boolean(send.variables)} onClick={() => send.mutate(selected)}>
              提醒选中{selected.length ? `（${count(selected.length)}）` : ''}
            </Button>
            <Button type="primary" disabled={!total} loading={send.isPending && !send.variables} onClick={() => send.mutate(undefined)}>
              一键提醒
            </Button>
          </Space>
        }
        style={{ marginBottom: 16 }}
      >
        <ScrollRegion label="未报送企业">
          <Table<ChaseItem>
            rowKey="enterpriseId"
            loading={list.isLoading}
            dataSource={list.data?.items}
            style={{ minWidth: 'max-content' }}
            rowSelection={{
              selectedRowKeys: selected,
              onChange: (keys) => setSelected(keys.map(String)),
              getCheckboxProps: (r) => ({ 'aria-label': `选择${r.enterpriseName}` }),
            }}
            locale={{
              emptyText: `${periodLabel(period)}的监测企业都已报送月报，无需催报。可在“月报审核”中查看已报送的月报。`,
            }}
            columns={[
              {
                title: '企业名称',
                render: (_, r) => (
                  <Space orientation="vertical" size={0}>
                    <Space size={4}>
                      <Link to={`/enterprises/${r.enterpriseId}`}>{r.enterpriseName}</Link>
                      {r.returned && <Tag color="red">已退回待重报</Tag>}
                    </Space>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.uscc}
                    </Typography.Text>
                  </Space>
                ),
              },
              { title: '区县', dataIndex: 'districtName' },
              { title: '联系人', render: (_, r) => r.contactName ?? '—' },
              { title: '联系电话', render: (_, r) => r.contactPhone ?? '—' },
              { title: '最近提醒', render: (_, r) => date(r.lastRemindedOn) },
              { title: '已提醒次数', align: 'right', render: (_, r) => count(r.reminders) },
            ]}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total,
              showSizeChanger: false,
              showTotal: (t) => `共 ${count(t)} 家`,
              onChange: (p) => setState({ page: p }, false),
            }}
          />
        </ScrollRegion>
      </Card>
      <Card title={`${periodLabel(period)}报送情况`}>
        <Typography.Paragraph type="secondary">
          上报率 = 已报送的监测企业 ÷ 监测企业；及时率 = 在截止日前报送的 ÷ 监测企业；一次审核通过率 = 首次报送即通过审核的 ÷ 已报送。
        </Typography.Paragraph>
        {rates.isError && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={(rates.error as Error).message} />}
        <ScrollRegion label="报送情况">
          <Table<RateRow>
            rowKey={(r) => r.districtCode ?? 'all'}
            loading={rates.isLoading}
            dataSource={
              rates.data
                ? rates.data.rows.length === 1
                  ? rates.data.rows
                  : [...rates.data.rows, { ...rates.data.all, districtCode: 'all', districtName: '合计' }]
                : []
            }
            pagination={false}
            style={{ minWidth: 'max-content' }}
            locale={{ emptyText: '暂无监测企业，无从计算报送情况。请先在“监测企业”中纳入企业。' }}
            columns={[
              { title: '区县', render: (_, r) => r.districtName },
              { title: '监测企业', align: 'right', render: (_, r) => count(r.sample) },
              { title: '已报送', align: 'right', render: (_, r) => count(r.reported) },
              { title: '按时报送', align: 'right', render: (_, r) => count(r.onTime) },
              { title: '一次通过', align: 'right', render: (_, r) => count(r.firstPass) },
              { title: '上报率', align: 'right', render: (_, r) => percent(r.reportRate) },
              { title: '及时率', align: 'right', render: (_, r) => percent(r.timelyRate) },
              { title: '一次审核通过率', align: 'right', render: (_, r) => percent(r.firstPassRate) },
            ]}
          />
        </ScrollRegion>
      </Card>
    </>
  );
}

export default ChasePage;
