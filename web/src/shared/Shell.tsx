import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, type MenuProps, Result, Space, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { MessageBell } from '../modules/messages/MessageBell';
import { menuKeyFor, type NavItem, navFor } from '../navigation';
import { useSession } from './session';

export function Shell({ children }: { children: ReactNode }) {
  const { user, signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [narrow, setNarrow] = useState(false);
  if (!user) return null;
  const items = navFor(user.role);
  const scope = user.districtName ?? user.organization ?? (user.role === 'city_admin' ? '全市' : '');
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {/* Wraps on a phone (390 px): the title on one line, the user and the buttons below. */}
      <Layout.Header
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          alignItems: 'center',
          gap: '8px 24px',
          paddingInline: 24,
          paddingBlock: 16,
          height: 'auto',
          minHeight: 64,
          lineHeight: '32px',
        }}
      >
        <Typography.Text strong style={{ color: '#fff', fontSize: 17, whiteSpace: 'nowrap' }}>
          重庆市专精特新企业梯度培育平台
        </Typography.Text>
        <div style={{ flex: 1 }} />
        <MessageBell />
        <Space wrap style={{ color: '#fff' }} data-testid="current-user">
          <UserOutlined />
          <span>{user.displayName}</span>
          <span style={{ opacity: 0.8 }}>
            {user.roleLabel}
            {scope && scope !== user.roleLabel ? ` · ${scope}` : ''}
          </span>
          <Button size="small" icon={<KeyOutlined />} onClick={() => navigate('/account/password')}>
            修改密码
          </Button>
          <Button
            size="small"
            icon={<LogoutOutlined />}
            onClick={async () => {
              await signOut();
              navigate('/', { replace: true });
            }}
          >
            退出登录
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        {/* Below 768 px the menu folds away behind its button: the page keeps the width of the phone. */}
        <Layout.Sider width={200} theme="light" breakpoint="md" collapsedWidth={0} onBreakpoint={setNarrow}>
          <Menu
            mode="inline"
            selectedKeys={[menuKeyFor(user.role, location.pathname) ?? '']}
            items={menuItems(items)}
            defaultOpenKeys={groupsOf(items)}
            onClick={({ key }) => navigate(key)}
            style={{ height: '100%' }}
          />
        </Layout.Sider>
        {/* On a phone the menu's button floats over the top left corner: the page starts below it. */}
        <Layout.Content style={{ padding: narrow ? '64px 16px 24px' : 24 }}>{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}

/** The menu: entries in the table's order, those of a group gathered in its submenu where the group first appears. */
function menuItems(items: NavItem[]): MenuProps['items'] {
  const out: NonNullable<MenuProps['items']> = [];
  const groups = new Map<string, { key: string; label: string }[]>();
  for (const item of items) {
    const entry = { key: item.path, label: item.label };
    if (!item.group) {
      out.push(entry);
      continue;
    }
    let children = groups.get(item.group);
    if (!children) {
      children = [];
      groups.set(item.group, children);
      out.push({ key: `group:${item.group}`, label: item.group, children });
    }
    children.push(entry);
  }
  return out;
}

const groupsOf = (items: NavItem[]) => [...new Set(items.flatMap((item) => (item.group ? [`group:${item.group}`] : [])))];

/** A page the role may not open (typed or bookmarked URL): say so and offer the way back. */
export function Forbidden() {
  const navigate = useNavigate();
  const { user } = useSession();
  return (
    <Result
      status="403"
      title="无权访问"
      subTitle={`当前账号（${user?.roleLabel ?? '未登录'}）无权打开此页面。如需使用，请联系市经信委开通权限。`}
      extra={
        <Button type="primary" onClick={() => navigate('/', { replace: true })}>
          返回工作台
        </Button>
      }
    />
  );
}
