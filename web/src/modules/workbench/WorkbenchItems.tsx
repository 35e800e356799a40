import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Row, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { count } from '../../shared/format';
import { useSession } from '../../shared/session';
import { fetchWorkbench, type WorkbenchItem, workbenchKeys } from './api';

/** The unit a count is read in, by the start of the item's key. */
const UNITS: [string, string][] = [
  ['recognition.open_rounds', '个'],
  ['recognition.annual_update_missing', '家'],
  ['recognition.annual_update', '项'],
  ['recognition.', '件'],
  ['evaluation.', '家'],
  ['monitoring.non_reporters', '家'],
  ['monitoring.', '份'],
  ['titles.', '家'],
  ['messages.', '条'],
  ['bulletins.', '期'],
  ['tier.next', '项'],
];
const unitOf = (key: string) => UNITS.find(([prefix]) => key.startsWith(prefix))?.[1] ?? '';

/** Status items of the enterprise (its tier, what is missing): shown apart from the to-dos. */
const STATUS_KEYS = new Set(['tier.current', 'tier.next']);

const TONES = {
  danger: { color: '#cf1322', tag: 'red', text: '已逾期' },
  warning: { color: '#d46b08', tag: 'orange', text: '待处理' },
  normal: { color: '#d9d9d9', tag: undefined, text: '' },
} as const;
const RANK = { danger: 0, warning: 1, normal: 2 } as const;

function ItemCard({ item }: { item: WorkbenchItem }) {
  const tone = TONES[item.tone];
  const quiet = item.count === 0;
  return (
    <Card
      size="small"
      data-testid="workbench-item"
      data-key={item.key}
      data-tone={item.tone}
      style={{ borderLeft: `4px solid ${quiet ? TONES.normal.color : tone.color}`, height: '100%' }}
    >
      <Link to={item.url} aria-label={`${item.label}：${count(item.count)}${unitOf(item.key)}，打开列表`}>
        <Statistic
          title={
            <Space size={4} wrap>
              <span>{item.label}</span>
              {!quiet && tone.tag && <Tag color={tone.tag}>{tone.text}</Tag>}
            </Space>
          }
          value={count(item.count)}
          suffix={unitOf(item.key)}
          styles={{ content: { color: quiet ? '#595959' : item.tone === 'normal' ? undefined : tone.color } }}
        />
      </Link>
      {item.hint && (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 13 }}>
          {item.hint}
        </Typography.Paragraph>
      )}
      {item.top && item.top.length > 0 && (
        <Space size={[12, 0]} wrap style={{ marginTop: 4, fontSize: 13 }} data-testid="workbench-top">
          <Typography.Text type="secondary">较多的区县：</Typography.Text>
          {item.top.map((u) => (
            <Link key={u.code} to={u.url}>
              {u.label} {count(u.count)}
            </Link>
          ))}
        </Space>
      )}
    </Card>
  );
}

/** The enterprise's tier and the gap to the next one. */
function TierCard({ current, next }: { current?: WorkbenchItem; next?: WorkbenchItem }) {
  if (!current && !next) return null;
  return (
    <Card title="梯度状态" size="small" style={{ marginTop: 16 }} data-testid="workbench-tier">
      <Row gutter={[16, 16]}>
        {current && (
          <Col xs={24} md={12}>
            <Link to={current.url} data-testid="workbench-item" data-key={current.key} data-tone={current.tone}>
              <Typography.Text strong style={{ fontSize: 16 }}>
                {current.label}
              </Typography.Text>
            </Link>
            {current.hint && (
              <Typography.Paragraph type={current.tone === 'normal' ? 'secondary' : 'warning'} style={{ margin: '4px 0 0' }}>
                {current.hint}
              </Typography.Paragraph>
            )}
          </Col>
        )}
        {next && (
          <Col xs={24} md={12}>
            <Link to={next.url} data-testid="workbench-item" data-key={next.key} data-tone={next.tone}>
              <Typography.Text strong style={{ fontSize: 16 }}>
                {next.label} {next.count > 0 ? `${count(next.count)} 项` : ''}
              </Typography.Text>
            </Link>
            {next.hint && (
              <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
                {next.hint}
              </Typography.Paragraph>
            )}
          </Col>
        )}
      </Row>
    </Card>
  );
}

/** Where to look when nothing waits, by role. */
const NEXT_STEPS: Record<string, { text: string; links: { to: string; label: string }[] }> = {
  city_admin: {
    text: '可以看看全市的整体情况：',
    links: [
      { to: '/enterprises', label: '企业库' },
      { to: '/monitoring/analysis', label: '运行分析' },
      { to: '/recognition/rounds', label: '申报批次' },
    ],
  },
  district_admin: {
    text: '可以看看本区县的整体情况：',
    links: [
      { to: '/enterprises', label: '企业库' },
      { to: '/evaluations/pool', label: '后备库' },
      { to: '/monitoring/analysis', label: '运行分析' },
    ],
  },
  enterprise: {
    text: '可以核对本企业信息，或测算离下一梯度还差什么：',
    links: [
      { to: '/enterprises', label: '本企业信息' },
      { to: '/self-assessment', label: '自评测算' },
      { to: '/recognition/rounds', label: '可申报批次' },
    ],
  },
};

/** 工作台's to-dos for the city, a district or an enterprise: each a count that opens the filtered list. */
export function WorkbenchItems() {
  const { user } = useSession();
  const board = useQuery({ queryKey: workbenchKeys.all, queryFn: fetchWorkbench });
  if (board.isLoading) return <Skeleton active style={{ marginTop: 16 }} />;
  if (board.isError)
    return <Alert type="error" showIcon style={{ marginTop: 16 }} title={`待办事项加载失败：${(board.error as Error).message}`} />;
  const items = board.data?.items ?? [];
  const byKey = new Map(items.map((i) => [i.key, i]));
  const todos = items
    .filter((i) => !STATUS_KEYS.has(i.key))
    .map((item, order) => ({ item, order }))
    .sort((a, b) => Number(a.item.count === 0) - Number(b.item.count === 0) || RANK[a.item.tone] - RANK[b.item.tone] || a.order - b.order)
    .map((x) => x.item);
  const pending = todos.filter((i) => i.count > 0);
  const next = NEXT_STEPS[user?.role ?? ''] ?? NEXT_STEPS.enterprise;
  return (
    <>
      <TierCard current={byKey.get('tier.current')} next={byKey.get('tier.next')} />
      <Card
        title="待办事项"
        size="small"
        style={{ marginTop: 16 }}
        extra={
          <Typography.Text type="secondary">
            {pending.length ? `${count(pending.length)} 类事项待处理` : '无待办'}，数据截至 {board.data?.asOf}
          </Typography.Text>
        }
      >
        {pending.length === 0 && (
          <Empty
            data-testid="workbench-empty"
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={
              <Space orientation="vertical" size={4}>
                <Typography.Text strong>当前没有待办事项</Typography.Text>
                <Typography.Text type="secondary">
                  {next.text}
                  {next.links.map((l, i) => (
                    <span key={l.to}>
                      {i > 0 && '、'}
                      <Link to={l.to}>{l.label}</Link>
                    </span>
                  ))}
                  。
                </Typography.Text>
              </Space>
            }
          />
        )}
        <Row gutter={[16, 16]} style={{ marginTop: pending.length ? 0 : 8 }}>
          {todos.map((item) => (
            <Col key={item.key} xs={24} sm={12} xl={8}>
              <ItemCard item={item} />
            </Col>
          ))}
        </Row>
      </Card>
    </>
  );
}
