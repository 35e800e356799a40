import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../shared/api';
import { TIER_LABELS } from '../../shared/labels';
import { useSession } from '../../shared/session';
import { enterpriseKeys, updateEnterprise } from '../enterprises/api';
import { evaluationKeys, fetchRun, type ReviewQuestion, startRun } from './api';

export type { ReviewQuestion };

const ANSWER_LABELS = { yes: '符合', no: '不符合', open: '未审核' } as const;
type Choice = keyof typeof ANSWER_LABELS;
const choiceOf = (answer: boolean | null | undefined): Choice => (answer === true ? 'yes' : answer === false ? 'no' : 'open');

/**
 * The questions the rules leave to a person (待人工审核): officers record 符合 / 不符合 with the
 * enterprise's facts, then the enterprise is evaluated again on its own.
 */
export function ReviewQuestions({
  enterpriseId,
  version,
  facts,
  questions,
}: {
  enterpriseId: string;
  version: number;
  facts: Record<string, unknown>;
  questions: ReviewQuestion[];
}) {
  const { message } = App.useApp();
  const { user } = useSession();
  const client = useQueryClient();
  const officer = user?.role === 'city_admin' || user?.role === 'district_admin';
  // One row per question: the same question may be asked by two tiers' rules.
  const rows = [...new Map(questions.map((q) => [q.id, q])).values()];
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [busy, setBusy] = useState(false);
  const changed = rows.filter((q) => choices[q.id] && choices[q.id] !== choiceOf(q.answer));
  if (!rows.length) return null;

  const save = async () => {
    setBusy(true);
    try {
      const answers = { ...(facts.reviewerAnswers as Record<string, boolean> | undefined) };
      for (const q of changed) {
        if (choices[q.id] === 'open') delete answers[q.id];
        else answers[q.id] = choices[q.id] === 'yes';
      }
      await updateEnterprise(enterpriseId, { version, facts: { ...facts, reviewerAnswers: answers } });
      const run = await startRun({ enterpriseId });
      for (let i = 0; i < 100; i++) {
        const status = (await fetchRun(run.id)).status;
        if (status === 'done') break;
        if (status === 'failed') throw new Error('重新评价失败，请重试');
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      setChoices({});
      await client.invalidateQueries({ queryKey: enterpriseKeys.one(enterpriseId) });
      await client.invalidateQueries({ queryKey: evaluationKeys.ofEnterprise(enterpriseId) });
      message.success('审核结论已保存，已按审核结论重新评价');
    } catch (e) {
      message.error(e instanceof ApiError || e instanceof Error ? e.message : '保存失败');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ marginTop: 16 }}>
      <Typography.Title level={5}>人工审核事项</Typography.Title>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: '梯度', dataIndex: 'tier', width: 140, render: (t) => TIER_LABELS[t] ?? t },
          { title: '事项', dataIndex: 'name', width: 200 },
          { title: '审核问题', dataIndex: 'question' },
          {
            title: '审核结论',
            width: 240,
            render: (_, q) =>
              officer ? (
                <Radio.Group
                  aria-label={`${q.name}的审核结论`}
                  value={choices[q.id] ?? choiceOf(q.answer)}
                  onChange={(ev) => setChoices({ ...choices, [q.id]: ev.target.value })}
                  options={(Object.keys(ANSWER_LABELS) as Choice[]).map((c) => ({ value: c, label: ANSWER_LABELS[c] }))}
                />
              ) : (
                <Tag color={q.answer === true ? 'green' : q.answer === false ? 'red' : 'orange'}>{ANSWER_LABELS[choiceOf(q.answer)]}</Tag>
              ),
          },
        ]}
      />
      {officer && (
        <Space style={{ marginTop: 8 }}>
          <Button type="primary" disabled={!changed.length} loading={busy} onClick={save}>
            保存审核结论并重新评价
          </Button>
          <Typography.Text type="secondary">审核结论随企业信息保存并记入审计日志；企业不能修改。</Typography.Text>
        </Space>
      )}
    </div>
  );
}
