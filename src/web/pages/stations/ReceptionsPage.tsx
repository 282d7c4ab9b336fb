import { useState } from 'react';
import {
  Button,
  Card,
  Col,
  Flex,
  List,
  Row,
  Segmented,
  Select,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import type {
  ReceptionChannel,
  ReceptionStatus,
  ReceptionSummary,
} from '../../../shared/schemas/receptions.js';
import {
  citizenCategoryLabels,
  receptionChannelLabels,
  receptionChannelValues,
  receptionStatusLabels,
  receptionStatusValues,
} from '../../../shared/schemas/receptions.js';
import { useSession } from '../../auth/session.js';
import { hasAnyRole } from '../../auth/roles.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryError } from '../../components/QueryError.js';
import { useLocale } from '../../i18n/locale.js';
import { useReceptions, useReceptionStats } from './stations.api.js';
import { ReceptionFormModal } from './ReceptionFormModal.js';
import { receptionStatusColors } from './reception-labels.js';
import { usePhone } from '../../layout/use-phone.js';

type View = 'mine' | 'open' | 'all';

/**
 * Citizens' messages and reception records: a deputy's inbox ("mine"), the open matters with days
 * open, and everything the reader may see, with workload and response times for staff.
 */
export function ReceptionsPage() {
  const { t, pick } = useLocale();
  const { me } = useSession();
  const navigate = useNavigate();
  const phone = usePhone();
  const isDeputy = me?.deputyId !== null && me?.deputyId !== undefined;
  const isStaff = me !== null && hasAnyRole(me, ['admin', 'office_staff']);
  // Agencies only answer what was referred to them; the others record visits.
  const canRecord = isDeputy || (me !== null && hasAnyRole(me, ['admin', 'office_staff', 'collector']));
  const [view, setView] = useState<View>(isDeputy ? 'mine' : 'open');
  const [filter, setFilter] = useState<{
    page: number;
    pageSize: number;
    channel?: ReceptionChannel;
    status?: ReceptionStatus;
  }>({
    page: 1,
    pageSize: 20,
  });
  const query = {
    ...filter,
    view: view === 'mine' ? 'mine' : 'all',
    open: view === 'open' ? 'true' : undefined,
  };
  const receptions = useReceptions(query);
  const stats = useReceptionStats({}, isStaff);
  const [creating, setCreating] = useState(false);
  const change = (next: Partial<typeof filter>) => setFilter((current) => ({ ...current, ...next, page: 1 }));

  const columns: TableColumnsType<ReceptionSummary> = [
    {
      title: t('stMatter'),
      key: 'matter',
      render: (_v, item) => (
        <Flex vertical gap={2}>
          <Link to={`/stations/receptions/${item.id}`}>
            <Typography.Text ellipsis style={{ maxWidth: 420 }}>
              {item.matter}
            </Typography.Text>
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[
              pick(receptionChannelLabels[item.channel]),
              pick(citizenCategoryLabels[item.category]),
              item.visitorName,
              item.stationName,
            ]
              .filter(Boolean)
              .join(' · ')}
            {item.photoCount > 0 ? ` · ${t('stPhotos', { count: item.photoCount })}` : ''}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('stDeputy'),
      key: 'deputy',
      width: 120,
      render: (_v, item) => item.escalatedToName ?? item.deputyName ?? '—',
    },
    { title: t('stReceivedOn'), dataIndex: 'receivedOn', key: 'receivedOn', width: 110 },
    {
      title: t('userStatus'),
      key: 'status',
      width: 150,
      render: (_v, item) => (
        <Flex vertical gap={2} align="flex-start">
          <Tag color={receptionStatusColors[item.status]}>{pick(receptionStatusLabels[item.status])}</Tag>
          {item.daysOpen !== null ? (
            <Typography.Text type={item.daysOpen > 15 ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
              {t('stDaysOpen', { days: item.daysOpen })}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('stReceptionsTitle')}
        intro={t('stReceptionsIntro')}
        extra={
          canRecord ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('stRecordVisit')}
            </Button>
          ) : null
        }
      />
      {isStaff && stats.data ? (
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title={t('stStatTotal')} value={stats.data.overall.total} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title={t('stStatOpen')} value={stats.data.overall.open} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title={t('stStatClosed')} value={stats.data.overall.closed} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic
                title={t('stStatHours')}
                value={stats.data.overall.averageResponseHours ?? '—'}
                suffix={stats.data.overall.averageResponseHours === null ? undefined : t('stHours')}
              />
            </Card>
          </Col>
        </Row>
      ) : null}
      <Card className="minyi-table-card">
        <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
          <Segmented<View>
            value={view}
            onChange={(next) => {
              setView(next);
              change({});
            }}
            options={[
              ...(isDeputy ? [{ value: 'mine' as const, label: t('stViewMine') }] : []),
              { value: 'open', label: t('stViewOpen') },
              { value: 'all', label: t('stViewAll') },
            ]}
          />
          <Select<ReceptionChannel>
            allowClear
            placeholder={t('stChannel')}
            options={receptionChannelValues.map((value) => ({
              value,
              label: pick(receptionChannelLabels[value]),
            }))}
            onChange={(channel) => change({ channel })}
            style={{ flex: '1 1 120px', maxWidth: 160 }}
          />
          <Select<ReceptionStatus>
            allowClear
            placeholder={t('userStatus')}
            options={receptionStatusValues.map((value) => ({
              value,
              label: pick(receptionStatusLabels[value]),
            }))}
            onChange={(status) => change({ status })}
            style={{ flex: '1 1 120px', maxWidth: 170 }}
          />
        </Flex>
        {receptions.isError ? (
          <QueryError error={receptions.error} onRetry={() => void receptions.refetch()} />
        ) : phone ? (
          <List
            loading={receptions.isFetching}
            dataSource={receptions.data?.items ?? []}
            locale={{ emptyText: t('empty') }}
            pagination={{
              current: filter.page,
              pageSize: filter.pageSize,
              total: receptions.data?.total ?? 0,
              size: 'small',
              onChange: (page) => setFilter((current) => ({ ...current, page })),
            }}
            renderItem={(item) => (
              <List.Item
                onClick={() => navigate(`/stations/receptions/${item.id}`)}
                style={{ cursor: 'pointer' }}
              >
                <Flex vertical gap={4} style={{ width: '100%' }}>
                  <Flex justify="space-between" gap={8}>
                    <Tag color={receptionStatusColors[item.status]}>
                      {pick(receptionStatusLabels[item.status])}
                    </Tag>
                    <Typography.Text
                      type={item.daysOpen !== null && item.daysOpen > 15 ? 'danger' : 'secondary'}
                      style={{ fontSize: 12 }}
                    >
                      {item.daysOpen !== null ? t('stDaysOpen', { days: item.daysOpen }) : item.receivedOn}
                    </Typography.Text>
                  </Flex>
                  <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
                    {item.matter}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[
                      pick(receptionChannelLabels[item.channel]),
                      item.visitorName,
                      item.escalatedToName ?? item.deputyName,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        ) : (
          <Table<ReceptionSummary>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={receptions.data?.items}
            loading={receptions.isFetching}
            scroll={{ x: 760 }}
            onRow={(item) => ({ onDoubleClick: () => navigate(`/stations/receptions/${item.id}`) })}
            pagination={{
              current: filter.page,
              pageSize: filter.pageSize,
              total: receptions.data?.total ?? 0,
              showTotal: (total) => t('totalItems', { total }),
              onChange: (page, pageSize) => setFilter((current) => ({ ...current, page, pageSize })),
            }}
          />
        )}
      </Card>
      <ReceptionFormModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
