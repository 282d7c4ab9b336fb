import { useState } from 'react';
import { Flex, Segmented, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import type { HandlingRecord, RecordListItem, RecordStatus } from '../../../shared/schemas/records.js';
import type { Role } from '../../../shared/role-labels.js';
import { api } from '../../api/client.js';
import { hasAnyRole } from '../../auth/roles.js';
import { useSession } from '../../auth/session.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryError } from '../../components/QueryError.js';
import { formatDate } from '../../format/time.js';
import { useLocale } from '../../i18n/locale.js';
import { BodyTreeSelect } from '../bodies/BodyTreeSelect.js';
import { useChosenBody } from '../bodies/useChosenBody.js';
import { suggestionPath, suggestionsKey, useSuggestions } from '../suggestions/api/suggestions.api.js';
import { ResponsiveTable } from '../supervision/ResponsiveTable.js';
import { useRecordList } from './records.api.js';

const listers: Role[] = ['office_staff', 'admin', 'committee_staff', 'leader', 'supervision_office'];
const unitRoles: Role[] = ['unit_handler', 'unit_leader'];
type Scope = 'mine' | 'missing' | 'all';

/** The record statuses that wait for the signed-in user: a unit leader after the deputy, a leader last. */
function myTurn(roles: Role[]): RecordStatus[] {
  return [
    ...(roles.includes('unit_leader') ? (['deputy_signed'] as const) : []),
    ...(roles.includes('leader') ? (['unit_signed'] as const) : []),
  ];
}

function StatusTag({ item }: { item: Pick<RecordListItem, 'status' | 'statusLabel'> }) {
  const { pick } = useLocale();
  const color =
    item.status === 'complete' ? 'success' : item.status === 'returned' ? 'warning' : 'processing';
  return <Tag color={color}>{pick(item.statusLabel)}</Tag>;
}

/** A deputy's own closed items and their records (a deputy signs first, on their own items). */
function DeputyRecords() {
  const { t } = useLocale();
  const { me } = useSession();
  const closed = useSuggestions({ view: 'mine', status: 'closed', page: 1, pageSize: 100 });
  // Only the lead deputy signs the record: co-signed items are left out.
  const items = (closed.data?.items ?? []).filter((s) => s.leadDeputyId === me?.deputyId);
  const records = useQueries({
    queries: items.map((s) => ({
      queryKey: [suggestionsKey, 'record', s.id],
      queryFn: () => api.get<HandlingRecord>(`${suggestionPath(s.id)}/record`),
    })),
  });
  if (closed.isError) return <QueryError error={closed.error} onRetry={() => void closed.refetch()} />;
  const rows = records.flatMap((r) => (r.data ? [r.data] : []));
  const columns: TableColumnsType<HandlingRecord> = [
    { title: t('sgSerial'), key: 'serial', width: 96, render: (_v, r) => r.serialLabel ?? '—' },
    {
      title: t('sgTitle'),
      key: 'title',
      render: (_v, r) => <Link to={`/suggestions/${r.suggestionId}`}>{r.title}</Link>,
    },
    { title: t('rcStatus'), key: 'status', render: (_v, r) => <StatusTag item={r} /> },
  ];
  return (
    <ResponsiveTable<HandlingRecord>
      testId="records-list"
      rows={rows}
      rowKey={(r) => r.suggestionId}
      columns={columns}
      loading={closed.isPending}
      pagination={false}
      card={(r) => (
        <Flex vertical gap={4}>
          <Link to={`/suggestions/${r.suggestionId}`}>{r.title}</Link>
          <Flex gap={6} wrap>
            <Typography.Text type="secondary">{r.serialLabel}</Typography.Text>
            <StatusTag item={r} />
          </Flex>
        </Flex>
      )}
    />
  );
}

/** Staff and unit view: closed items of a body with missing signatures, or those waiting for me. */
function BodyRecords() {
  const { t } = useLocale();
  const { me } = useSession();
  const { bodyId, choose } = useChosenBody([...listers, ...unitRoles]);
  const roles = (me?.roles ?? []).map((g) => g.role);
  const turn = myTurn(roles);
  const [scope, setScope] = useState<Scope>(turn.length > 0 ? 'mine' : 'missing');
  const [page, setPage] = useState(1);
  const pageSize = scope === 'mine' ? 200 : 20;
  const list = useRecordList({
    bodyId,
    missing: scope !== 'all',
    page: scope === 'mine' ? 1 : page,
    pageSize,
  });
  const rows = (list.data?.items ?? []).filter((r) => scope !== 'mine' || turn.includes(r.status));
  const columns: TableColumnsType<RecordListItem> = [
    { title: t('sgSerial'), key: 'serial', width: 96, render: (_v, r) => r.serialLabel ?? '—' },
    {
      title: t('sgTitle'),
      key: 'title',
      render: (_v, r) => (
        <Flex vertical gap={2}>
          <Link to={`/suggestions/${r.suggestionId}`}>{r.title}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.leadDeputyName} · {r.leadUnitNames.join('、')}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('rcClosedAt'), key: 'closed', width: 110, render: (_v, r) => formatDate(r.closedAt) },
    { title: t('rcStatus'), key: 'status', width: 150, render: (_v, r) => <StatusTag item={r} /> },
    {
      title: t('rcMissing'),
      key: 'missing',
      render: (_v, r) =>
        r.returnDueOn
          ? t('rcReturnedDue', { date: r.returnDueOn })
          : r.missingSteps.map((s) => s.stepName).join('、') || '—',
    },
  ];
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <BodyTreeSelect value={bodyId} onChange={choose} style={{ minWidth: 220 }} />
        <Segmented<Scope>
          value={scope}
          onChange={(value) => {
            setScope(value);
            setPage(1);
          }}
          options={[
            ...(turn.length > 0 ? [{ value: 'mine' as const, label: t('rcScopeMine') }] : []),
            { value: 'missing', label: t('rcScopeMissing') },
            { value: 'all', label: t('rcScopeAll') },
          ]}
        />
      </Flex>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <ResponsiveTable<RecordListItem>
          testId="records-list"
          rows={rows}
          rowKey={(r) => r.suggestionId}
          columns={columns}
          loading={list.isFetching}
          pagination={
            scope === 'mine'
              ? false
              : { current: page, pageSize, total: list.data?.total ?? 0, onChange: setPage }
          }
          card={(r) => (
            <Flex vertical gap={4}>
              <Link to={`/suggestions/${r.suggestionId}`}>{r.title}</Link>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {[r.serialLabel, r.leadDeputyName, r.leadUnitNames.join('、')].filter(Boolean).join(' · ')}
              </Typography.Text>
              <Flex gap={6} wrap align="center">
                <StatusTag item={r} />
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {r.returnDueOn
                    ? t('rcReturnedDue', { date: r.returnDueOn })
                    : r.missingSteps.map((s) => s.stepName).join('、')}
                </Typography.Text>
              </Flex>
            </Flex>
          )}
        />
      )}
    </>
  );
}

/** 纪实表签字: the records waiting for the signed-in person, and (for staff) every unsigned one. */
export function RecordsPage() {
  const { t } = useLocale();
  const { me } = useSession();
  const body = me !== null && hasAnyRole(me, [...listers, ...unitRoles]);
  return (
    <>
      <PageHeader title={t('rcPageTitle')} intro={t('rcPageIntro')} />
      {body ? <BodyRecords /> : <DeputyRecords />}
    </>
  );
}
