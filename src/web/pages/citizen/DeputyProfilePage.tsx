import { Avatar, Button, Card, Flex, List, Result, Skeleton, Tag, Typography } from 'antd';
import { CalendarOutlined, EditOutlined, SearchOutlined, UserOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { bodyLevelLabels } from '../../../shared/schemas/common.js';
import { useLocale } from '../../i18n/locale.js';
import { seatTitle, usePublicDeputy } from './citizen.api.js';
import { DutyDays } from './DutyDays.js';

/** What a deputy's QR code opens: who they are, where and when to find them, message or book. */
export function DeputyProfilePage({ code }: { code: string }) {
  const { t, pick } = useLocale();
  const navigate = useNavigate();
  const deputy = usePublicDeputy(code);
  if (deputy.isPending) return <Skeleton active avatar />;
  if (deputy.isError) return <Result status="404" title={t('czNotFound')} subTitle={t('czNotFoundText')} />;
  const profile = deputy.data;
  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex gap={16} align="center">
          {profile.hasPhoto ? (
            <Avatar
              size={80}
              shape="square"
              src={`/api/v1/public/deputies/${profile.code}/photo`}
              alt={profile.name}
            />
          ) : (
            <Avatar size={80} shape="square" icon={<UserOutlined />} />
          )}
          <Flex vertical gap={4}>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="deputy-name">
              {profile.name}
            </Typography.Title>
            <Flex gap={4} wrap>
              {profile.seats.map((seat) => (
                <Tag key={seat.bodyName} color="red">
                  {seatTitle(seat.bodyName, pick(bodyLevelLabels[seat.level]))}
                </Tag>
              ))}
            </Flex>
            {profile.occupation ? (
              <Typography.Text type="secondary">{profile.occupation}</Typography.Text>
            ) : null}
          </Flex>
        </Flex>
      </Card>
      <Flex vertical gap={8}>
        <Button
          type="primary"
          size="large"
          block
          icon={<EditOutlined />}
          onClick={() => navigate(`/m/d/${profile.code}/message`)}
        >
          {t('czLeaveMessage')}
        </Button>
        <Button
          size="large"
          block
          icon={<CalendarOutlined />}
          onClick={() => navigate(`/m/d/${profile.code}/book`)}
        >
          {t('czBook')}
        </Button>
        <Button type="link" block icon={<SearchOutlined />} onClick={() => navigate('/m/track')}>
          {t('czTrack')}
        </Button>
      </Flex>
      {profile.stations.length > 0 ? (
        <Card size="small" title={t('czStations')}>
          <List
            size="small"
            dataSource={profile.stations}
            renderItem={(station) => (
              <List.Item>
                <List.Item.Meta
                  title={<Link to={`/m/s/${station.code}`}>{station.name}</Link>}
                  description={station.address}
                />
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      <Card size="small" title={t('czUpcomingDuties')}>
        <DutyDays days={profile.upcomingDuties} showStation />
      </Card>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('czProfileNote')}
      </Typography.Paragraph>
    </Flex>
  );
}
