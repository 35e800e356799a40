import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, List, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { MESSAGE_CATEGORY_LABELS } from '../../../../src/domain/message-categories';
import { count as countText, dateTime } from '../../shared/format';
import { optionsOf } from '../../shared/labels';
import { useUrlState } from '../../shared/useUrlState';
import { fetchMessages, type Message, markAllMessagesRead, markMessageRead, messageKeys } from './api';

const PAGE_SIZE = 20;

/** 消息中心: the caller's messages, newest first; filter, mark read, open the object. */
export default function MessagesPage() {
  const [state, setState] = useUrlState(['view', 'category', 'page'] as const);
  const unreadOnly = state.view === 'unread';
  const page = Number(state.page ?? 1);
  const filter = { unread: unreadOnly ? true : undefined, category: state.category, page, pageSize: PAGE_SIZE };
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const list = useQuery({ queryKey: messageKeys.list(filter), queryFn: () => fetchMessages(filter) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: messageKeys.all });
  const markRead = useMutation({
    mutationFn: markMessageRead,
    onSuccess: refresh,
    onError: (e) => {
      message.error(e.message);
    },
  });
  const markAll = useMutation({
    mutationFn: markAllMessagesRead,
    onSuccess: (r) => {
      message.success(r.marked ? `已将 ${countText(r.marked)} 条消息标为已读` : '没有未读消息');
      return refresh();
    },
    onError: (e) => {
      message.error(e.message);
    },
  });
  const unread = list.data?.unread ?? 0;

  async function open(m: Message) {
    if (!m.readAt) await markRead.mutateAsync(m.id);
    if (m.link) navigate(m.link);
  }

  const emptyText = unreadOnly
    ? '没有未读消息。新的消息到达时，顶部的铃铛会显示未读数。'
    : state.category
      ? `暂无“${MESSAGE_CATEGORY_LABELS[state.category as keyof typeof MESSAGE_CATEGORY_LABELS] ?? '该类别'}”消息。`
      : '暂无消息。专家服务记录、报送提醒、工作日历维护提醒、任务完成和系统通知会出现在这里。';

  return (
    <>
      <Typography.Title level={3}>消息中心</Typography.Title>
      <Space style={{ marginBottom: 16 }} wrap>
        <Segmented
          aria-label="已读状态"
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(v) => setState({ view: v === 'unread' ? 'unread' : undefined, page: undefined })}
          options={[
            { value: 'all', label: '全部' },
            { value: 'unread', label: unread ? `未读（${countText(unread)}）` : '未读' },
          ]}
        />
        <Select
          placeholder="全部类别"
          aria-label="消息类别"
          allowClear
          value={state.category}
          onChange={(category) => setState({ category, page: undefined })}
          options={optionsOf(MESSAGE_CATEGORY_LABELS)}
          style={{ width: 160 }}
        />
        <Button onClick={() => markAll.mutate()} loading={markAll.isPending} disabled={!unread}>
          全部标为已读
        </Button>
      </Space>
      <List<Message>
        loading={list.isLoading}
        dataSource={list.data?.items}
        locale={{ emptyText: <Empty description={emptyText} /> }}
        pagination={
          (list.data?.total ?? 0) > PAGE_SIZE
            ? {
                current: page,
                pageSize: PAGE_SIZE,
                total: list.data?.total,
                showSizeChanger: false,
                showTotal: (t) => `共 ${countText(t)} 条`,
                onChange: (p) => setState({ page: p }, false),
              }
            : false
        }
        renderItem={(m) => (
          <List.Item
            data-testid="message-item"
            data-unread={m.readAt ? undefined : 'true'}
            actions={[
              m.link ? (
                <Button key="open" type="link" size="small" onClick={() => open(m)}>
                  查看
                </Button>
              ) : null,
              m.readAt ? null : (
                <Button key="read" type="link" size="small" onClick={() => markRead.mutate(m.id)}>
                  标为已读
                </Button>
              ),
            ].filter(Boolean)}
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  {m.readAt ? null : <Tag color="red">未读</Tag>}
                  <Tag>{m.categoryLabel}</Tag>
                  <Typography.Text strong={!m.readAt}>{m.title}</Typography.Text>
                </Space>
              }
              description={
                <>
                  <div style={{ whiteSpace: 'pre-wrap', color: 'rgba(0, 0, 0, 0.75)' }}>{m.body}</div>
                  <Typography.Text type="secondary">{dateTime(m.createdAt)}</Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    </>
  );
}
