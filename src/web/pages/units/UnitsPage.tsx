import { useState } from 'react';
import { App, Button, Card, Flex, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Unit, UnitKind } from '../../../shared/schemas/units.js';
import { unitKindLabels, unitKindValues } from '../../../shared/schemas/units.js';
import { useSession } from '../../auth/session.js';
import { showError } from '../../components/error-text.js';
import { ImportExport } from '../../components/ImportExport/ImportExport.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryError } from '../../components/QueryError.js';
import { useLocale } from '../../i18n/locale.js';
import { coversBody, useBodies } from '../bodies/bodies.api.js';
import { BodyTreeSelect } from '../bodies/BodyTreeSelect.js';
import { useChosenBody } from '../bodies/useChosenBody.js';
import { DepartmentsDrawer } from './DepartmentsDrawer.js';
import { UnitFormModal } from './UnitFormModal.js';
import type { UnitDialog } from './UnitFormModal.js';
import { unitWriters, useSetUnitActive, useUnits } from './units.api.js';
import type { UnitQuery } from './units.api.js';

/** Handling units (承办单位) of a body: find, add, edit, departments, deactivate. */
export function UnitsPage() {
  const { t, pick } = useLocale();
  const { message } = App.useApp();
  const { me } = useSession();
  const { bodyId, choose } = useChosenBody(unitWriters);
  const bodies = useBodies();
  const [filter, setFilter] = useState<UnitQuery>({ page: 1, pageSize: 20 });
  const query: UnitQuery = { ...filter, bodyId: bodyId ?? undefined };
  const units = useUnits(query, bodyId !== null);
  const setActive = useSetUnitActive();
  const [dialog, setDialog] = useState<UnitDialog>(null);
  const [departmentsOf, setDepartmentsOf] = useState<Unit | null>(null);
  const body = bodies.data?.find((candidate) => candidate.id === bodyId);
  const canEdit = me !== null && body !== undefined && coversBody(me, unitWriters, body);
  const change = (next: UnitQuery) => setFilter((current) => ({ ...current, ...next, page: 1 }));

  const toggle = async (unit: Unit) => {
    try {
      await setActive.mutateAsync({ id: unit.id, active: !unit.active });
      message.success(unit.active ? t('unitDeactivated') : t('unitReactivated'));
    } catch (error) {
      showError(message, error, t);
    }
  };

  const columns: TableColumnsType<Unit> = [
    {
      title: t('unitName'),
      key: 'name',
      render: (_value, unit) => (
        <Flex vertical>
          <span>{unit.name}</span>
          {unit.shortName ? <Typography.Text type="secondary">{unit.shortName}</Typography.Text> : null}
        </Flex>
      ),
    },
    {
      title: t('unitKind'),
      key: 'kind',
      width: 130,
      render: (_value, unit) => <Tag>{pick(unitKindLabels[unit.kind])}</Tag>,
    },
    {
      title: t('unitContact'),
      key: 'contact',
      width: 200,
      render: (_value, unit) => [unit.contactPerson, unit.contactPhone].filter(Boolean).join(' · '),
    },
    {
      title: t('userStatus'),
      key: 'active',
      width: 90,
      render: (_value, unit) =>
        unit.active ? <Tag color="success">{t('unitActive')}</Tag> : <Tag>{t('unitInactive')}</Tag>,
    },
    {
      title: t('actions'),
      key: 'actions',
      width: 230,
      render: (_value, unit) => (
        <Space size={0} wrap>
          {canEdit ? (
            <Button type="link" size="small" onClick={() => setDialog({ mode: 'edit', unit })}>
              {t('edit')}
            </Button>
          ) : null}
          <Button type="link" size="small" onClick={() => setDepartmentsOf(unit)}>
            {t('unitDepartments')}
          </Button>
          {canEdit ? (
            <Popconfirm
              title={
                unit.active
                  ? t('unitDeactivateConfirm', { name: unit.name })
                  : t('unitReactivateConfirm', { name: unit.name })
              }
              okText={t('confirm')}
              okButtonProps={{ danger: unit.active }}
              cancelText={t('cancel')}
              onConfirm={() => toggle(unit)}
            >
              <Button type="link" size="small" danger={unit.active}>
                {unit.active ? t('unitDeactivate') : t('unitReactivate')}
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('unitsTitle')}
        intro={t('unitsIntro')}
        extra={
          canEdit && bodyId ? (
            <>
              {/* The export takes the name search; kind and status are not export filters. */}
              <ImportExport
                kind="units"
                body={body}
                exportQuery={{ q: filter.q, unitKind: filter.kind, active: filter.active }}
              />
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setDialog({ mode: 'create', bodyId })}
              >
                {t('unitCreate')}
              </Button>
            </>
          ) : null
        }
      />
      <Card className="minyi-table-card">
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <BodyTreeSelect value={bodyId} onChange={choose} style={{ flex: '1 1 220px', maxWidth: 320 }} />
          <Input.Search
            allowClear
            placeholder={t('unitSearchPlaceholder')}
            onSearch={(q) => change({ q: q.trim() || undefined })}
            style={{ flex: '1 1 180px', maxWidth: 260 }}
          />
          <Select<UnitKind>
            allowClear
            placeholder={t('unitKind')}
            options={unitKindValues.map((kind) => ({ value: kind, label: pick(unitKindLabels[kind]) }))}
            onChange={(kind) => change({ kind })}
            style={{ flex: '1 1 140px', maxWidth: 180 }}
          />
          <Select<'true' | 'false'>
            allowClear
            placeholder={t('userStatus')}
            options={[
              { value: 'true', label: t('unitActive') },
              { value: 'false', label: t('unitInactive') },
            ]}
            onChange={(active) => change({ active })}
            style={{ flex: '1 1 110px', maxWidth: 140 }}
          />
        </Flex>
        {units.isError ? (
          <QueryError error={units.error} onRetry={() => void units.refetch()} />
        ) : (
          <Table<Unit>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={units.data?.items}
            loading={units.isFetching}
            scroll={{ x: 860 }}
            pagination={{
              current: filter.page,
              pageSize: filter.pageSize,
              total: units.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('totalItems', { total }),
              onChange: (page, pageSize) => setFilter((current) => ({ ...current, page, pageSize })),
            }}
          />
        )}
      </Card>
      <UnitFormModal dialog={dialog} onClose={() => setDialog(null)} />
      <DepartmentsDrawer unit={departmentsOf} canEdit={canEdit} onClose={() => setDepartmentsOf(null)} />
    </>
  );
}
