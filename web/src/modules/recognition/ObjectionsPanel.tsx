import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Empty, Form, Input, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import type dayjs from 'dayjs';
import { useState } from 'react';
import { OBJECTION_CHANNEL_LABELS, OBJECTION_STATUS_LABELS } from '../../../../src/domain/recognition/lifecycle';
import type { FileInfo } from '../../../../src/modules/files/files.schemas';
import { ApiError } from '../../shared/api';
import { FileUpload } from '../../shared/FileUpload';
import { date } from '../../shared/format';
import { optionsOf } from '../../shared/labels';
import { fetchObjections, findObjection, type Objection, recognitionKeys, recordObjection } from './api';
import { todayDate } from './rounds-shared';

const STATUS_COLORS: Record<string, string> = { open: 'red', upheld: 'volcano', dismissed: 'default' };
const channelLabel = (c: string) => OBJECTION_CHANNEL_LABELS[c as keyof typeof OBJECTION_CHANNEL_LABELS] ?? '其他';
const statusText = (s: string) => OBJECTION_STATUS_LABELS[s as keyof typeof OBJECTION_STATUS_LABELS] ?? '待核查';

interface RecordValues {
  channel: string;
  objectorName: string;
  objectorContact: string;
  facts: string;
  receivedOn: dayjs.Dayjs;
}

/** 异议: those received against an item in 公示, recording a new one, and the city's finding (成立 / 不成立). */
export function ObjectionsPanel({
  applicationId,
  inPublicity,
  canFind,
}: {
  applicationId: string;
  inPublicity: boolean;
  canFind: boolean;
}) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const list = useQuery({ queryKey: recognitionKeys.objections(applicationId), queryFn: () => fetchObjections(applicationId) });
  const [recording, setRecording] = useState(false);
  const [finding, setFinding] = useState<Objection | null>(null);
  const [files, setFiles] = useState<FileInfo[]>([]);
  const [busy, setBusy] = useState(false);
  const [recordForm] = Form.useForm<RecordValues>();
  const [findForm] = Form.useForm<{ finding: 'upheld' | 'dismissed'; reason: string }>();
  const refresh = () => client.invalidateQueries({ queryKey: recognitionKeys.all });
  const record = useMutation({
    mutationFn: (v: RecordValues) =>
      recordObjection(applicationId, {
        channel: v.channel,
        objectorName: v.objectorName.trim(),
        objectorContact: v.objectorContact.trim(),
        facts: v.facts.trim(),
        receivedOn: v.receivedOn.format('YYYY-MM-DD'),
        fileIds: files.map((f) => f.id),
      }),
    onSuccess: () => {
      message.success('异议已登记，该企业在核查结论作出前暂停认定');
      setRecording(false);
      setFiles([]);
      refresh();
    },
    onError: (e) => {
      message.error(e instanceof ApiError ? e.message : '登记失败，请稍后重试');
    },
  });
  const find = useMutation({
    mutationFn: (v: { finding: 'upheld' | 'dismissed'; reason: string }) =>
      findObjection(finding?.id ?? '', { finding: v.finding, reason: v.reason.trim() }),
    onSuccess: (_, v) => {
      message.success(v.finding === 'upheld' ? '已记录：异议成立，该企业不予认定' : '已记录：异议不成立');
      setFinding(null);
      refresh();
    },
    onError: (e) => {
      message.error(e instanceof ApiError ? e.message : '保存失败，请稍后重试');
    },
  });
  const items = list.data?.items ?? [];
  return (
    <Card
      title="异议"
      size="small"
      extra={
        inPublicity && (
          <Button
            onClick={() => {
              recordForm.resetFields();
              setRecording(true);
            }}
          >
            登记异议
          </Button>
        )
      }
    >
      {items.length === 0 && !list.isLoading ? (
        <Empty
          description={
            inPublicity ? '公示期内尚未收到异议。收到实名异议时，请点击“登记异议”记录。' : '未收到异议。异议只能在公示期内登记。'
          }
        />
      ) : (
        <Table<Objection>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          pagination={false}
          dataSource={items}
          columns={[
            { title: '收到日期', dataIndex: 'receivedOn', width: 110, render: (v) => date(v) },
            { title: '渠道', dataIndex: 'channel', width: 90, render: (c: string) => channelLabel(c) },
            {
              title: '异议人',
              width: 180,
              render: (_, o) => (
                <Space orientation="vertical" size={0}>
                  {o.objectorName}
                  <Typography.Text type="secondary">{o.objectorContact}</Typography.Text>
                </Space>
              ),
            },
            { title: '异议事实', dataIndex: 'facts' },
            {
              title: '核查结论',
              width: 220,
              render: (_, o) => (
                <Space orientation="vertical" size={0}>
                  <Tag color={STATUS_COLORS[o.status]}>{statusText(o.status)}</Tag>
                  {o.findingReason && <Typography.Text type="secondary">{o.findingReason}</Typography.Text>}
                </Space>
              ),
            },
            {
              title: '操作',
              width: 110,
              render: (_, o) =>
                canFind && o.status === 'open' ? (
                  <Button
                    size="small"
                    onClick={() => {
                      findForm.resetFields();
                      setFinding(o);
                    }}
                  >
                    记录核查结论
                  </Button>
                ) : null,
            },
          ]}
        />
      )}
      <Modal
        open={recording}
        title="登记异议"
        okText="登记"
        cancelText="取消"
        confirmLoading={record.isPending}
        okButtonProps={{ disabled: busy }}
        onCancel={() => setRecording(false)}
        onOk={() => recordForm.submit()}
        destroyOnHidden
      >
        <Form form={recordForm} layout="vertical" onFinish={(v) => record.mutate(v)} initialValues={{ receivedOn: todayDate() }}>
          <Form.Item name="channel" label="异议渠道" rules={[{ required: true, message: '请选择异议渠道' }]}>
            <Select options={optionsOf(OBJECTION_CHANNEL_LABELS)} placeholder="请选择" />
          </Form.Item>
          <Form.Item
            name="objectorName"
            label="异议人（实名）"
            rules={[{ required: true, whitespace: true, message: '请填写异议人姓名或单位名称' }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="objectorContact" label="联系方式" rules={[{ required: true, whitespace: true, message: '请填写联系方式' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="facts" label="异议事实" rules={[{ required: true, whitespace: true, message: '请填写异议的具体事实' }]}>
            <Input.TextArea rows={4} maxLength={4000} />
          </Form.Item>
          <Form.Item name="receivedOn" label="收到日期" rules={[{ required: true, message: '请选择收到日期' }]}>
            <DatePicker disabledDate={(d) => d.isAfter(todayDate(), 'day')} />
          </Form.Item>
          <Form.Item label="证据材料">
            <FileUpload onChange={setFiles} onBusyChange={setBusy} label="上传证据材料" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={finding !== null}
        title="记录核查结论"
        okText="保存结论"
        cancelText="取消"
        confirmLoading={find.isPending}
        onCancel={() => setFinding(null)}
        onOk={() => findForm.submit()}
        destroyOnHidden
      >
        <Form form={findForm} layout="vertical" onFinish={(v) => find.mutate(v)}>
          <Form.Item name="finding" label="结论" rules={[{ required: true, message: '请选择核查结论' }]}>
            <Radio.Group
              options={[
                { value: 'dismissed', label: '异议不成立' },
                { value: 'upheld', label: '异议成立（该企业不予认定）' },
              ]}
            />
          </Form.Item>
          <Form.Item name="reason" label="核查说明" rules={[{ required: true, whitespace: true, message: '请填写核查说明' }]}>
            <Input.TextArea rows={4} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
