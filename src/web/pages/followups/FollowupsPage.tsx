import { useState } from 'react';
import { Flex, InputNumber, Progress, Segmented, Select, Statistic, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import type { FollowupPromise } from '../../../shared/schemas/followups.js';
import { promiseStatusLabels } from '../../../shared/schemas/followups.js';
import type { Role } from '../../../shared/schemas/roles.js';
import { hasAnyRole } from '../../auth/roles.js';
import { useSession } from '../../auth/session.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryError } from '../../components/QueryError.js';
import { todayInBeijing } from '../../format/time.js';
import { useLocale } from '../../i18n/locale.js';
import { BodyTreeSelect } from '../bodies/BodyTreeSelect.js';
import { useChosenBody } from '../bodies/useChosenBody.js';
import { useTerms } from '../organisations/organisations.api.js';
import { useActiveUnits } from '../suggestions/api/reference.api.js';
import { ResponsiveTable } from '../supervision/ResponsiveTable.js';
import { FollowupDrawer, promiseColors } from './FollowupDrawer.js';
import type { FollowupFilters } from './followups.api.js';
import { useFollowupRates, useFollowups } from './followups.api.js';

export const followupReaders: Role[] = [
  'office_staff',
  'admin',
  'committee_staff',
  'leader',
  'supervision_office',
  'unit_handler',
  'unit_leader',
];
type Scope = 'year' | 'open' | 'term';
const pageSize = 20;

/** 跟踪办理台账: B-class promises by year with open ones carried over; unfinished ones at term change. */
export function FollowupsPage() {
  const { t, pick } = useLocale();
  const { id } = useParams();
  const navigate = useNavigate();
  const { me } = useSession();
  const staff =
    me !== null &&
    hasAnyRole(me, ['office_staff', 'admin', 'committee_staff', 'leader', 'supervision_office']);
  const { bodyId, choose } = useChosenBody(followupReaders);
  const terms = useTerms(staff ? bodyId : null);
  const units = useActiveUnits(staff ? bodyId : null);
  const [scope, setScope] = useState<Scope>('year');
  const [year, setYear] = useState(() => Number(todayInBeijing().slice(0, 4)));
  const [termId, setTermId] = useState<string | undefined>();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const chosenTerm = termId ?? terms.data?.[0]?.id;
  const filters: FollowupFilters =
    scope === 'year'
      ? { year, unitId }
      : scope === 'open'
        ? { open: 'true', unitId }
        : { open: 'true', termId: chosenTerm, unitId };
  const list = useFollowups(bodyId, filters, page, pageSize);
  const rates = useFollowupRates(bodyId, scope === 'year' ? year : undefined, staff);
  // A notification opens `/followups/:id`; inside the page the drawer opens without leaving the route,
  // so the filters stay as they are.
  const [openId, setOpenId] = useState<string | undefined>(id);
  const show = (promiseId: string) => setOpenId(promiseId);
  const hide = () => {
    setOpenId(undefined);
    if (id !== undefined) navigate('/followups', { replace: true });
  };

  const columns: TableColumnsType<FollowupPromise> = [
    {
      title: t('sgTitle'),
      key: 'title',
      render: (_v, p) => (
        <Flex vertical gap={2} style={{ maxWidth: 360 }}>
          <Typography.Link onClick={() => show(p.id)}>{p.suggestionTitle}</Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[p.serialLabel, p.unitName, p.documentNo].filter(Boolean).join(' · ')}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('fuPromise'),
      key: 'promise',
      render: (_v, p) => (
        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0, maxWidth: 320 }}>
          {p.promiseText}
        </Typography.Paragraph>
      ),
    },
    {
      title: t('fuTarget'),
      key: 'target',
      width: 110,
      render: (_v, p) => (
        <Typography.Text type={p.overdue ? 'danger' : undefined}>{p.targetOn}</Typography.Text>
      ),
    },
    {
      title: t('svPercent'),
      key: 'percent',
      width: 130,
      render: (_v, p) => <Progress percent={p.progressPercent ?? 0} size="small" />,
    },
    {
      title: t('sgStatus'),
      key: 'status',
      width: 150,
      render: (_v, p) => (
        <Flex gap={4} wrap>
          <Tag color={promiseColors[p.status]}>{pick(promiseStatusLabels[p.status])}</Tag>
          {p.carriedOver ? <Tag color="purple">{t('fuCarriedFrom', { year: p.enteredYear })}</Tag> : null}
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('fuTitle')} intro={t('fuIntro')} />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <BodyTreeSelect value={bodyId} onChange={choose} style={{ minWidth: 200 }} />
        <Segmented<Scope>
          value={scope}
          onChange={(value) => {
            setScope(value);
            setPage(1);
          }}
          options={[
            { value: 'year', label: t('fuScopeYear') },
            { value: 'open', label: t('fuScopeOpen') },
            ...(staff ? [{ value: 'term' as const, label: t('fuScopeTerm') }] : []),
          ]}
        />
        {scope === 'year' ? (
          <InputNumber
            min={2000}
            max={2100}
            value={year}
            onChange={(value) => value && setYear(value)}
            suffix={t('svYear')}
            style={{ width: 120 }}
          />
        ) : null}
        {scope === 'term' ? (
          <Select
            style={{ minWidth: 160 }}
            value={chosenTerm}
            onChange={setTermId}
            options={(terms.data ?? []).map((term) => ({ value: term.id, label: term.label }))}
          />
        ) : null}
        {staff ? (
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('sgUnits')}
            style={{ minWidth: 180 }}
            value={unitId}
            onChange={(value?: string) => {
              setUnitId(value);
              setPage(1);
            }}
            options={units.items.map((u) => ({ value: u.id, label: u.name }))}
          />
        ) : null}
      </Flex>
      {staff && rates.data ? (
        <Flex gap={24} wrap style={{ marginBottom: 12 }} data-testid="followup-rates">
          <Statistic title={t('fuPromises')} value={rates.data.body.promises} />
          <Statistic title={t('fuFulfilledCount')} value={rates.data.body.fulfilled} />
          <Statistic
            title={t('fuRate')}
            value={rates.data.body.rate ?? '—'}
            suffix={rates.data.body.rate === null ? undefined : '%'}
          />
        </Flex>
      ) : null}
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <ResponsiveTable<FollowupPromise>
          testId="followups"
          rows={list.data?.items ?? []}
          rowKey={(p) => p.id}
          columns={columns}
          loading={list.isFetching}
          pagination={{ current: page, pageSize, total: list.data?.total ?? 0, onChange: setPage }}
          card={(p) => (
            <Flex vertical gap={6}>
              <Typography.Link onClick={() => show(p.id)}>{p.suggestionTitle}</Typography.Link>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {p.unitName} · {t('fuTarget')} {p.targetOn}
              </Typography.Text>
              <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                {p.promiseText}
              </Typography.Paragraph>
              <Flex gap={4} wrap align="center">
                <Tag color={promiseColors[p.status]}>{pick(promiseStatusLabels[p.status])}</Tag>
                {p.carriedOver ? (
                  <Tag color="purple">{t('fuCarriedFrom', { year: p.enteredYear })}</Tag>
                ) : null}
                <Progress percent={p.progressPercent ?? 0} size="small" style={{ width: 120 }} />
              </Flex>
            </Flex>
          )}
        />
      )}
      <FollowupDrawer id={openId} onClose={hide} />
    </>
  );
}
