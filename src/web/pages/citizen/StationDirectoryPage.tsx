import { useState } from 'react';
import { Card, Flex, Input, List, Pagination, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { stationKindLabels } from '../../../shared/schemas/stations.js';
import { useLocale } from '../../i18n/locale.js';
import { usePublicStations } from './citizen.api.js';

/** Every station as a list (no map tiles): where it is, when it is open, the next reception day. */
export function StationDirectoryPage() {
  const { t, pick } = useLocale();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const stations = usePublicStations(q, page);
  return (
    <Flex vertical gap={12}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('czDirectory')}
      </Typography.Title>
      <Input.Search
        allowClear
        placeholder={t('czDirectorySearch')}
        onSearch={(value) => {
          setQ(value.trim());
          setPage(1);
        }}
      />
      <List
        loading={stations.isFetching}
        dataSource={stations.data?.items ?? []}
        renderItem={(station) => (
          <Card size="small" style={{ marginBottom: 8 }}>
            <Flex vertical gap={4}>
              <Link to={`/m/s/${station.code}`}>
                <Typography.Text strong>{station.name}</Typography.Text>
              </Link>
              <Flex gap={4} wrap>
                <Tag>{pick(stationKindLabels[station.kind])}</Tag>
                <Tag>{station.bodyName.replace('人民代表大会', '')}</Tag>
                <Tag>{t('czDeputyCount', { count: station.deputyCount })}</Tag>
              </Flex>
              <Typography.Text type="secondary">{station.address}</Typography.Text>
              {station.openingHours ? (
                <Typography.Text type="secondary">{station.openingHours}</Typography.Text>
              ) : null}
              {station.nextReceptionDay ? (
                <Typography.Text>
                  {t('czNextReception')}：{station.nextReceptionDay}
                </Typography.Text>
              ) : null}
            </Flex>
          </Card>
        )}
      />
      <Pagination
        simple
        current={page}
        pageSize={20}
        total={stations.data?.total ?? 0}
        onChange={setPage}
        style={{ alignSelf: 'center' }}
      />
    </Flex>
  );
}
