import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Modal, Select, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../shared/api';
import { useSession } from '../../shared/session';
import { CalendarTab } from '../calendar/CalendarTab';
import {
  type Cluster,
  type ClusterChange,
  type District,
  fetchClusters,
  fetchDistricts,
  fetchIndustries,
  type Industry,
  referenceKeys,
  updateCluster,
} from './api';

const KINDS: Record<string, string> = { district: '区', county: '县', autonomous_county: '自治县', zone: '功能区' };
const CATEGORIES: Record<string, string> = {
  leading: '主导产业集群（万亿级）',
  pillar: '支柱产业集群（五千亿级）',
  featured: '特色优势产业集群（千亿级）',
  rising: '“新星”产业集群（百亿级）',
};

function ClustersTable({ editable }: { editable: boolean }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [editing, setEditing] = useState<Cluster | null>(null);
  const [form] = Form.useForm();
  const clusters = useQuery({ queryKey: referenceKeys.clusters, queryFn: fetchClusters });
  const save = useMutation({
    mutationFn: (values: Omit<ClusterChange, 'version'>) =>
      updateCluster(editing?.code ?? '', { ...values, version: editing?.version ?? 0 }),
    onSuccess: () => {
      message.success('已保存');
      setEditing(null);
      client.invalidateQueries({ queryKey: referenceKeys.clusters });
    },
    onError: (e) => {
      message.error(e instanceof ApiError ? e.message : '保存失败');
    },
  });
  return (
    <>
      <Table<Cluster>
        rowKey="code"
        size="small"
        pagination={false}
        loading={clusters.isLoading}
        dataSource={clusters.data}
        columns={[
          { title: '代码', dataIndex: 'code', width: 80 },
          { title: '集群', dataIndex: 'name' },
          { title: '类别', dataIndex: 'category', render: (v) => CATEGORIES[v] ?? v },
          { title: '状态', dataIndex: 'active', width: 80, render: (v) => (v ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
          // The note is the maintainers' working note (sources still to verify): not shown in the list.
          ...(editable
            ? [
                {
                  title: '操作',
                  width: 80,
                  render: (_: unknown, c: Cluster) => (
                    <Button
                      type="link"
                      size="small"
                      onClick={() => {
                        form.setFieldsValue(c);
                        setEditing(c);
                      }}
                    >
                      编辑
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={editing !== null}
        title={`编辑集群 ${editing?.code ?? ''}`}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={({ name, category, sortOrder, active, note }) => save.mutate({ name, category, sortOrder, active, note: note || null })}
        >
          <Form.Item name="name" label="名称" rules={[{ required: true, message: '请输入名称' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="category" label="类别" rules={[{ required: true }]}>
            <Select options={Object.entries(CATEGORIES).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="sortOrder" label="排序" rules={[{ required: true }]}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="active" label="启用" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="note" label="内部备注（不在列表中显示）">
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export default function ReferencePage() {
  const { user } = useSession();
  const districts = useQuery({ queryKey: referenceKeys.districts, queryFn: fetchDistricts });
  const industries = useQuery({ queryKey: referenceKeys.industries, queryFn: fetchIndustries });
  const sections = industries.data?.filter((i) => i.level === 'section') ?? [];
  // The open tab lives in the URL (?tab=calendar), so that a message can link to it.
  const [params, setParams] = useSearchParams();
  return (
    <>
      <Typography.Title level={3}>参考数据</Typography.Title>
      <Tabs
        activeKey={params.get('tab') ?? 'districts'}
        onChange={(tab) => setParams(tab === 'districts' ? {} : { tab }, { replace: true })}
        items={[
          {
            key: 'districts',
            label: '区县及功能区',
            children: (
              <Table<District>
                rowKey="code"
                size="small"
                pagination={false}
                dataSource={districts.data}
                columns={[
                  { title: '代码', dataIndex: 'code', width: 120 },
                  { title: '名称', dataIndex: 'name' },
                  { title: '类型', dataIndex: 'kind', render: (v) => KINDS[v] ?? v },
                ]}
              />
            ),
          },
          {
            key: 'industries',
            label: '国民经济行业分类',
            children: (
              <Table<Industry>
                rowKey="code"
                size="small"
                pagination={false}
                dataSource={sections.map((s) => ({ ...s, children: industries.data?.filter((i) => i.parentCode === s.code) }))}
                columns={[
                  { title: '代码', dataIndex: 'code', width: 120 },
                  { title: '名称', dataIndex: 'name' },
                ]}
              />
            ),
          },
          { key: 'clusters', label: '“33618”产业集群', children: <ClustersTable editable={user?.role === 'city_admin'} /> },
          { key: 'calendar', label: '工作日历', children: <CalendarTab editable={user?.role === 'city_admin'} /> },
        ]}
      />
    </>
  );
}
