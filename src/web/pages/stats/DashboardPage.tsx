import { useState } from 'react';
import { Flex, Segmented, Select } from 'antd';
import type { Role } from '../../../shared/schemas/roles.js';
import { PageHeader } from '../../components/PageHeader.js';
import { hasAnyRole } from '../../auth/roles.js';
import { useSession } from '../../auth/session.js';
import { useStatsText } from './use-stats-text.js';
import { BodyTreeSelect } from '../bodies/BodyTreeSelect.js';
import { useChosenBody } from '../bodies/useChosenBody.js';
import { LeaderDashboard } from './LeaderDashboard.js';
import { OfficeDashboard } from './OfficeDashboard.js';
import { UnitDashboard } from './UnitDashboard.js';

type Kind = 'office' | 'leader' | 'unit';
const rolesOf: Record<Kind, readonly Role[]> = {
  office: ['office_staff', 'admin', 'committee_staff', 'supervision_office'],
  leader: ['leader'],
  unit: ['unit_handler', 'unit_leader'],
};
const thisYear = new Date().getFullYear();

/** 统计看板: the office's, the leader's or the unit's dashboard, by the user's roles. */
export function DashboardPage() {
  const { t } = useStatsText();
  const { me } = useSession();
  const kinds = (['office', 'leader', 'unit'] as const).filter((k) => me && hasAnyRole(me, rolesOf[k]));
  const [chosen, setChosen] = useState<Kind | null>(null);
  const kind = chosen ?? kinds[0] ?? 'unit';
  const { bodyId, choose } = useChosenBody(rolesOf[kind]);
  const [year, setYear] = useState<number>(thisYear);
  const titles = {
    office: t('stOfficeDashboard'),
    leader: t('stLeaderDashboard'),
    unit: t('stUnitDashboard'),
  };
  return (
    <>
      <PageHeader title={titles[kind]} />
      <Flex gap={8} wrap style={{ marginBottom: 12 }} align="center">
        {kinds.length > 1 ? (
          <Segmented<Kind>
            value={kind}
            onChange={setChosen}
            options={kinds.map((k) => ({ value: k, label: titles[k] }))}
          />
        ) : null}
        {kind !== 'unit' ? (
          <BodyTreeSelect value={bodyId} onChange={choose} style={{ minWidth: 200 }} />
        ) : null}
        <Select<number>
          value={year}
          onChange={setYear}
          style={{ width: 100 }}
          options={Array.from({ length: 6 }, (_v, i) => ({ value: thisYear - i, label: `${thisYear - i}` }))}
        />
      </Flex>
      {kind === 'office' ? <OfficeDashboard bodyId={bodyId} year={year} /> : null}
      {kind === 'leader' ? <LeaderDashboard bodyId={bodyId} year={year} /> : null}
      {kind === 'unit' ? <UnitDashboard year={year} /> : null}
    </>
  );
}
