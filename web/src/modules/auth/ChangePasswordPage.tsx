import { LockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../shared/api';
import { useSession } from '../../shared/session';
import { changePassword } from './api';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

const RULES = '至少 10 个字符；首尾不能有空格；不能包含用户名；不能是常见密码（如 Password123）。';

function PasswordForm({ onDone }: { onDone: () => void }) {
  const { message } = App.useApp();
  const { refresh } = useSession();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const submit = async ({ currentPassword, newPassword }: Values) => {
    setSubmitting(true);
    setError(null);
    try {
      await changePassword({ currentPassword, newPassword });
      message.success('密码已修改，其他设备上的登录已退出');
      form.resetFields();
      await refresh();
      onDone();
    } catch (e) {
      const field = e instanceof ApiError ? (e.details as { field?: string } | undefined)?.field : undefined;
      // The server names the field its rule is about: show the message there.
      if (e instanceof ApiError && (field === 'currentPassword' || field === 'newPassword')) {
        form.setFields([{ name: field, errors: [e.message] }]);
      } else {
        setError(e instanceof ApiError ? e.message : '修改失败，请检查网络后重试');
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} style={{ maxWidth: 400 }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" autoFocus />
      </Form.Item>
      <Form.Item name="newPassword" label="新密码" extra={RULES} rules={[{ required: true, message: '请输入新密码' }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label="再次输入新密码"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致')),
          }),
        ]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submitting}>
        修改密码
      </Button>
    </Form>
  );
}

/**
 * Changing one's own password: a page of the shell for everyone, and the only page there is for a
 * user whose password an administrator set (`forced`), until it is changed.
 */
export default function ChangePasswordPage({ forced = false }: { forced?: boolean }) {
  const navigate = useNavigate();
  const { user, signOut } = useSession();
  if (!forced) {
    return (
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          修改密码
        </Typography.Title>
        <Card>
          <PasswordForm onDone={() => navigate('/')} />
        </Card>
      </Space>
    );
  }
  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: 'linear-gradient(135deg,#1e3a8a,#2563eb)' }}>
      <Card style={{ width: 440 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          请先修改密码
        </Typography.Title>
        <Typography.Paragraph>
          {user?.displayName}，您的密码由管理员设置。请设置一个只有您自己知道的新密码，然后继续使用平台。
        </Typography.Paragraph>
        <PasswordForm onDone={() => navigate('/', { replace: true })} />
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
          <Button type="link" style={{ padding: 0 }} onClick={() => signOut()}>
            退出登录
          </Button>
        </Typography.Paragraph>
      </Card>
    </main>
  );
}
