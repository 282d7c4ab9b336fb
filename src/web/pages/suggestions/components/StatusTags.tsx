import { Tag, Tooltip, Typography } from 'antd';
import { StarFilled } from '@ant-design/icons';
import type { AssignmentStatus, SuggestionStatus } from '../../../../shared/schemas/suggestions.js';
import {
  assignmentRoleLabels,
  assignmentStatusLabels,
  finishedAssignmentStatuses,
  suggestionStatusLabels,
} from '../../../../shared/schemas/suggestions.js';
import type { SuggestionSummary } from '../../../../shared/schemas/suggestions.js';
import { useLocale } from '../../../i18n/locale.js';

const statusColors: Record<SuggestionStatus, string> = {
  draft: 'default',
  in_review: 'processing',
  returned: 'warning',
  rejected: 'error',
  withdrawn: 'default',
  merged: 'purple',
  accepted: 'cyan',
  handling: 'blue',
  replied: 'green',
  rehandling: 'orange',
  closed: 'success',
};

export function SuggestionStatusTag({ status }: { status: SuggestionStatus }) {
  const { pick } = useLocale();
  return (
    <Tag color={statusColors[status]} data-testid="suggestion-status">
      {pick(suggestionStatusLabels[status])}
    </Tag>
  );
}

const assignmentColors: Partial<Record<AssignmentStatus, string>> = {
  pending_receipt: 'warning',
  handling: 'processing',
  adjustment_requested: 'orange',
  reassigned: 'default',
  replied: 'green',
  rehandling: 'orange',
  opinion_submitted: 'cyan',
  opinion_lapsed: 'default',
};

export function AssignmentStatusTag({ status }: { status: AssignmentStatus }) {
  const { pick } = useLocale();
  return <Tag color={assignmentColors[status]}>{pick(assignmentStatusLabels[status])}</Tag>;
}

export function KeyTag({ keyStatus }: { keyStatus: SuggestionSummary['keyStatus'] }) {
  const { t } = useLocale();
  if (keyStatus === 'none') return null;
  return (
    <Tag color="red" icon={<StarFilled />}>
      {keyStatus === 'published' ? t('sgKeyPublished') : t('sgKeyConfirmed')}
    </Tag>
  );
}

/** "县教育局（主办）、县财政局（协办）". */
export function UnitsText({ units }: { units: SuggestionSummary['units'] }) {
  const { pick } = useLocale();
  if (units.length === 0) return <span className="minyi-muted">—</span>;
  return <span>{units.map((u) => `${u.unitName}（${pick(assignmentRoleLabels[u.role])}）`).join('、')}</span>;
}

/** Days to a deadline: red from 10 days, a tag once overdue; nothing to count once the unit is done. */
export function DaysLeft({
  daysLeft,
  overdue,
  status,
}: {
  daysLeft: number;
  overdue: boolean;
  status?: AssignmentStatus;
}) {
  const { t } = useLocale();
  if (status && finishedAssignmentStatuses.includes(status))
    return (
      <Typography.Text type="secondary" data-testid="days-left">
        —
      </Typography.Text>
    );
  if (overdue || daysLeft < 0)
    return (
      <Tag color="error" data-testid="days-left">
        {t('sgOverdueDays', { days: Math.abs(daysLeft) })}
      </Tag>
    );
  return (
    <span data-testid="days-left" style={{ color: daysLeft <= 10 ? '#cf1322' : undefined, fontWeight: 500 }}>
      {t('sgDaysLeft', { days: daysLeft })}
    </span>
  );
}

/** 提 → 审 → 交 → 办 → 评: where an item is, as five steps. */
const stageOf: Partial<Record<SuggestionStatus, number>> = {
  draft: 1,
  returned: 1,
  in_review: 2,
  accepted: 3,
  handling: 4,
  rehandling: 4,
  replied: 5,
  closed: 5,
};

export function StageProgress({ status }: { status: SuggestionStatus }) {
  const { t, pick } = useLocale();
  const stage = stageOf[status];
  if (stage === undefined) return <SuggestionStatusTag status={status} />;
  const names = [
    t('sgStageDraft'),
    t('sgStageReview'),
    t('sgStageAssign'),
    t('sgStageHandle'),
    t('sgStageRate'),
  ];
  const done = status === 'closed' ? names.length : stage - 1;
  return (
    <Tooltip title={pick(suggestionStatusLabels[status])}>
      <span className="minyi-stages" aria-label={pick(suggestionStatusLabels[status])}>
        {names.map((name, index) => (
          <span
            key={name}
            className={
              index < done
                ? 'minyi-stage minyi-stage-done'
                : index === done
                  ? 'minyi-stage minyi-stage-current'
                  : 'minyi-stage'
            }
          >
            {name}
          </span>
        ))}
      </span>
    </Tooltip>
  );
}
