import { Timeline, Typography } from 'antd';
import { formatDateTime } from '../../format/time.js';
import { useLocale } from '../../i18n/locale.js';
import { eventLabel } from './reception-labels.js';

interface Event {
  id: string;
  at: string;
  actorName: string | null;
  action: string;
  note: string | null;
}

/** The timeline of a station workflow item, newest last. */
export function EventTimeline({ events }: { events: Event[] }) {
  const { pick } = useLocale();
  return (
    <Timeline
      items={events.map((event) => ({
        key: event.id,
        title: formatDateTime(event.at),
        content: (
          <>
            <div>
              {event.actorName} · {pick(eventLabel(event.action))}
            </div>
            {event.note ? (
              <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
                {event.note}
              </Typography.Text>
            ) : null}
          </>
        ),
      }))}
    />
  );
}
