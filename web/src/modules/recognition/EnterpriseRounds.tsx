import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { EDITABLE_STATUSES, type RecognitionStatus } from '../../../../src/domain/recognition/lifecycle';
import { ApiError } from '../../shared/api';
import { date } from '../../shared/format';
import { TIER_COLORS } from '../../shared/labels';
import { createApplication, fetchRounds, type Round, recognitionKeys } from './api';
import { STATUS_TAG_COLORS, statusLabel } from './status';

/** The round's window as the notice writes it: "2026-03-01 至 2026-04-30", or continuous intake with its cut-off dates. */
export function roundWindow(r: Pick<Round, 'opensOn' | 'closesOn' | 'continuous' | 'cutoffDates'>): string {
  const base = `${date(r.opensOn)} 至 ${date(r.closesOn)}`;
  if (!r.continuous) return base;
  return `${base}（常年受理${r.cutoffDates.length ? `，截止批次日期：${r.cutoffDates.map(date).join('、')}` : ''}）`;
}

function RoundCard({ round }: { round: Round }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const apply = useMutation({
    mutationFn: () => createApplication(round.id),
    onSuccess: (created) => {
      client.invalidateQueries({ queryKey: recognitionKeys.all });
      navigate(`/recognition/applications/${created.id}`);
    },
    onError: (e) => {
      message.error(e instanceof ApiError ? e.message : '创建申报失败，请稍后重试');
    },
  });
  const mine = round.myApplication ?? null;
  const eligibility = round.eligibility;
  const editable = mine !== null && EDITABLE_STATUSES.includes(mine.status as RecognitionStatus);
  return (
    <Card
      size="small"
      data-testid="round-card"
      title={
        <Space wrap>
          <span>{round.name}</span>
          <Tag color={TIER_COLORS[round.tier]}>{round.tierLabel}</Tag>
          <Tag>{round.typeLabel}</Tag>
          <Tag color={round.phase === 'open' ? 'green' : undefined}>{round.phaseLabel}</Tag>
        </Space>
      }
      extra={
        mine ? (
          <Button type={editable ? 'primary' : 'default'} onClick={() => navigate(`/recognition/applications/${mine.id}`)}>
            {editable ? '继续填报' : '查看申报'}
          </Button>
        ) : round.phase === 'open' ? (
          <Button type="primary" loading={apply.isPending} onClick={() => apply.mutate()}>
            申报
          </Button>
        ) : null
      }
    >
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Typography.Text>申报时间：{roundWindow(round)}</Typography.Text>
        <Typography.Text type="secondary">评价规则：{round.ruleSetName}</Typography.Text>
        {mine && (
          <Typography.Text>
            本企业申报状态：<Tag color={STATUS_TAG_COLORS[mine.status as RecognitionStatus]}>{statusLabel(mine.status)}</Tag>
          </Typography.Text>
        )}
        {!mine && eligibility && !eligibility.eligible && (
          <Alert
            type="warning"
            showIcon
            title="按现有信息，本企业暂不符合申报条件（提交时将再次核验）"
            description={
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {eligibility.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            }
          />
        )}
        {!mine && eligibility?.eligible && (
          <Typography.Text>
            <Tag color="green">符合申报条件</Tag>按现有信息，本企业符合本批次的申报条件（提交时将再次核验）。
          </Typography.Text>
        )}
      </Space>
    </Card>
  );
}

/** 可申报批次: the rounds open to this enterprise (and those it has applied in), with eligibility and the way in. */
export function EnterpriseRounds() {
  const rounds = useQuery({ queryKey: recognitionKeys.rounds({}), queryFn: () => fetchRounds() });
  return (
    <>
      <Typography.Title level={3}>可申报批次</Typography.Title>
      <Typography.Paragraph type="secondary">
        市经信委发布的认定申报批次。点“申报”后，申报书按企业库中的本企业数据预填，填写内容自动保存。
      </Typography.Paragraph>
      {rounds.error && <Alert type="error" showIcon title={(rounds.error as Error).message} />}
      {rounds.data && rounds.data.items.length === 0 && (
        <Empty description="目前没有正在受理的申报批次。市经信委发布批次后，您会在消息中心收到通知。" />
      )}
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {rounds.data?.items.map((r) => (
          <RoundCard key={r.id} round={r} />
        ))}
      </Space>
    </>
  );
}

export default EnterpriseRounds;
