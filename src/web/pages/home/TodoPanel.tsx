import { Card, Col, Row, Statistic } from 'antd';
import { Link } from 'react-router-dom';
import type { Me } from '../../../shared/schemas/auth.js';
import { hasAnyRole } from '../../auth/roles.js';
import { useLocale } from '../../i18n/locale.js';
import type { MessageKey } from '../../i18n/dictionary.js';
import { useUnreadCount } from '../notifications/notifications.api.js';
import { useInbox } from '../suggestions/api/assignments.api.js';
import { useSuggestionTotal } from '../suggestions/api/suggestions.api.js';

interface Tile {
  key: string;
  label: MessageKey;
  value: number | undefined;
  to?: string;
  /** Shown red when above zero. */
  alert?: boolean;
}

/** 待办: the counts each role acts on, each a link to the list behind it. */
export function TodoPanel({ me }: { me: Me }) {
  const { t } = useLocale();
  const deputy = me.deputyId !== null;
  const reviewer = hasAnyRole(me, ['office_staff', 'committee_staff', 'leader', 'admin']);
  const office = hasAnyRole(me, ['office_staff', 'admin']);
  const unit = hasAnyRole(me, ['unit_handler', 'unit_leader']);
  const mine = useSuggestionTotal({ view: 'mine', status: 'draft,returned' }, deputy);
  const review = useSuggestionTotal({ view: 'review' }, reviewer);
  const assign = useSuggestionTotal({ view: 'assign' }, office);
  const overdue = useSuggestionTotal({ view: 'all', overdue: 'true' }, reviewer);
  const pending = useInbox({ status: 'pending_receipt', page: 1, pageSize: 1 }, unit);
  const late = useInbox({ overdue: 'true', page: 1, pageSize: 1 }, unit);
  // The inbox is soonest first, so the first page holds what falls due in the next days.
  const soon = useInbox({ status: 'handling', page: 1, pageSize: 100 }, unit);
  const unread = useUnreadCount();

  const tiles: Tile[] = [
    ...(deputy
      ? [{ key: 'mine', label: 'todoMine' as const, value: mine.total, to: '/suggestions/mine' }]
      : []),
    ...(reviewer
      ? [{ key: 'review', label: 'todoReview' as const, value: review.total, to: '/suggestions/review' }]
      : []),
    ...(office
      ? [{ key: 'assign', label: 'todoAssign' as const, value: assign.total, to: '/suggestions/assign' }]
      : []),
    ...(reviewer
      ? [
          {
            key: 'overdue',
            label: 'todoOverdue' as const,
            value: overdue.total,
            to: '/suggestions?overdue=true',
            alert: true,
          },
        ]
      : []),
    ...(unit
      ? [
          { key: 'pending', label: 'todoInboxPending' as const, value: pending.data?.total, to: '/inbox' },
          {
            key: 'soon',
            label: 'todoInboxSoon' as const,
            value: soon.data?.items.filter((item) => item.daysLeft >= 0 && item.daysLeft <= 10).length,
            to: '/inbox',
            alert: true,
          },
          {
            key: 'late',
            label: 'todoInboxOverdue' as const,
            value: late.data?.total,
            to: '/inbox?overdue=true',
            alert: true,
          },
        ]
      : []),
    { key: 'unread', label: 'todoUnread', value: unread.data?.unread },
  ];

  return (
    <Card title={t('todoTitle')} data-testid="todo-panel">
      <Row gutter={[12, 12]}>
        {tiles.map((tile) => {
          const statistic = (
            <Statistic
              title={t(tile.label)}
              value={tile.value ?? '—'}
              loading={tile.value === undefined}
              styles={{ content: { color: tile.alert && (tile.value ?? 0) > 0 ? '#cf1322' : undefined } }}
            />
          );
          return (
            <Col key={tile.key} xs={12} sm={8} md={6} xl={4}>
              <div className="minyi-todo-tile">
                {tile.to ? <Link to={tile.to}>{statistic}</Link> : statistic}
              </div>
            </Col>
          );
        })}
      </Row>
    </Card>
  );
}
