import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Empty, Form, Input, List, Modal, Radio, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { VISIT_FORM_LABELS } from '../../../../src/domain/labels';
import { FileUpload } from '../../shared/FileUpload';
import { date, dateTime } from '../../shared/format';
import { useSession } from '../../shared/session';
import { expertKeys, fetchVisits, recordVisit } from './api';

const FORM_OPTIONS = Object.entries(VISIT_FORM_LABELS).map(([value, label]) => ({ value, label }));

/** 专家服务记录 of one enterprise, on its page; an expert assigned to it records a visit here. */
export function ExpertVisitsCard({ enterpriseId, enterpriseName }: { enterpriseId: string; enterpriseName: string }) {
  const { user } = useSession();
  const [recording, setRecording] = useState(false);
  const visits = useQuery({ queryKey: expertKeys.visits(enterpriseId), queryFn: () => fetchVisits(enterpriseId) });
  const expert = user?.role === 'expert';
  return (
    <Card
      title="专家服务记录"
      style={{ marginTop: 16 }}
      extra={
        expert && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)}>
            记录服务
          </Button>
        )
      }
    >
      {visits.error ? (
        <Typography.Text type="secondary">{(visits.error as Error).message}</Typography.Text>
      ) : (
        <List
          loading={visits.isLoading}
          dataSource={visits.data?.items ?? []}
          locale={{
            emptyText: (
              <Empty
                description={
                  expert
                    ? '您尚未记录对该企业的服务：走访、线上或电话服务后，点右上角“记录服务”填写服务内容和建议。'
                    : '暂无专家服务记录。专家为该企业提供服务后，记录会显示在这里，企业和所在区县也会收到消息。'
                }
              />
            ),
          }}
          renderItem={(v) => (
            <List.Item key={v.id}>
              <div style={{ width: '100%' }}>
                <Space wrap>
                  <Typography.Text strong>{date(v.visitedOn)}</Typography.Text>
                  <Tag>{v.formLabel}</Tag>
                  <Typography.Text strong>{v.topic}</Typography.Text>
                </Space>
                <div>
                  <Typography.Text type="secondary">{`${v.expertName}（${v.expertOrganization}），记录于 ${dateTime(v.createdAt)}`}</Typography.Text>
                </div>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '8px 0 4px' }}>意见建议：{v.advice}</Typography.Paragraph>
                {v.followUp && <Typography.Paragraph style={{ marginBottom: 4 }}>后续跟进：{v.followUp}</Typography.Paragraph>}
                {v.files.length > 0 && (
                  <Space wrap>
                    附件：
                    {v.files.map((f) => (
                      <a key={f.id} href={`/api/files/${f.id}`} target="_blank" rel="noreferrer">
                        {f.name}
                      </a>
                    ))}
                  </Space>
                )}
              </div>
            </List.Item>
          )}
        />
      )}
      {recording && <VisitForm enterpriseId={enterpriseId} enterpriseName={enterpriseName} onClose={() => setRecording(false)} />}
    </Card>
  );
}

interface VisitValues {
  visitedOn: Dayjs;
  form: string;
  topic: string;
  advice: string;
  followUp?: string;
}

/** 记录服务: date, form, topic, advice, follow-up and attachments (PDF, JPG, PNG, XLSX, DOCX). */
function VisitForm({ enterpriseId, enterpriseName, onClose }: { enterpriseId: string; enterpriseName: string; onClose: () => void }) {
  const [form] = Form.useForm<VisitValues>();
  const [fileIds, setFileIds] = useState<string[]>([]);
  const [uploading, setUploading] = useState(false);
  const client = useQueryClient();
  const { message } = App.useApp();
  const save = useMutation({
    mutationFn: (v: VisitValues) =>
      recordVisit(enterpriseId, {
        visitedOn: v.visitedOn.format('YYYY-MM-DD'),
        form: v.form,
        topic: v.topic,
        advice: v.advice,
        followUp: v.followUp?.trim() ? v.followUp : null,
        fileIds,
      }),
    onSuccess: () => {
      message.success('服务记录已保存，企业和所在区县经信委已收到消息');
      client.invalidateQueries({ queryKey: expertKeys.visits(enterpriseId) });
      onClose();
    },
    onError: (e) => {
      message.error(e.message);
    },
  });
  return (
    <Modal
      open
      title={`记录服务：${enterpriseName}`}
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={{ disabled: uploading }}
      onOk={() => form.submit()}
      width={640}
    >
      <Form form={form} layout="vertical" initialValues={{ visitedOn: dayjs(), form: 'onsite' }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="visitedOn" label="服务日期" rules={[{ required: true, message: '请选择服务日期' }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="form" label="服务方式" rules={[{ required: true, message: '请选择服务方式' }]}>
          <Radio.Group options={FORM_OPTIONS} optionType="button" />
        </Form.Item>
        <Form.Item name="topic" label="服务主题" rules={[{ required: true, whitespace: true, message: '请填写服务主题' }, { max: 100 }]}>
          <Input placeholder="如：研发费用归集、“小巨人”申报准备" />
        </Form.Item>
        <Form.Item name="advice" label="意见建议" rules={[{ required: true, whitespace: true, message: '请填写意见建议' }, { max: 4000 }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item name="followUp" label="后续跟进" rules={[{ max: 2000 }]}>
          <Input.TextArea rows={2} placeholder="如：一个月后回访（可不填）" />
        </Form.Item>
        <Form.Item label="附件（PDF、JPG、PNG、XLSX、DOCX，每个不超过 20 MB）">
          <FileUpload onChange={(files) => setFileIds(files.map((f) => f.id))} onBusyChange={setUploading} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
