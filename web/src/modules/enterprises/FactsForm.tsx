import { App, Checkbox, Form, InputNumber, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../shared/api';
import { optionsOf, QUALITY_ITEMS, QUALITY_LABELS, RD_INSTITUTION_LABELS } from '../../shared/labels';
import { useSession } from '../../shared/session';
import { type Facts, updateEnterprise } from './api';

export type { Facts };

/** The facts the evaluation reads (IP, R&D institution, digital level, quality, market position). */
export function FactsForm({
  enterpriseId,
  version,
  facts,
  onClose,
  onSaved,
}: {
  enterpriseId: string;
  version: number;
  facts: Facts;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const { user } = useSession();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const submit = async (values: Facts) => {
    setSaving(true);
    try {
      const clean = JSON.parse(JSON.stringify(values, (_k, v) => (v === null ? undefined : v)));
      const saved = await updateEnterprise(enterpriseId, { version, facts: { ...facts, ...clean } });
      if (saved.changed === false) message.info('未做修改');
      else message.success('已保存');
      onSaved();
      onClose();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '保存失败');
    } finally {
      setSaving(false);
    }
  };
  // The limits are said next to the field: InputNumber's min/max would silently change what was typed.
  const number = (name: (string | number)[], label: string, max?: number) => (
    <Form.Item
      name={name}
      label={label}
      rules={[
        {
          validator: (_rule, v: number | null | undefined) =>
            v == null
              ? Promise.resolve()
              : v < 0
                ? Promise.reject(new Error('不能为负数'))
                : max !== undefined && v > max
                  ? Promise.reject(new Error(`不能超过 ${max}`))
                  : Promise.resolve(),
        },
      ]}
    >
      <InputNumber style={{ width: 140 }} aria-label={label} />
    </Form.Item>
  );
  return (
    <Modal open title="编辑评价相关信息" width={720} onCancel={onClose} onOk={() => form.submit()} confirmLoading={saving} okText="保存">
      <Form form={form} layout="vertical" initialValues={facts} onFinish={submit}>
        <Space wrap>
          {number(['ip', 'classI'], 'Ⅰ类知识产权（项）')}
          {number(['ip', 'classIHighValue'], '其中高价值')}
          {number(['ip', 'classISelfDeveloped'], '其中自主研发')}
          {number(['ip', 'classII'], 'Ⅱ类知识产权（项）')}
        </Space>
        <Space wrap>
          <Form.Item name="rdInstitution" label="研发机构">
            <Select style={{ width: 140 }} options={optionsOf(RD_INSTITUTION_LABELS)} />
          </Form.Item>
          {number(['digitalLevel'], '数字化水平（级）', 6)}
          {number(['nicheMarketShare'], '细分市场占有率（%）', 100)}
          {number(['domesticRank'], '国内排名')}
          {/* Set by officers or imported from the national platform: an enterprise cannot change them. */}
          {user?.role !== 'enterprise' && number(['developmentScore'], '专精特新发展评价得分（国家平台）', 100)}
          {user?.role !== 'enterprise' && number(['featuredScore'], '特色化指标得分（0–15，区县评定）', 15)}
          <Form.Item name="mainProductField" label="主导产品所属领域">
            <Select
              style={{ width: 260 }}
              allowClear
              options={[
                { value: 'strategic_emerging', label: '战略性新兴产业' },
                { value: 'key_chain', label: '关键领域补短板/锻长板/填空白' },
                { value: 'six_basics', label: '工业"六基"、老字号或链主配套' },
                { value: 'other', label: '其他' },
              ]}
            />
          </Form.Item>
        </Space>
        <Space wrap>
          {QUALITY_ITEMS.map((k) => (
            <Form.Item key={k} name={['quality', k]} valuePropName="checked" noStyle>
              <Checkbox>{QUALITY_LABELS[k]}</Checkbox>
            </Form.Item>
          ))}
        </Space>
      </Form>
    </Modal>
  );
}
