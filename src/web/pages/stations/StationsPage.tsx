import { useState } from 'react';
import { Button, Card, Checkbox, Flex, Input, Rate, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined, QrcodeOutlined, ScheduleOutlined, SettingOutlined } from '@ant-design/icons';
import type { Station, StationKind } from '../../../shared/schemas/stations.js';
import {
  stationKindLabels,
  stationKindValues,
  stationLevelLabels,
} from '../../../shared/schemas/stations.js';
import { useSession } from '../../auth/session.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryError } from '../../components/QueryError.js';
import { useLocale } from '../../i18n/locale.js';
import { coversBody, useBodies } from '../bodies/bodies.api.js';
import { BodyTreeSelect } from '../bodies/BodyTreeSelect.js';
import { useChosenBody } from '../bodies/useChosenBody.js';
import { stationWriters, useStations } from './stations.api.js';
import { StationFormModal } from './StationFormModal.js';
import type { StationDialog } from './StationFormModal.js';
import { StationDeputiesDrawer } from './StationDeputiesDrawer.js';
import { RosterDrawer } from './RosterDrawer.js';
import { QrModal } from './QrModal.js';
import { BodySettingsModal } from './BodySettingsModal.js';

/** The stations (家/站/室/点) of a body: find, add, edit, group deputies in, roster, QR codes. */
export function StationsPage() {
  const { t, pick } = useLocale();
  const { me } = useSession();
  const { bodyId, choose } = useChosenBody(stationWriters);
  const bodies = useBodies();
  const [filter, setFilter] = useState<{
    page: number;
    pageSize: number;
    kind?: StationKind;
    q?: string;
    includeLower?: 'true';
  }>({
    page: 1,
    pageSize: 20,
    includeLower: 'true',
  });
  const stations = useStations({ ...filter, bodyId: bodyId ?? undefined }, bodyId !== null);
  const [dialog, setDialog] = useState<StationDialog>(null);
  const [deputiesOf, setDeputiesOf] = useState<Station | null>(null);
  const [rosterOf, setRosterOf] = useState<Station | null>(null);
  const [qrOf, setQrOf] = useState<Station | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const body = bodies.data?.find((candidate) => candidate.id === bodyId);
  const canEdit = me !== null && body !== undefined && coversBody(me, stationWriters, body);
  const change = (next: Partial<typeof filter>) => setFilter((current) => ({ ...current, ...next, page: 1 }));

  const columns: TableColumnsType<Station> = [
    {
      title: t('stName'),
      key: 'name',
      render: (_value, station) => (
        <Flex vertical gap={2}>
          <Typography.Text strong>{station.name}</Typography.Text>
          <Space size={4} wrap>
            <Tag color={station.kind === 'home' ? 'red' : station.kind === 'station' ? 'blue' : 'default'}>
              {pick(stationKindLabels[station.kind])}
            </Tag>
            {station.demonstration ? <Tag color="gold">{t('stDemonstration')}</Tag> : null}
            {station.starRating ? (
              <Rate disabled count={5} value={station.starRating} style={{ fontSize: 12 }} />
            ) : null}
            {station.active ? null : <Tag>{t('stInactive')}</Tag>}
          </Space>
        </Flex>
      ),
    },
    {
      title: t('stLevel'),
      key: 'level',
      width: 130,
      render: (_v, station) => pick(stationLevelLabels[station.level]),
    },
    {
      title: t('stAddress'),
      key: 'address',
      render: (_v, station) => (
        <Flex vertical>
          <span>{station.address}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[station.bodyName, station.openingHours].filter(Boolean).join(' · ')}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('stDeputyCount'), dataIndex: 'deputyCount', key: 'deputyCount', width: 90 },
    {
      title: t('actions'),
      key: 'actions',
      width: 230,
      render: (_v, station) => (
        <Space size={0} wrap>
          {canEdit ? (
            <Button type="link" size="small" onClick={() => setDialog({ mode: 'edit', station })}>
              {t('edit')}
            </Button>
          ) : null}
          <Button type="link" size="small" onClick={() => setDeputiesOf(station)}>
            {t('stDeputies')}
          </Button>
          <Button type="link" size="small" icon={<ScheduleOutlined />} onClick={() => setRosterOf(station)}>
            {t('stRoster')}
          </Button>
          <Button type="link" size="small" icon={<QrcodeOutlined />} onClick={() => setQrOf(station)}>
            {t('stQr')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('stTitle')}
        intro={t('stIntro')}
        extra={
          canEdit && bodyId ? (
            <>
              <Button icon={<SettingOutlined />} onClick={() => setSettingsOpen(true)}>
                {t('stBodySettings')}
              </Button>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setDialog({ mode: 'create', bodyId })}
              >
                {t('stCreate')}
              </Button>
            </>
          ) : null
        }
      />
      <Card className="minyi-table-card">
        <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
          <BodyTreeSelect value={bodyId} onChange={choose} style={{ flex: '1 1 220px', maxWidth: 320 }} />
          <Checkbox
            checked={filter.includeLower === 'true'}
            onChange={(event) => change({ includeLower: event.target.checked ? 'true' : undefined })}
          >
            {t('deputyIncludeLower')}
          </Checkbox>
          <Select<StationKind>
            allowClear
            placeholder={t('stKind')}
            options={stationKindValues.map((kind) => ({ value: kind, label: pick(stationKindLabels[kind]) }))}
            onChange={(kind) => change({ kind })}
            style={{ flex: '1 1 150px', maxWidth: 200 }}
          />
          <Input.Search
            allowClear
            placeholder={t('stSearch')}
            onSearch={(q) => change({ q: q.trim() || undefined })}
            style={{ flex: '1 1 180px', maxWidth: 260 }}
          />
        </Flex>
        {stations.isError ? (
          <QueryError error={stations.error} onRetry={() => void stations.refetch()} />
        ) : (
          <Table<Station>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={stations.data?.items}
            loading={stations.isFetching}
            scroll={{ x: 900 }}
            pagination={{
              current: filter.page,
              pageSize: filter.pageSize,
              total: stations.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('totalItems', { total }),
              onChange: (page, pageSize) => setFilter((current) => ({ ...current, page, pageSize })),
            }}
          />
        )}
      </Card>
      <StationFormModal dialog={dialog} onClose={() => setDialog(null)} />
      <StationDeputiesDrawer station={deputiesOf} onClose={() => setDeputiesOf(null)} />
      <RosterDrawer station={rosterOf} canEdit={canEdit} onClose={() => setRosterOf(null)} />
      <QrModal
        target={qrOf ? { kind: 'stations', id: qrOf.id, name: qrOf.name } : null}
        onClose={() => setQrOf(null)}
      />
      {bodyId ? (
        <BodySettingsModal bodyId={bodyId} open={settingsOpen} onClose={() => setSettingsOpen(false)} />
      ) : null}
    </>
  );
}
