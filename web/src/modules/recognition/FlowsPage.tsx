import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { count } from '../../shared/format';
import { TIER_ORDER } from '../../shared/labels';
import { useReference } from '../../shared/reference';
import { useSession } from '../../shared/session';
import { useUrlState } from '../../shared/useUrlState';
import { type FlowsAnswer, fetchFlows, flowsXlsxUrl, recognitionKeys } from './api';

type Row = FlowsAnswer['rows'][number];

/** 有进有出: per year, district and tier, the titles that entered and left (revoked, expired), renewed, and held at year end. */
export default function FlowsPage() {
  const { user } = useSession();
  const ref = useReference();
  const isCity = user?.role === 'city_admin';
  const thisYear = dayjs().year();
  const [state, setState] = useUrlState(['year', 'district'] as const);
  const year = Number(state.year ?? thisYear);
  const f = { year, districtCode: state.district };
  const flows = useQuery({ queryKey: recognitionKeys.flows(f), queryFn: () => fetchFlows(f) });
  const rows = [...(flows.data?.rows ?? [])].sort(
    (a, b) =>
      a.districtName.localeCompare(b.districtName, 'zh-CN') ||
      TIER_ORDER.indexOf(a.tier as (typeof TIER_ORDER)[number]) - TIER_ORDER.indexOf(b.tier as (typeof TIER_ORDER)[number]),
  );
  const sum = (k: keyof Row) => rows.reduce((n, r) => n + (typeof r[k] === 'number' ? (r[k] as number) : 0), 0);
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3}>有进有出</Typography.Title>
        <Button type="primary" icon={<DownloadOutlined />} href={flowsXlsxUrl(f)}>
          导出 xlsx
        </Button>
      </Space>
      <Space style={{ marginBottom: 16 }} wrap>
        <Select
          aria-label="年度"
          style={{ width: 120 }}
          value={String(year)}
          onChange={(v) => setState({ year: v })}
          options={Array.from({ length: 8 }, (_, i) => String(thisYear - i)).map((y) => ({ value: y, label: `${y} 年` }))}
        />
        {isCity && (
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="全部区县"
            aria-label="区县"
            style={{ width: 160 }}
            value={state.district}
            onChange={(v) => setState({ district: v })}
            options={ref.districts.map((d) => ({ value: d.code, label: d.name }))}
          />
        )}
      </Space>
      {flows.isError && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={(flows.error as Error).message} />}
      <Table<Row>
        rowKey={(r) => `${r.districtCode}-${r.tier}`}
        loading={flows.isLoading}
        dataSource={rows}
        size="middle"
        locale={{ emptyText: `${year} 年没有称号进出记录。公告认定、撤销或到期后，这里按区县和层级统计；可切换年度查看。` }}
        columns={[
          { title: '区县', dataIndex: 'districtName', width: 120 },
          { title: '层级', dataIndex: 'tierLabel', width: 200 },
          { title: '新进（认定）', dataIndex: 'entered', align: 'right', render: (v: number) => count(v) },
          { title: '复核通过', dataIndex: 'renewed', align: 'right', render: (v: number) => count(v) },
          { title: '退出合计', dataIndex: 'left', align: 'right', render: (v: number) => count(v) },
          { title: '其中撤销', dataIndex: 'revoked', align: 'right', render: (v: number) => count(v) },
          { title: '其中到期', dataIndex: 'expired', align: 'right', render: (v: number) => count(v) },
          { title: '年末有效', dataIndex: 'heldAtYearEnd', align: 'right', render: (v: number) => count(v) },
        ]}
        pagination={false}
        summary={() =>
          rows.length > 1 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}>
                合计
              </Table.Summary.Cell>
              {(['entered', 'renewed', 'left', 'revoked', 'expired', 'heldAtYearEnd'] as const).map((k, i) => (
                <Table.Summary.Cell key={k} index={i + 2} align="right">
                  {count(sum(k))}
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          ) : null
        }
      />
    </>
  );
}
