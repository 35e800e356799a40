import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Table, Tabs, Tag, Typography } from 'antd';
import { useSession } from '../../shared/session';
import { evaluationKeys, fetchRuleSets } from './api';
import { RuleSetCorrection } from './RuleSetCorrection';

const KIND_COLORS: Record<string, string> = { 评分指标: 'blue', 条件: 'purple', 直通条件: 'green', 人工审核: 'orange' };

/** Every rule set as the engine runs it: indicators, bands, thresholds, dates and sources. */
export default function RuleSetsPage() {
  const { user } = useSession();
  const sets = useQuery({ queryKey: evaluationKeys.ruleSets, queryFn: fetchRuleSets });
  return (
    <>
      <Typography.Title level={3}>评价规则</Typography.Title>
      {/* Tabs on the left: seven rule sets do not fit in one row, and the overflow menu antd adds
          inside the tab list breaks its ARIA structure (axe: aria-required-children). */}
      <Tabs
        tabPlacement="start"
        items={(sets.data ?? []).map((s) => ({
          key: s.id,
          label: s.name,
          children: (
            <Card size="small">
              <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
                <Descriptions.Item label="规则">
                  {s.name}
                  {s.version > 1 ? <Tag color="orange" style={{ marginLeft: 8 }}>{`已修正：第 ${s.version} 版`}</Tag> : null}
                </Descriptions.Item>
                <Descriptions.Item label="依据文件">{s.document}</Descriptions.Item>
                <Descriptions.Item label="适用">{s.appliesTo}</Descriptions.Item>
                <Descriptions.Item label="资料可信度">{s.confidence}</Descriptions.Item>
              </Descriptions>
              <Table
                size="small"
                pagination={false}
                rowKey={(r) => `${r.kind}-${r.name}`}
                dataSource={s.rows}
                columns={[
                  { title: '类型', dataIndex: 'kind', width: 100, render: (k) => <Tag color={KIND_COLORS[k]}>{k}</Tag> },
                  { title: '指标 / 条件', dataIndex: 'name', width: 260 },
                  { title: '档次与门槛', dataIndex: 'rule' },
                  { title: '条款', dataIndex: 'source', width: 160 },
                ]}
              />
              {user?.role === 'city_admin' &&
                (s.id === 'bottom-2026' ? (
                  <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                    其中创新型评价的参数在“创新型中小企业评价标准（2022）”中修正。
                  </Typography.Paragraph>
                ) : (
                  <RuleSetCorrection ruleSet={s.id} />
                ))}
            </Card>
          ),
        }))}
      />
    </>
  );
}
