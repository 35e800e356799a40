import { Descriptions, Grid, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { rankChangeLabel } from '../../../../src/domain/bulletins/scoring';
import type { BulletinSnapshot } from './api';

type Unit = BulletinSnapshot['units'][number];

const points = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n.toFixed(2));

function ChangeTag({ change }: { change: number | null }) {
  if (change === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const color = change > 0 ? 'green' : change < 0 ? 'red' : undefined;
  return <Tag color={color}>{rankChangeLabel(change)}</Tag>;
}

/** The figures behind each score of one unit: indicator, score, note, each figure (linked to its rows where there is a list). */
function UnitFigures({ unit, snapshot }: { unit: Unit; snapshot: BulletinSnapshot }) {
  const wide = Grid.useBreakpoint().md;
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      layout={wide ? 'horizontal' : 'vertical'}
      items={snapshot.indicators
        .filter((i) => i.weight > 0)
        .map((ind) => {
          const it = unit.items.find((x) => x.key === ind.key);
          return {
            key: ind.key,
            label: `${ind.label}（${ind.weight}分，${ind.methodLabel}）`,
            children: (
              <div>
                <Typography.Text strong>
                  {it?.score === null || it?.score === undefined ? '未计分' : `${points(it.score)} 分`}
                </Typography.Text>
                {it?.note && <Typography.Text type="secondary">（{it.note}）</Typography.Text>}
                {(it?.figures.length ?? 0) > 0 && (
                  <div style={{ marginTop: 4, display: 'flex', flexWrap: 'wrap', gap: '4px 16px' }}>
                    {it?.figures.map((f) => (
                      <span key={f.label}>
                        {f.label}：{f.link ? <Link to={f.link}>{f.display}</Link> : f.display}
                      </span>
                    ))}
                  </div>
                )}
              </div>
            ),
          };
        })}
    />
  );
}

/** 名次, 区县, 总分, each indicator's score, 较上期; a row opens the figures behind its scores. The reader's own row is highlighted. */
export function RankingTable({ snapshot, ownCode }: { snapshot: BulletinSnapshot; ownCode?: string | null }) {
  const indicators = snapshot.indicators.filter((i) => i.weight > 0);
  return (
    <Table<Unit>
      rowKey="code"
      size="small"
      pagination={false}
      dataSource={snapshot.units}
      scroll={{ x: 'max-content' }}
      onRow={(u) => (u.code === ownCode ? { style: { background: '#e6f4ff', fontWeight: 600 }, 'data-own': 'true' } : {})}
      expandable={{ expandedRowRender: (u) => <UnitFigures unit={u} snapshot={snapshot} />, columnTitle: '依据' }}
      columns={[
        { title: '名次', dataIndex: 'rank', width: 64, fixed: 'left' },
        {
          title: '区县',
          dataIndex: 'name',
          width: 150,
          fixed: 'left',
          render: (name: string, u) => (u.code === ownCode ? `${name}（本区县）` : name),
        },
        { title: `总分（满分${snapshot.fullMark}）`, dataIndex: 'total', width: 110, render: (t: number) => <b>{points(t)}</b> },
        ...indicators.map((ind) => ({
          key: ind.key,
          title: `${ind.label}（${ind.weight}）`,
          width: 120,
          render: (_: unknown, u: Unit) => {
            const it = u.items.find((x) => x.key === ind.key);
            return it?.score === null || it?.score === undefined ? (
              <Typography.Text type="secondary">暂无数据</Typography.Text>
            ) : (
              points(it.score)
            );
          },
        })),
        { title: '较上期', key: 'change', width: 90, render: (_: unknown, u: Unit) => <ChangeTag change={u.rankChange} /> },
      ]}
    />
  );
}
