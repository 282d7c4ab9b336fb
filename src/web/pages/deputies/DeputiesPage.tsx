import { useState } from 'react';
import { Button, Card, Checkbox, Flex, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Deputy, SeatStatus } from '../../../shared/schemas/deputies.js';
import { genderLabels, seatStatusLabels, seatStatusValues } from '../../../shared/schemas/deputies.js';
import { useSession } from '../../auth/session.js';
import { ImportExport } from '../../components/ImportExport/ImportExport.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryError } from '../../components/QueryError.js';
import { useLocale } from '../../i18n/locale.js';
import { coversBody, useBodies } from '../bodies/bodies.api.js';
import { BodyTreeSelect } from '../bodies/BodyTreeSelect.js';
import { useChosenBody } from '../bodies/useChosenBody.js';
import { useTerms } from '../organisations/organisations.api.js';
import { deputyWriters, useDeputies } from './deputies.api.js';
import type { DeputyQuery } from './deputies.api.js';
import { DeputyFormModal } from './DeputyFormModal.js';
import type { DeputyDialog } from './DeputyFormModal.js';
import { SeatsDrawer, termLabelOf } from './SeatsDrawer.js';

/** The roster of deputies of a body (optionally with lower bodies): find, add, edit, seats. */
export function DeputiesPage() {
  const { t, pick } = useLocale();
  const { me } = useSession();
  const { bodyId, choose } = useChosenBody(deputyWriters);
  const bodies = useBodies();
  const terms = useTerms(bodyId);
  const [filter, setFilter] = useState<DeputyQuery>({ page: 1, pageSize: 20, status: 'active' });
  const deputies = useDeputies({ ...filter, bodyId: bodyId ?? undefined }, bodyId !== null);
  const [dialog, setDialog] = useState<DeputyDialog>(null);
  const [seatsOf, setSeatsOf] = useState<Deputy | null>(null);
  const body = bodies.data?.find((candidate) => candidate.id === bodyId);
  const canEdit = me !== null && body !== undefined && coversBody(me, deputyWriters, body);
  const change = (next: DeputyQuery) => setFilter((current) => ({ ...current, ...next, page: 1 }));
  const { page: _page, pageSize: _pageSize, ...exportQuery } = filter;

  const columns: TableColumnsType<Deputy> = [
    {
      title: t('deputyName'),
      key: 'name',
      width: 130,
      render: (_value, deputy) => (
        <Flex vertical>
          <span>{deputy.name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[pick(genderLabels[deputy.gender]), deputy.ethnicity, deputy.birthYear]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('seatsTitle'),
      key: 'seats',
      render: (_value, deputy) => (
        <Flex vertical gap={2}>
          {deputy.seats.map((seat) => (
            <span key={seat.id}>
              {seat.bodyName} · {termLabelOf(seat)}
              {seat.delegationName ? ` · ${seat.delegationName}` : ''}
              {seat.status === 'terminated' ? (
                <Tag style={{ marginInlineStart: 6 }}>{pick(seatStatusLabels[seat.status])}</Tag>
              ) : null}
            </span>
          ))}
        </Flex>
      ),
    },
    { title: t('deputyOccupation'), dataIndex: 'occupation', key: 'occupation', width: 220 },
    {
      title: t('userPhone'),
      key: 'phone',
      width: 130,
      render: (_value, deputy) => (deputy.contactsVisible ? (deputy.phone ?? '') : t('deputyContactHidden')),
    },
    {
      title: t('actions'),
      key: 'actions',
      width: 150,
      render: (_value, deputy) => (
        <Space size={0}>
          {canEdit ? (
            <Button type="link" size="small" onClick={() => setDialog({ mode: 'edit', deputy })}>
              {t('edit')}
            </Button>
          ) : null}
          <Button type="link" size="small" onClick={() => setSeatsOf(deputy)}>
            {t('seatsTitle')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('deputiesTitle')}
        intro={t('deputiesIntro')}
        extra={
          canEdit ? (
            <>
              <ImportExport kind="deputies" body={body} exportQuery={exportQuery} />
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setDialog({ mode: 'create', bodyId })}
              >
                {t('deputyCreate')}
              </Button>
            </>
          ) : null
        }
      />
      <Card className="minyi-table-card">
        <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
          <BodyTreeSelect value={bodyId} onChange={choose} style={{ flex: '1 1 220px', maxWidth: 320 }} />
          <Checkbox onChange={(event) => change({ includeLower: event.target.checked ? 'true' : undefined })}>
            {t('deputyIncludeLower')}
          </Checkbox>
          <Select
            allowClear
            placeholder={t('termLabel')}
            options={(terms.data ?? []).map((term) => ({ value: term.id, label: term.label }))}
            onChange={(termId: string | undefined) => change({ termId })}
            style={{ flex: '1 1 120px', maxWidth: 160 }}
          />
          <Select<SeatStatus>
            allowClear
            defaultValue="active"
            placeholder={t('userStatus')}
            options={seatStatusValues.map((status) => ({
              value: status,
              label: pick(seatStatusLabels[status]),
            }))}
            onChange={(status) => change({ status })}
            style={{ flex: '1 1 130px', maxWidth: 170 }}
          />
          <Input.Search
            allowClear
            placeholder={t('deputySearchPlaceholder')}
            onSearch={(q) => change({ q: q.trim() || undefined })}
            style={{ flex: '1 1 180px', maxWidth: 260 }}
          />
        </Flex>
        {deputies.isError ? (
          <QueryError error={deputies.error} onRetry={() => void deputies.refetch()} />
        ) : (
          <Table<Deputy>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={deputies.data?.items}
            loading={deputies.isFetching}
            scroll={{ x: 900 }}
            pagination={{
              current: filter.page,
              pageSize: filter.pageSize,
              total: deputies.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('totalItems', { total }),
              onChange: (page, pageSize) => setFilter((current) => ({ ...current, page, pageSize })),
            }}
          />
        )}
      </Card>
      <DeputyFormModal dialog={dialog} onClose={() => setDialog(null)} />
      <SeatsDrawer deputy={seatsOf} canEdit={canEdit} onClose={() => setSeatsOf(null)} />
    </>
  );
}
