import { Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { RETURN_REASONS } from '../../../../src/domain/recognition/lifecycle';
import { optionsOf } from '../../shared/labels';

export interface ReasonValue {
  reasonCode?: string;
  reason?: string;
}

/**
 * The reason of an officer's action: the code list (退回原因) and the text. `required`: both must be
 * given (return, reject, return to district); otherwise an optional remark (approval).
 */
export function ReasonDialog({
  open,
  title,
  okText,
  required,
  withCode,
  pending,
  onSubmit,
  onCancel,
}: {
  open: boolean;
  title: string;
  okText: string;
  required: boolean;
  withCode: boolean;
  pending?: boolean;
  onSubmit(value: ReasonValue): void;
  onCancel(): void;
}) {
  const [form] = Form.useForm<ReasonValue>();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText="取消"
      confirmLoading={pending}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => onSubmit({ reasonCode: v.reasonCode, reason: v.reason?.trim() || undefined })}>
        {withCode && (
          <Form.Item name="reasonCode" label="原因类别" rules={[{ required, message: '请选择原因类别' }]}>
            <Select placeholder="请选择" options={optionsOf(RETURN_REASONS)} />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={required ? '具体原因' : '审核意见（可不填）'}
          rules={[
            { required, whitespace: true, message: '请填写具体原因，企业或区县将看到这段说明' },
            { max: 2000, message: '最多 2,000 字' },
          ]}
        >
          <Input.TextArea rows={4} placeholder={required ? '说明需要补充或更正的内容，企业或区县将看到这段说明' : ''} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
