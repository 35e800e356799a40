import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Radio, Space, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { ApiError } from '../../shared/api';
import { type ApplicationDetail, fetchMyReview, type ReviewInput, recognitionKeys, saveReview } from './api';

interface Values {
  answers: Record<string, boolean>;
  featuredScore?: number | null;
  score: number;
  opinion: string;
}

/** 专家评审 of one assigned application: the review questions (是/否), the 特色化 score, the score and the opinion. */
export function ExpertScoringCard({ app }: { app: ApplicationDetail }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  // The questions, whether 特色化 is scored, and a draft saved earlier come from the server (GET …/review).
  const mine = useQuery({ queryKey: [...recognitionKeys.myReviews, app.id], queryFn: () => fetchMyReview(app.id), retry: false });
  const review = mine.data;
  const questions = review?.questions ?? [];
  const featured = review?.featuredApplicable ?? false;
  useEffect(() => {
    if (review)
      form.setFieldsValue({
        answers: review.answers,
        featuredScore: review.featuredScore,
        score: review.score ?? undefined,
        opinion: review.opinion ?? '',
      });
  }, [review, form]);
  const save = useMutation({
    mutationFn: ({ values, submit }: { values: Values; submit: boolean }) => {
      const body: ReviewInput = {
        answers: values.answers ?? {},
        score: values.score,
        opinion: values.opinion?.trim() ?? '',
        submit,
        ...(featured ? { featuredScore: values.featuredScore ?? null } : {}),
      };
      return saveReview(app.id, body);
    },
    onSuccess: (r) => {
      message.success(r.submitted ? '评审意见已提交' : '评审意见已暂存');
      client.invalidateQueries({ queryKey: recognitionKeys.myReviews });
      client.invalidateQueries({ queryKey: recognitionKeys.application(app.id) });
    },
    onError: (e) => {
      message.error(e instanceof ApiError ? e.message : '保存失败，请稍后重试');
    },
  });
  if (mine.isLoading) return <Spin />;
  if (mine.isError || !review) return null;
  const submitted = review.submittedAt !== null;
  return (
    <Card title="专家评审意见" style={{ marginBottom: 16 }}>
      {submitted || !review.editable ? (
        <Alert
          type={submitted ? 'success' : 'info'}
          showIcon
          title={submitted ? '您已提交本申报的评审意见。如需更正，请联系市经信委。' : '本申报已结束专家评审，不能再修改评审意见。'}
        />
      ) : (
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) => save.mutate({ values, submit: true })}
          style={{ maxWidth: 760 }}
          disabled={save.isPending}
        >
          {questions.length === 0 ? (
            <Typography.Paragraph type="secondary">本申报没有需要专家判断的条件，请直接评分并填写意见。</Typography.Paragraph>
          ) : (
            questions.map((q) => (
              <Form.Item
                key={q.id}
                name={['answers', q.id]}
                label={`${q.name}：${q.question}`}
                rules={[{ required: true, message: '请选择“是”或“否”' }]}
              >
                <Radio.Group
                  options={[
                    { value: true, label: '是' },
                    { value: false, label: '否' },
                  ]}
                />
              </Form.Item>
            ))
          )}
          {featured && (
            <Form.Item
              name="featuredScore"
              label="特色化指标得分（0–15 分，整数）"
              rules={[{ required: true, message: '请填写特色化指标得分' }]}
            >
              <InputNumber min={0} max={15} step={1} precision={0} style={{ width: 160 }} />
            </Form.Item>
          )}
          <Form.Item name="score" label="评审得分（0–100 分，整数）" rules={[{ required: true, message: '请填写评审得分' }]}>
            <InputNumber min={0} max={100} step={1} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item
            name="opinion"
            label="评审意见"
            rules={[
              { required: true, whitespace: true, message: '请填写评审意见' },
              { max: 4000, message: '最多 4,000 字' },
            ]}
          >
            <Input.TextArea rows={5} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              提交评审意见
            </Button>
            <Button
              onClick={() =>
                form
                  .validateFields(['score'])
                  .then(() => save.mutate({ values: form.getFieldsValue(), submit: false }))
                  .catch(() => undefined)
              }
            >
              暂存
            </Button>
          </Space>
        </Form>
      )}
    </Card>
  );
}
