import { Button, Card, Descriptions, Flex, Image, List, Rate, Result, Skeleton, Tag, Typography } from 'antd';
import { CalendarOutlined, EditOutlined, PhoneOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { bodyLevelLabels } from '../../../shared/schemas/common.js';
import { stationKindLabels } from '../../../shared/schemas/stations.js';
import { useLocale } from '../../i18n/locale.js';
import { usePublicStation } from './citizen.api.js';
import { DutyDays } from './DutyDays.js';

/** What a station's QR code opens: where it is, when it is open, its deputies and who is on duty. */
export function StationPublicPage({ code }: { code: string }) {
  const { t, pick } = useLocale();
  const navigate = useNavigate();
  const station = usePublicStation(code);
  if (station.isPending) return <Skeleton active />;
  if (station.isError) return <Result status="404" title={t('czNotFound')} subTitle={t('czNotFoundText')} />;
  const data = station.data;
  const stars = data.labelScheme === 'stars' || data.labelScheme === 'both';
  const demo = data.labelScheme === 'demonstration' || data.labelScheme === 'both';
  return (
    <Flex vertical gap={16}>
      <Card
        cover={
          data.hasPhoto ? (
            <Image
              src={`/api/v1/public/stations/${data.code}/photo`}
              alt={data.name}
              preview={false}
              height={180}
              style={{ objectFit: 'cover' }}
            />
          ) : undefined
        }
      >
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {data.name}
        </Typography.Title>
        <Flex gap={4} wrap align="center" style={{ marginBottom: 8 }}>
          <Tag color="red">{pick(stationKindLabels[data.kind])}</Tag>
          {demo && data.demonstration ? <Tag color="gold">{t('czDemonstration')}</Tag> : null}
          {stars && data.starRating ? (
            <Rate disabled value={data.starRating} style={{ fontSize: 14 }} />
          ) : null}
        </Flex>
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'address', label: t('czAddress'), children: data.address },
            ...(data.directions
              ? [{ key: 'directions', label: t('czDirections'), children: data.directions }]
              : []),
            ...(data.openingHours
              ? [{ key: 'hours', label: t('czHours'), children: data.openingHours }]
              : []),
            ...(data.contactPhone
              ? [
                  {
                    key: 'phone',
                    label: t('czPhone'),
                    children: (
                      <a href={`tel:${data.contactPhone.replace(/\s/g, '')}`}>
                        <PhoneOutlined /> {data.contactPhone}
                      </a>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Flex vertical gap={8}>
        <Button
          type="primary"
          size="large"
          block
          icon={<EditOutlined />}
          onClick={() => navigate(`/m/s/${data.code}/message`)}
        >
          {t('czLeaveMessageStation')}
        </Button>
        <Button
          size="large"
          block
          icon={<CalendarOutlined />}
          onClick={() => navigate(`/m/s/${data.code}/book`)}
        >
          {t('czBook')}
        </Button>
      </Flex>
      <Card size="small" title={t('czRoster')}>
        <DutyDays days={data.roster} showStation={false} />
      </Card>
      <Card size="small" title={t('czStationDeputies', { count: data.deputies.length })}>
        <List
          size="small"
          dataSource={data.deputies}
          renderItem={(deputy) => (
            <List.Item>
              {deputy.code ? <Link to={`/m/d/${deputy.code}`}>{deputy.name}</Link> : deputy.name}
              <span>
                {deputy.levels.map((level) => (
                  <Tag key={level}>{pick(bodyLevelLabels[level])}</Tag>
                ))}
              </span>
            </List.Item>
          )}
        />
      </Card>
    </Flex>
  );
}
