import { useState } from 'react';
import { Button, Flex, InputNumber, Segmented, Select, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, SettingOutlined } from '@ant-design/icons';
import type { AppraisalCriterion, UnitAppraisal } from '../../../shared/schemas/appraisal.js';
import { appraisalCriterionLabels } from '../../../shared/schemas/appraisal.js';
import { apiUrl } from '../../api/client.js';
import { hasAnyRole } from '../../auth/roles.js';
import { useSession } from '../../auth/session.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryError } from '../../components/QueryError.js';
import { todayInBeijing } from '../../format/time.js';
import { useLocale } from '../../i18n/locale.js';
import { BodyTreeSelect } from '../bodies/BodyTreeSelect.js';
import { useChosenBody } from '../bodies/useChosenBody.js';
import { useCurrentSessions } from '../suggestions/api/reference.api.js';
import { ResponsiveTable } from '../supervision/ResponsiveTable.js';
import { AppraisalSettingsDialog } from './AppraisalSettingsDialog.js';
import { UnitAppraisalDrawer } from './UnitAppraisalDrawer.js';
import type { AppraisalScope } from './reports.api.js';
import { useAppraisal } from './reports.api.js';
import { reportStaff } from './ReportsPage.js';

type ScopeKind = 'year' | 'session';

function points(unit: UnitAppraisal, criterion: AppraisalCriterion) {
  const c = unit.criteria.find((x) => x.criterion === criterion);
  if (!c) return '—';
  return (
    <Tooltip title={c.deductionCount > 0 ? `−${c.deducted}（${c.deductionCount}）` : undefined}>
      <Typography.Text type={c.deducted > 0 ? 'danger' : undefined}>{c.points.toFixed(1)}</Typography.Text>
    </Tooltip>
  );
}

/** The ranking of units (七台河 appraisal), a unit's deductions, the weights editor, the Excel download. */
export function AppraisalPage() {
  const { t, pick } = useLocale();
  const { me } = useSession();
  const staff = me !== null && hasAnyRole(me, reportStaff);
  const editor = me !== null && hasAnyRole(me, ['office_staff', 'admin']);
  const { bodyId, choose } = useChosenBody([...reportStaff, 'unit_handler', 'unit_leader']);
  const sessions = useCurrentSessions(bodyId);
  const [kind, setKind] = useState<ScopeKind>('year');
  const [year, setYear] = useState(() => Number(todayInBeijing().slice(0, 4)));
  const [sessionId, setSessionId] = useState<string | undefined>();
  const chosenSession = sessionId ?? sessions.items[0]?.id;
  const scope: AppraisalScope | null =
    kind === 'year' ? { year } : chosenSession ? { sessionId: chosenSession } : null;
  const ranking = useAppraisal(bodyId, scope);
  const [openUnit, setOpenUnit] = useState<string | undefined>();
  const [editing, setEditing] = useState(false);
  const settings = ranking.data?.settings;

  const columns: TableColumnsType<UnitAppraisal> = [
    { title: t('apRank'), key: 'rank', width: 70, align: 'center', render: (_v, u) => u.rank },
    {
      title: t('apUnit'),
      key: 'unit',
      render: (_v, u) => (
        <Typography.Link onClick={() => setOpenUnit(u.unitId)}>{u.unitName}</Typography.Link>
      ),
    },
    {
      title: t('apScore'),
      key: 'score',
      width: 90,
      align: 'right',
      render: (_v, u) => <Typography.Text strong>{u.score.toFixed(1)}</Typography.Text>,
    },
    ...(['onTime', 'contact', 'satisfaction', 'signatures', 'promises'] as const).map((criterion) => ({
      title: `${pick(appraisalCriterionLabels[criterion])}（${settings?.[criterion].weight ?? ''}）`,
      key: criterion,
      width: 120,
      align: 'right' as const,
      render: (_v: unknown, u: UnitAppraisal) => points(u, criterion),
    })),
    { title: t('apItems'), key: 'items', width: 90, align: 'right', render: (_v, u) => u.assignmentCount },
  ];

  const excel = bodyId && scope ? apiUrl('/stats/appraisal.xlsx', { bodyId, ...scope }) : undefined;
  return (
    <>
      <PageHeader
        title={t('apTitle')}
        intro={t('apIntro')}
        extra={
          <>
            {staff && excel ? (
              <Button icon={<DownloadOutlined />} href={excel}>
                {t('apExcel')}
              </Button>
            ) : null}
            {editor ? (
              <Button icon={<SettingOutlined />} onClick={() => setEditing(true)}>
                {t('apWeights')}
              </Button>
            ) : null}
          </>
        }
      />
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        {staff ? <BodyTreeSelect value={bodyId} onChange={choose} style={{ minWidth: 200 }} /> : null}
        <Segmented<ScopeKind>
          value={kind}
          onChange={setKind}
          options={[
            { value: 'year', label: t('apByYear') },
            { value: 'session', label: t('apBySession') },
          ]}
        />
        {kind === 'year' ? (
          <InputNumber
            min={2000}
            max={2100}
            value={year}
            onChange={(value) => value && setYear(value)}
            suffix={t('apYear')}
            style={{ width: 130 }}
          />
        ) : (
          <Select
            style={{ minWidth: 220 }}
            value={chosenSession}
            onChange={setSessionId}
            loading={sessions.loading}
            options={sessions.items.map((s) => ({ value: s.id, label: s.name }))}
          />
        )}
        {ranking.data ? (
          <Typography.Text type="secondary">{t('apAsOf', { day: ranking.data.scope.asOf })}</Typography.Text>
        ) : null}
      </Flex>
      {ranking.isError ? (
        <QueryError error={ranking.error} onRetry={() => void ranking.refetch()} />
      ) : (
        <ResponsiveTable<UnitAppraisal>
          testId="appraisal-ranking"
          rows={ranking.data?.units ?? []}
          rowKey={(u) => u.unitId}
          columns={columns}
          loading={ranking.isFetching}
          pagination={false}
          card={(u) => (
            <Flex vertical gap={6}>
              <Flex justify="space-between" align="center" gap={8}>
                <Typography.Link onClick={() => setOpenUnit(u.unitId)}>
                  {u.rank}. {u.unitName}
                </Typography.Link>
                <Typography.Text strong style={{ fontSize: 18 }}>
                  {u.score.toFixed(1)}
                </Typography.Text>
              </Flex>
              <Flex gap={4} wrap>
                {u.criteria.map((c) => (
                  <Tag key={c.criterion} color={c.deducted > 0 ? 'red' : 'green'}>
                    {c.label} {c.points.toFixed(1)}/{c.weight}
                  </Tag>
                ))}
              </Flex>
            </Flex>
          )}
        />
      )}
      <UnitAppraisalDrawer
        unitId={openUnit}
        bodyId={bodyId}
        scope={scope}
        onClose={() => setOpenUnit(undefined)}
      />
      {editor && editing ? (
        <AppraisalSettingsDialog bodyId={bodyId} onClose={() => setEditing(false)} />
      ) : null}
    </>
  );
}
