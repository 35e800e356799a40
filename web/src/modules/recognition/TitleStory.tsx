import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Collapse, Descriptions, Empty, Space, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { RecognitionStatus } from '../../../../src/domain/recognition/lifecycle';
import { date, dateTime, today } from '../../shared/format';
import { TIER_COLORS } from '../../shared/labels';
import { useSession } from '../../shared/session';
import { enterpriseRecognitionKeys, fetchTitleStory, type TitleStory as Story } from './api';
import { STATUS_TAG_COLORS } from './status';

export type StoryTitle = Story['titles'][number];

const TITLE_STATUS_COLORS: Record<string, string> = { valid: 'green', under_review: 'blue', expired: 'default', revoked: 'red' };

/** 有进有出: every title of the enterprise with its validity, document number and story, and its applications. */
export function TitleStory({ enterpriseId, titleActions }: { enterpriseId: string; titleActions?: (title: StoryTitle) => ReactNode }) {
  const { user } = useSession();
  const story = useQuery({ queryKey: enterpriseRecognitionKeys.story(enterpriseId), queryFn: () => fetchTitleStory(enterpriseId) });
  const data = story.data;
  return (
    <Card title="称号与认定记录" size="small" style={{ marginTop: 16 }} data-testid="title-story">
      {story.error && <Alert type="error" showIcon title={(story.error as Error).message} />}
      {data && data.titles.length === 0 && data.applications.length === 0 && (
        <Empty
          description={
            user?.role === 'enterprise' ? (
              <span>
                尚无梯度培育称号和认定申报记录。可到<Link to="/recognition/rounds">可申报批次</Link>申报认定。
              </span>
            ) : (
              '该企业尚无梯度培育称号和认定申报记录。'
            )
          }
        />
      )}
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {data?.titles.map((t) => (
          <Card
            key={t.id}
            size="small"
            type="inner"
            title={
              <Space wrap>
                <Tag color={TIER_COLORS[t.tier]}>{t.tierLabel}</Tag>
                <Tag color={TITLE_STATUS_COLORS[t.status]}>{t.statusLabel}</Tag>
                {t.status === 'valid' && t.validUntil && t.validUntil < today() && <Tag>已过有效期</Tag>}
              </Space>
            }
            extra={titleActions?.(t)}
          >
            <Descriptions size="small" column={3}>
              <Descriptions.Item label="认定日期">{date(t.recognisedOn)}</Descriptions.Item>
              <Descriptions.Item label="有效期至">{date(t.validUntil)}</Descriptions.Item>
              <Descriptions.Item label="认定文号">{t.documentNo ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="证书编号">{t.certificateNo ?? '—'}</Descriptions.Item>
              {t.revokedOn && <Descriptions.Item label="撤销日期">{date(t.revokedOn)}</Descriptions.Item>}
              {t.revokedOn && (
                <Descriptions.Item label="撤销原因">
                  {[t.revocationCategoryLabel, t.revocationReason].filter(Boolean).join('：') || '—'}
                </Descriptions.Item>
              )}
            </Descriptions>
            {t.events.length > 0 && (
              <Timeline
                style={{ marginTop: 12 }}
                items={t.events.map((e, n) => ({
                  key: `${e.on}-${n}`,
                  children: (
                    <Space size={8} wrap>
                      <Typography.Text type="secondary">{date(e.on)}</Typography.Text>
                      <Typography.Text>{e.label}</Typography.Text>
                      {e.detail && <Typography.Text type="secondary">{e.detail}</Typography.Text>}
                    </Space>
                  ),
                }))}
              />
            )}
          </Card>
        ))}
        {data && data.applications.length > 0 && (
          <Collapse
            size="small"
            items={data.applications.map((a) => ({
              key: a.id,
              label: (
                <Space wrap>
                  <span>{a.roundName}</span>
                  <Tag color={STATUS_TAG_COLORS[a.status as RecognitionStatus]}>{a.statusLabel}</Tag>
                </Space>
              ),
              // The link sits in the panel, not the header: a link inside the header's button is a nested control (axe).
              children: (
                <>
                  <Link to={`/recognition/applications/${a.id}`}>查看申报</Link>
                  {a.history.length ? (
                    <Timeline
                      items={a.history.map((h, n) => ({
                        key: `${h.at}-${n}`,
                        children: (
                          <Space size={8} wrap>
                            <Typography.Text type="secondary">{dateTime(h.at)}</Typography.Text>
                            <Typography.Text>{h.actionLabel}</Typography.Text>
                            {h.reason && <Typography.Text style={{ color: '#ad4e00' }}>{h.reason}</Typography.Text>}
                          </Space>
                        ),
                      }))}
                    />
                  ) : (
                    <Typography.Text type="secondary">尚无办理记录</Typography.Text>
                  )}
                </>
              ),
            }))}
          />
        )}
      </Space>
    </Card>
  );
}
