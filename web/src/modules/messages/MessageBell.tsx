import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button } from 'antd';
import { useNavigate } from 'react-router';
import { fetchUnreadCount, messageKeys } from './api';

/** The bell in the header: the unread count, refreshed every 30 s (and whenever a message is marked read). */
export function MessageBell() {
  const navigate = useNavigate();
  const unread = useQuery({ queryKey: messageKeys.unreadCount, queryFn: fetchUnreadCount, refetchInterval: 30_000 });
  const count = unread.data?.count ?? 0;
  // The count inside the button (an overlaid badge would cover its text); a red dark enough for white text (AA).
  return (
    <Button
      size="small"
      icon={<BellOutlined />}
      aria-label={count ? `消息中心，${count} 条未读` : '消息中心，没有未读消息'}
      onClick={() => navigate('/messages')}
    >
      消息
      {count ? <Badge count={count} overflowCount={99} size="small" color="#b91c1c" data-testid="unread-badge" /> : null}
    </Button>
  );
}
