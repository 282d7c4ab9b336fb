import { Select } from 'antd';
import { useLocale } from '../../../i18n/locale.js';
import type { UnitPlan } from './assign-plan.js';

interface PlanSelectProps {
  plan: UnitPlan;
  onChange: (plan: UnitPlan) => void;
  options: { value: string; label: string }[];
  /** Ticked for the meeting but without a lead unit yet. */
  missing?: boolean;
}

/** The lead unit of one row; choosing it drops it from the co units. */
export function LeadUnitSelect({ plan, onChange, options, missing }: PlanSelectProps) {
  const { t } = useLocale();
  return (
    <Select
      value={plan.lead}
      onChange={(lead: string) => onChange({ lead, co: plan.co.filter((id) => id !== lead) })}
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('asgChooseLead')}
      status={missing ? 'error' : undefined}
      style={{ width: '100%' }}
      aria-label={t('asgLeadUnit')}
      data-testid="lead-unit"
    />
  );
}

/** The co units of one row (never the lead unit). */
export function CoUnitsSelect({ plan, onChange, options }: PlanSelectProps) {
  const { t } = useLocale();
  return (
    <Select
      mode="multiple"
      value={plan.co}
      onChange={(co: string[]) => onChange({ ...plan, co })}
      options={options.filter((o) => o.value !== plan.lead)}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('none')}
      style={{ width: '100%' }}
      aria-label={t('asgCoUnits')}
    />
  );
}
