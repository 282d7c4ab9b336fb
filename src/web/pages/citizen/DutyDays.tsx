import { Empty, List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { PublicDutyDay } from '../../../shared/schemas/stations-public.js';
import { useLocale } from '../../i18n/locale.js';

const weekdays = ['一', '二', '三', '四', '五', '六', '日'];

/** Who is on duty when: the public roster. */
export function DutyDays({ days, showStation }: { days: PublicDutyDay[]; showStation: boolean }) {
  const { t } = useLocale();
  if (days.length === 0) return <Empty description={t('czNoDuty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <List
      size="small"
      dataSource={days}
      renderItem={(day) => (
        <List.Item>
          <List.Item.Meta
            title={`${day.date}（星期${weekdays[day.weekday - 1] ?? ''}） ${day.startTime}-${day.endTime}`}
            description={
              <>
                {showStation ? (
                  <div>
                    <Link to={`/m/s/${day.stationCode}`}>{day.stationName}</Link>
                  </div>
                ) : null}
                <Typography.Text type="secondary">
                  {t('czOnDuty')}：
                  {day.deputies.map((d, i) => (
                    <span key={`${d.name}${i}`}>
                      {i > 0 ? '、' : ''}
                      {d.code ? <Link to={`/m/d/${d.code}`}>{d.name}</Link> : d.name}
                    </span>
                  ))}
                </Typography.Text>
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}
