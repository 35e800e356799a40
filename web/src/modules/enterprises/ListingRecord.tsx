import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Empty, Form, Input, Modal, Popconfirm, Select, Space, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ApiError } from '../../shared/api';
import { date, today } from '../../shared/format';
import { enterpriseKeys, fetchListings, type ListingRecord as Listing, listingKeys, removeListing, saveListing } from './api';

type Entry = Listing['items'][number];
type EntryForm = { stage: string; reachedOn: dayjs.Dayjs; market?: string; note?: string };

/** 上市进程 of an enterprise: the stages reached with their dates; officers of its district (and the city) record them. */
export function ListingRecord({ enterpriseId }: { enterpriseId: string }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const record = useQuery({ queryKey: listingKeys.of(enterpriseId), queryFn: () => fetchListings(enterpriseId) });
  const [editing, setEditing] = useState<Entry | 'new' | null>(null);
  const [form] = Form.useForm<EntryForm>();
  const refresh = (data: Listing) => {
    client.setQueryData(listingKeys.of(enterpriseId), data);
    // The enterprise's history shows the change.
    client.invalidateQueries({ queryKey: enterpriseKeys.one(enterpriseId), exact: true });
  };
  const save = useMutation({
    mutationFn: (v: EntryForm) =>
      saveListing(enterpriseId, v.stage, {
        reachedOn: v.reachedOn.format('YYYY-MM-DD'),
        market: v.market?.trim() || null,
        note: v.note?.trim() || null,
      }),
    onSuccess: (data) => {
      message.success('上市进程已保存');
      refresh(data);
      setEditing(null);
    },
    onError: (e) => {
      message.error(e instanceof ApiError ? e.message : '保存失败，请稍后重试');
    },
  });
  const remove = useMutation({
    mutationFn: (stage: string) => removeListing(enterpriseId, stage),
    onSuccess: (data) => {
      message.success('已删除该阶段');
      refresh(data);
    },
    onError: (e) => {
      message.error(e instanceof ApiError ? e.message : '删除失败，请稍后重试');
    },
  });
  if (record.error)
    return <Alert type="error" showIcon title={record.error instanceof ApiError ? record.error.message : '上市进程读取失败'} />;
  const data = record.data;
  const recorded = new Set(data?.items.map((i) => i.stage));
  const existing = editing && editing !== 'new' ? editing : null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {data?.editable && (
        <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} disabled={data.stages.every((s) => recorded.has(s.key))}>
          登记阶段
        </Button>
      )}
      <Table<Entry>
        rowKey="stage"
        size="small"
        pagination={false}
        loading={record.isLoading}
        dataSource={data?.items ?? []}
        locale={{
          emptyText: (
            <Empty
              description={
                data?.editable
                  ? '尚未登记上市进程。点击“登记阶段”记录股改、挂牌、辅导备案、申报受理或上市的日期。'
                  : '尚未登记上市进程，由企业所在区县经信部门登记。'
              }
            />
          ),
        }}
        columns={[
          { title: '阶段', dataIndex: 'stageLabel', width: 120 },
          { title: '日期', dataIndex: 'reachedOn', width: 120, render: (d: string) => date(d) },
          { title: '市场（板块）', dataIndex: 'market', render: (m: string | null) => m ?? '—' },
          { title: '备注', dataIndex: 'note', render: (n: string | null) => n ?? '—' },
          ...(data?.editable
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  width: 130,
                  render: (_: unknown, entry: Entry) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setEditing(entry)}>
                        修改
                      </Button>
                      <Popconfirm
                        title={`删除“${entry.stageLabel}”阶段？`}
                        okText="删除"
                        cancelText="取消"
                        onConfirm={() => remove.mutate(entry.stage)}
                      >
                        <Button type="link" size="small" danger>
                          删除
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={editing !== null}
        title={existing ? `修改：${existing.stageLabel}` : '登记上市进程阶段'}
        okText="保存"
        cancelText="取消"
        confirmLoading={save.isPending}
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        <Form<EntryForm>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={
            existing
              ? {
                  stage: existing.stage,
                  reachedOn: dayjs(existing.reachedOn),
                  market: existing.market ?? undefined,
                  note: existing.note ?? undefined,
                }
              : { stage: data?.stages.find((s) => !recorded.has(s.key))?.key }
          }
          onFinish={(v) => save.mutate(v)}
        >
          <Form.Item name="stage" label="阶段" rules={[{ required: true, message: '请选择阶段' }]}>
            <Select
              disabled={!!existing}
              options={(data?.stages ?? []).map((s) => ({ value: s.key, label: s.label, disabled: !existing && recorded.has(s.key) }))}
            />
          </Form.Item>
          <Form.Item name="reachedOn" label="日期" rules={[{ required: true, message: '请选择完成该阶段的日期' }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > today()} />
          </Form.Item>
          <Form.Item name="market" label="市场（板块）">
            <Input maxLength={60} placeholder="如 北交所、上交所科创板、重庆股份转让中心" />
          </Form.Item>
          <Form.Item name="note" label="备注">
            <Input.TextArea maxLength={500} rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
