import { useState } from 'react';
import { Card, Col, Flex, InputNumber, Row, Select, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ExportView } from '../../../shared/schemas/exports.js';
import { exportStatusLabels } from '../../../shared/schemas/exports.js';
import type { Role } from '../../../shared/schemas/roles.js';
import { hasAnyRole } from '../../auth/roles.js';
import { useSession } from '../../auth/session.js';
import { PageHeader } from '../../components/PageHeader.js';
import { formatDateTime, todayInBeijing } from '../../format/time.js';
import { useLocale } from '../../i18n/locale.js';
import { BodyTreeSelect } from '../bodies/BodyTreeSelect.js';
import { useChosenBody } from '../bodies/useChosenBody.js';
import { useActiveUnits, useCurrentSessions } from '../suggestions/api/reference.api.js';
import { ResponsiveTable } from '../supervision/ResponsiveTable.js';
import { ExportButtons, ExportProgress } from './ExportButtons.js';
import type { ExportFormat } from './ExportButtons.js';
import { useMyExports } from './reports.api.js';

export const reportStaff: Role[] = [
  'office_staff',
  'admin',
  'committee_staff',
  'leader',
  'supervision_office',
];
const statusColors = { queued: 'default', running: 'processing', done: 'success', failed: 'error' } as const;
const docFormat = (format: ExportFormat) => (format === 'pdf' ? 'pdf' : 'docx');

function ReportCard({ title, hint, children }: { title: string; hint: string; children: React.ReactNode }) {
  return (
    <Card size="small" title={title} style={{ height: '100%' }}>
      <Flex vertical gap={10}>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {hint}
        </Typography.Text>
        {children}
      </Flex>
    </Card>
  );
}

/** What can be generated, each started as a background export with its progress; and my exports. */
export function ReportsPage() {
  const { t, pick } = useLocale();
  const { me } = useSession();
  const staff = me !== null && hasAnyRole(me, reportStaff);
  const ownUnits = (me?.roles ?? []).filter((r) => r.unitId !== null);
  const { bodyId, choose } = useChosenBody(reportStaff);
  const sessions = useCurrentSessions(staff ? bodyId : null);
  const units = useActiveUnits(staff ? bodyId : null);
  const [year, setYear] = useState(() => Number(todayInBeijing().slice(0, 4)));
  const [sessionId, setSessionId] = useState<string | undefined>();
  const [unitId, setUnitId] = useState<string | undefined>(() => ownUnits[0]?.unitId ?? undefined);
  const chosenSession = sessionId ?? sessions.items[0]?.id;
  const unitOptions = staff
    ? units.items.map((u) => ({ value: u.id, label: u.name }))
    : ownUnits.map((r) => ({ value: r.unitId ?? '', label: r.unitName ?? '' }));
  const mine = useMyExports();
  const yearInput = (
    <InputNumber
      min={2000}
      max={2100}
      value={year}
      onChange={(value) => value && setYear(value)}
      suffix={t('apYear')}
      style={{ width: 130 }}
    />
  );

  const columns: TableColumnsType<ExportView> = [
    {
      title: t('rpFile'),
      key: 'file',
      render: (_v, e) => (
        <Flex vertical gap={2}>
          <Typography.Text>{e.kindLabel}</Typography.Text>
          <ExportProgress view={e} />
        </Flex>
      ),
    },
    {
      title: t('rpStatus'),
      key: 'status',
      width: 110,
      render: (_v, e) => <Tag color={statusColors[e.status]}>{pick(exportStatusLabels[e.status])}</Tag>,
    },
    { title: t('rpRequested'), key: 'created', width: 170, render: (_v, e) => formatDateTime(e.createdAt) },
  ];

  return (
    <>
      <PageHeader
        title={t('rpTitle')}
        intro={t('rpIntro')}
        extra={staff ? <BodyTreeSelect value={bodyId} onChange={choose} style={{ minWidth: 200 }} /> : null}
      />
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {staff ? (
          <Col xs={24} md={12} xl={8}>
            <ReportCard title={t('rpAnnual')} hint={t('rpAnnualHint')}>
              {yearInput}
              <ExportButtons
                testId="export-annual"
                formats={['docx', 'pdf']}
                request={(format) =>
                  bodyId
                    ? { kind: 'annual_report', params: { bodyId, year, format: docFormat(format) } }
                    : null
                }
              />
            </ReportCard>
          </Col>
        ) : null}
        {staff ? (
          <Col xs={24} md={12} xl={8}>
            <ReportCard title={t('rpCompilation')} hint={t('rpCompilationHint')}>
              <Select
                placeholder={t('rpChooseSession')}
                value={chosenSession}
                onChange={setSessionId}
                loading={sessions.loading}
                options={sessions.items.map((s) => ({ value: s.id, label: s.name }))}
                style={{ width: '100%' }}
              />
              <ExportButtons
                testId="export-compilation"
                formats={['docx', 'pdf']}
                request={(format) =>
                  chosenSession
                    ? { kind: 'compilation', params: { sessionId: chosenSession, format: docFormat(format) } }
                    : null
                }
              />
            </ReportCard>
          </Col>
        ) : null}
        <Col xs={24} md={12} xl={8}>
          <ReportCard title={t('rpUnitReport')} hint={t('rpUnitReportHint')}>
            <Flex gap={8} wrap>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('rpChooseUnit')}
                value={unitId}
                onChange={setUnitId}
                options={unitOptions}
                style={{ minWidth: 200, flex: 1 }}
              />
              {yearInput}
            </Flex>
            <ExportButtons
              testId="export-unit"
              formats={['docx', 'pdf']}
              request={(format) =>
                unitId ? { kind: 'unit_report', params: { unitId, year, format: docFormat(format) } } : null
              }
            />
          </ReportCard>
        </Col>
        {staff ? (
          <Col xs={24} md={12} xl={8}>
            <ReportCard title={t('rpAppraisalXlsx')} hint={t('apIntro')}>
              {yearInput}
              <ExportButtons
                testId="export-appraisal"
                formats={['xlsx']}
                request={() => (bodyId ? { kind: 'appraisal_xlsx', params: { bodyId, year } } : null)}
              />
            </ReportCard>
          </Col>
        ) : null}
        {staff ? (
          <Col xs={24} md={12} xl={8}>
            <ReportCard title={t('rpSuggestionsXlsx')} hint={t('rpSuggestionsHint')}>
              <ExportButtons
                testId="export-suggestions"
                formats={['xlsx']}
                request={() =>
                  bodyId ? { kind: 'suggestions_xlsx', params: { bodyId, sort: 'serial' } } : null
                }
              />
            </ReportCard>
          </Col>
        ) : null}
      </Row>
      <Typography.Title level={5}>{t('rpMine')}</Typography.Title>
      <ResponsiveTable<ExportView>
        testId="my-exports"
        rows={mine.data?.items ?? []}
        rowKey={(e) => e.id}
        columns={columns}
        loading={mine.isPending}
        pagination={false}
        card={(e) => (
          <Flex vertical gap={4}>
            <Flex justify="space-between" gap={8}>
              <Typography.Text>{e.kindLabel}</Typography.Text>
              <Tag color={statusColors[e.status]}>{pick(exportStatusLabels[e.status])}</Tag>
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(e.createdAt)}
            </Typography.Text>
            <ExportProgress view={e} />
          </Flex>
        )}
      />
    </>
  );
}
