import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { REVOCATION_CATEGORIES, type RevocationCategory } from '../../../../src/domain/recognition/lifecycle';
import type { FileInfo } from '../../../../src/modules/files/files.schemas';
import { ApiError } from '../../shared/api';
import { FileUpload } from '../../shared/FileUpload';
import { useSession } from '../../shared/session';
import { revokeTitle } from './api';
import { todayDate } from './rounds-shared';

export interface RevocableTitle {
  id: string;
  tierLabel: string;
  status: string;
  recognisedOn: string;
  validUntil: string | null;
}

interface Values {
  category: RevocationCategory;
  reason: string;
  revokedOn: Dayjs;
}

const CATEGORY_OPTIONS = (Object.keys(REVOCATION_CATEGORIES) as RevocationCategory[]).map((value) => ({
  value,
  label: REVOCATION_CATEGORIES[value].label,
}));

/** What the category bars, in the words the enterprise will read. */
function banText(category: RevocationCategory | undefined, on: Dayjs | undefined): string | null {
  if (!category) return null;
  const c = REVOCATION_CATEGORIES[category];
  if (!c.banYears) return '该类别不限制今后申报。';
  const until = (on ?? todayDate()).add(c.banYears, 'year').format('YYYY-MM-DD');
  return c.bansAllTiers
    ? `该企业持有的其他梯度称号一并撤销，${c.banYears} 年内（至 ${until}）不得申报任何层级的梯度培育认定。`
    : `撤销后，该企业 ${c.banYears} 年内（至 ${until}）不得申报该层级及以上层级的认定。`;
}

/** 撤销称号 (city): category, reason, date and evidence; the enterprise is told. */
export function RevokeTitleDialog({
  enterpriseId,
  title,
  open,
  onClose,
}: {
  enterpriseId: string;
  title: RevocableTitle;
  open: boolean;
  onClose(): void;
}) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<FileInfo[]>([]);
  const [busy, setBusy] = useState(false);
  const category = Form.useWatch('category', form);
  const revokedOn = Form.useWatch('revokedOn', form);
  const revoke = useMutation({
    mutationFn: (v: Values) =>
      revokeTitle(enterpriseId, title.id, {
        category: v.category,
        reason: v.reason.trim(),
        revokedOn: v.revokedOn.format('YYYY-MM-DD'),
        fileIds: files.map((f) => f.id),
      }),
    onSuccess: (t) => {
      message.success(`已撤销${t.tierLabel}称号${t.banUntil ? `，${t.banUntil} 前不得再申报` : ''}`);
      client.invalidateQueries({ queryKey: ['recognition'] });
      client.invalidateQueries({ queryKey: ['enterprise'] });
      client.invalidateQueries({ queryKey: ['enterprises'] });
      onClose();
    },
    onError: (e) => {
      message.error(e instanceof ApiError ? e.message : '撤销失败，请稍后重试');
    },
  });
  const ban = banText(category, revokedOn);
  return (
    <Modal
      open={open}
      title={`撤销称号：${title.tierLabel}`}
      okText="确认撤销"
      okButtonProps={{ disabled: busy }}
      cancelText="取消"
      confirmLoading={revoke.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        认定日期 {title.recognisedOn}，有效期至 {title.validUntil ?? '—'}。撤销后企业会收到通知，称号记录保留在有进有出统计中。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => revoke.mutate(v)} initialValues={{ revokedOn: todayDate() }} preserve={false}>
        <Form.Item name="category" label="撤销类别" rules={[{ required: true, message: '请选择撤销类别' }]}>
          <Select options={CATEGORY_OPTIONS} placeholder="请选择" />
        </Form.Item>
        {ban && (
          <Alert
            type={category && REVOCATION_CATEGORIES[category].banYears ? 'warning' : 'info'}
            showIcon
            title={ban}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form.Item
          name="reason"
          label="撤销原因"
          rules={[
            { required: true, whitespace: true, message: '请填写撤销原因，企业将看到这段说明' },
            { max: 2000, message: '最多 2,000 字' },
          ]}
        >
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item name="revokedOn" label="撤销日期" rules={[{ required: true, message: '请选择撤销日期' }]}>
          <DatePicker disabledDate={(d) => d.isAfter(todayDate(), 'day')} />
        </Form.Item>
        <Form.Item label="依据材料">
          <FileUpload onChange={setFiles} onBusyChange={setBusy} label="上传依据材料" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The 撤销 button of a title card (city administrators, valid titles and those under 复核). */
export function RevokeTitleButton({ enterpriseId, title }: { enterpriseId: string; title: RevocableTitle }) {
  const { user } = useSession();
  const [open, setOpen] = useState(false);
  if (user?.role !== 'city_admin' || (title.status !== 'valid' && title.status !== 'under_review')) return null;
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        撤销称号
      </Button>
      {open && <RevokeTitleDialog enterpriseId={enterpriseId} title={title} open={open} onClose={() => setOpen(false)} />}
    </>
  );
}

export default RevokeTitleDialog;
