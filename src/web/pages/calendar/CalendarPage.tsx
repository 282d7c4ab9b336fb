import { useState } from 'react';
import { Alert, Calendar, Card, Col, Row, Tag } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import type { CalendarDay } from '../../../shared/schemas/calendar.js';
import { useSession } from '../../auth/session.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryError } from '../../components/QueryError.js';
import { useLocale } from '../../i18n/locale.js';
import { usePhone } from '../../layout/use-phone.js';
import { useHoldsRoleAtTop } from '../bodies/bodies.api.js';
import { useCalendarMonth } from './calendar.api.js';
import { DayPanel } from './DayPanel.js';
import { DeadlineCard } from './DeadlineCard.js';

/** How a day is marked in the month grid (desktop): rest days, make-up days, local changes. */
function DayMark({ day }: { day: CalendarDay }) {
  const { t } = useLocale();
  const note = day.holidayName ?? day.override?.note ?? '';
  if (day.kind === 'holiday')
    return (
      <Tag color="red" className="minyi-day-tag">
        {t('dayRestShort')} {note}
      </Tag>
    );
  if (day.kind === 'makeup_workday' || (day.override && day.working))
    return (
      <Tag color="blue" className="minyi-day-tag">
        {t('dayMakeupShort')} {note}
      </Tag>
    );
  if (day.kind === 'weekend') return <span className="minyi-day-weekend">{t('dayRestShort')}</span>;
  return null;
}

/** The working-day calendar (official holidays, make-up days, local overrides) and a deadline calculator. */
export function CalendarPage() {
  const { t } = useLocale();
  const { me } = useSession();
  const phone = usePhone();
  const [selected, setSelected] = useState<Dayjs>(() => dayjs());
  const month = useCalendarMonth(selected.year(), selected.month() + 1);
  const days = new Map((month.data?.days ?? []).map((day) => [day.date, day]));
  // The calendar is shared by the whole deployment: its editors work at a top-level body.
  const canEdit = useHoldsRoleAtTop(me, ['admin', 'office_staff']);

  return (
    <>
      <PageHeader title={t('calendarTitle')} intro={t('calendarIntro')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card className="minyi-calendar-card">
            {month.isError ? (
              <QueryError error={month.error} onRetry={() => void month.refetch()} />
            ) : (
              <>
                {month.data && !month.data.officialData ? (
                  <Alert
                    type="warning"
                    showIcon
                    title={t('calendarNoOfficialData')}
                    style={{ marginBottom: 12 }}
                  />
                ) : null}
                <Calendar
                  value={selected}
                  onSelect={(date) => setSelected(date)}
                  fullscreen={!phone}
                  cellRender={(date, info) => {
                    if (info.type !== 'date') return info.originNode;
                    const day = days.get(date.format('YYYY-MM-DD'));
                    if (!day) return null;
                    // The small phone grid has room for a coloured dot only.
                    return phone ? (
                      <span className={`minyi-day-dot minyi-day-${day.kind}`} />
                    ) : (
                      <DayMark day={day} />
                    );
                  }}
                />
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Row gutter={[16, 16]}>
            <Col span={24}>
              <DayPanel day={days.get(selected.format('YYYY-MM-DD'))} canEdit={canEdit} />
            </Col>
            <Col span={24}>
              <DeadlineCard />
            </Col>
          </Row>
        </Col>
      </Row>
    </>
  );
}
