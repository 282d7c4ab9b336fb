import { useState } from 'react';
import { Badge, Button, Drawer, Empty, Flex, Pagination, Segmented, Spin, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { formatDateTime } from '../../format/time.js';
import { useLocale } from '../../i18n/locale.js';
import { useMarkRead, useNotifications, useUnreadCount } from './notifications.api.js';
import type { Notification } from './notifications.api.js';

/** The header bell: unread count (polled each minute) and a drawer with the notifications. */
export function NotificationBell() {
  const { t } = useLocale();
  const navigate = useNavigate();
  const unread = useUnreadCount();
  const [open, setOpen] = useState(false);
  const [onlyUnread, setOnlyUnread] = useState(false);
  const [page, setPage] = useState(1);
  const pageSize = 20;
  const list = useNotifications({ unread: onlyUnread ? 'true' : undefined, page, pageSize }, open);
  const markRead = useMarkRead();
  const count = unread.data?.unread ?? 0;

  const openOne = (item: Notification) => {
    if (!item.readAt) markRead.mutate([item.id]);
    if (item.link) {
      setOpen(false);
      navigate(item.link);
    }
  };

  return (
    <>
      <Badge count={count} size="small" offset={[-4, 4]} overflowCount={99}>
        <Button
          type="text"
          icon={<BellOutlined />}
          aria-label={t('notifTitleCount', { count })}
          onClick={() => setOpen(true)}
          data-testid="notification-bell"
        />
      </Badge>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={t('notifTitle')}
        size="min(420px, 100vw)"
        extra={
          <Button
            size="small"
            disabled={count === 0}
            loading={markRead.isPending}
            onClick={() => markRead.mutate('all')}
          >
            {t('notifReadAll')}
          </Button>
        }
      >
        <Segmented<'all' | 'unread'>
          block
          value={onlyUnread ? 'unread' : 'all'}
          onChange={(value) => {
            setOnlyUnread(value === 'unread');
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('all') },
            { value: 'unread', label: t('notifUnread', { count }) },
          ]}
          style={{ marginBottom: 12 }}
        />
        <Spin spinning={list.isFetching}>
          {(list.data?.items ?? []).length === 0 ? (
            <Empty description={t('notifEmpty')} />
          ) : (
            <Flex vertical gap={8}>
              {(list.data?.items ?? []).map((item) => (
                <button
                  key={item.id}
                  type="button"
                  className={`minyi-notification${item.readAt ? '' : ' minyi-notification-unread'}`}
                  onClick={() => openOne(item)}
                >
                  <Flex justify="space-between" gap={8}>
                    <Typography.Text strong={!item.readAt}>{item.title}</Typography.Text>
                    {item.readAt ? null : <Badge status="processing" />}
                  </Flex>
                  <Typography.Paragraph type="secondary" style={{ margin: '2px 0', fontSize: 13 }}>
                    {item.body}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(item.createdAt)}
                  </Typography.Text>
                </button>
              ))}
            </Flex>
          )}
        </Spin>
        {(list.data?.total ?? 0) > pageSize ? (
          <Pagination
            simple
            current={page}
            pageSize={pageSize}
            total={list.data?.total ?? 0}
            onChange={setPage}
            style={{ marginTop: 12, textAlign: 'center' }}
          />
        ) : null}
      </Drawer>
    </>
  );
}
