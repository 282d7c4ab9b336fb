import { useState } from 'react';
import { Button, Flex, Select, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { BellOutlined, StarFilled } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { Role } from '../../../shared/schemas/roles.js';
import type { Stage, SupervisionItem, WarningCode } from '../../../shared/schemas/supervision.js';
import {
  stageLabels,
  stageValues,
  warningLabels,
  warningValues,
} from '../../../shared/schemas/supervision.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryError } from '../../components/QueryError.js';
import { useLocale } from '../../i18n/locale.js';
import { BodyTreeSelect } from '../bodies/BodyTreeSelect.js';
import { useChosenBody } from '../bodies/useChosenBody.js';
import { useActiveUnits, useCurrentSessions } from '../suggestions/api/reference.api.js';
import { RemindDialog } from './RemindDialog.js';
import { ResponsiveTable } from './ResponsiveTable.js';
import type { OverviewFilters } from './supervision.api.js';
import { useOverview } from './supervision.api.js';
import { DaysLeftText, StageTag, UnitDeadlines, WarningTags } from './SupervisionTags.js';

export const overseers: Role[] = ['office_staff', 'admin', 'supervision_office'];
const pageSize = 20;

/** 督办总览 (代表工委、政府督查室): every item's stage, days left and warnings; filters; 催办. */
export function SupervisionOverviewPage() {
  const { t, pick } = useLocale();
  const { bodyId, choose } = useChosenBody(overseers);
  const sessions = useCurrentSessions(bodyId);
  const units = useActiveUnits(bodyId);
  // Open work first: the items still being handled (the filter can be cleared to see every stage).
  const [filters, setFilters] = useState<OverviewFilters>({ stage: 'handling' });
  const [page, setPage] = useState(1);
  const [reminding, setReminding] = useState<SupervisionItem | null>(null);
  const overview = useOverview(bodyId, filters, page, pageSize);
  const set = (patch: OverviewFilters) => {
    setFilters((current) => ({ ...current, ...patch }));
    setPage(1);
  };
  const remindable = (item: SupervisionItem) => item.stage === 'handling' || item.stage === 'rehandling';

  const columns: TableColumnsType<SupervisionItem> = [
    { title: t('sgSerial'), key: 'serial', width: 90, render: (_v, item) => item.serialLabel ?? '—' },
    {
      title: t('sgTitle'),
      key: 'title',
      render: (_v, item) => (
        <Flex vertical gap={2} style={{ maxWidth: 420 }}>
          <Link to={`/supervision/${item.suggestionId}`}>
            {item.key ? <StarFilled style={{ color: '#cf1322', marginRight: 4 }} /> : null}
            {item.title}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {item.leadDeputyName}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('svStage'), key: 'stage', width: 120, render: (_v, item) => <StageTag item={item} /> },
    { title: t('sgUnits'), key: 'units', render: (_v, item) => <UnitDeadlines units={item.units} /> },
    {
      title: t('svDaysLeftColumn'),
      key: 'days',
      width: 110,
      render: (_v, item) => <DaysLeftText daysLeft={item.daysLeft} />,
    },
    {
      title: t('svWarnings'),
      key: 'warnings',
      render: (_v, item) => <WarningTags warnings={item.warnings} />,
    },
    {
      title: t('actions'),
      key: 'actions',
      width: 90,
      render: (_v, item) =>
        remindable(item) ? (
          <Button size="small" icon={<BellOutlined />} onClick={() => setReminding(item)}>
            {t('svRemind')}
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader title={t('svOverviewTitle')} intro={t('svOverviewIntro')} />
      <Flex gap={8} wrap style={{ marginBottom: 12 }} data-testid="overview-filters">
        <BodyTreeSelect value={bodyId} onChange={choose} style={{ minWidth: 200 }} />
        <Select
          allowClear
          placeholder={t('svSession')}
          style={{ minWidth: 160 }}
          value={filters.sessionId}
          onChange={(sessionId?: string) => set({ sessionId })}
          options={sessions.items.map((s) => ({ value: s.id, label: s.name }))}
        />
        <Select<Stage>
          allowClear
          placeholder={t('svStage')}
          style={{ minWidth: 140 }}
          value={filters.stage}
          onChange={(stage?: Stage) => set({ stage })}
          options={stageValues.map((s) => ({ value: s, label: pick(stageLabels[s]) }))}
        />
        <Select<WarningCode>
          allowClear
          placeholder={t('svWarning')}
          style={{ minWidth: 180 }}
          value={filters.warning}
          onChange={(warning?: WarningCode) => set({ warning })}
          options={warningValues.map((w) => ({ value: w, label: pick(warningLabels[w]) }))}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('sgUnits')}
          style={{ minWidth: 180 }}
          value={filters.unitId}
          onChange={(unitId?: string) => set({ unitId })}
          options={units.items.map((u) => ({ value: u.id, label: u.name }))}
        />
        <Select<'true' | 'false'>
          allowClear
          placeholder={t('svKeyFilter')}
          style={{ minWidth: 120 }}
          value={filters.key}
          onChange={(value?: 'true' | 'false') => set({ key: value })}
          options={[
            { value: 'true', label: t('svKeyOnly') },
            { value: 'false', label: t('svNotKey') },
          ]}
        />
        <Select<'true' | 'false'>
          allowClear
          placeholder={t('svOverdueFilter')}
          style={{ minWidth: 120 }}
          value={filters.overdue}
          onChange={(overdue?: 'true' | 'false') => set({ overdue })}
          options={[
            { value: 'true', label: t('svOverdueOnly') },
            { value: 'false', label: t('svNotOverdue') },
          ]}
        />
      </Flex>
      {overview.isError ? (
        <QueryError error={overview.error} onRetry={() => void overview.refetch()} />
      ) : (
        <ResponsiveTable<SupervisionItem>
          testId="overview-list"
          rows={overview.data?.items ?? []}
          rowKey={(item) => item.suggestionId}
          columns={columns}
          loading={overview.isFetching}
          pagination={{ current: page, pageSize, total: overview.data?.total ?? 0, onChange: setPage }}
          card={(item) => (
            <Flex vertical gap={6}>
              <Flex justify="space-between" gap={8} wrap>
                <Typography.Text type="secondary">{item.serialLabel ?? '—'}</Typography.Text>
                <StageTag item={item} />
              </Flex>
              <Link to={`/supervision/${item.suggestionId}`}>
                {item.key ? <StarFilled style={{ color: '#cf1322', marginRight: 4 }} /> : null}
                {item.title}
              </Link>
              <UnitDeadlines units={item.units} />
              <Flex justify="space-between" align="center" gap={8} wrap>
                <DaysLeftText daysLeft={item.daysLeft} />
                {remindable(item) ? (
                  <Button size="small" icon={<BellOutlined />} onClick={() => setReminding(item)}>
                    {t('svRemind')}
                  </Button>
                ) : null}
              </Flex>
              <WarningTags warnings={item.warnings} />
            </Flex>
          )}
        />
      )}
      <RemindDialog item={reminding} onClose={() => setReminding(null)} />
    </>
  );
}
