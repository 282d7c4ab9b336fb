import { Flex, Tag, Tooltip, Typography } from 'antd';
import type { Stage, SupervisionItem } from '../../../shared/schemas/supervision.js';
import { assignmentRoleLabels } from '../../../shared/schemas/suggestions.js';
import { useLocale } from '../../i18n/locale.js';

const stageColors: Record<Stage, string> = {
  awaiting_assignment: 'default',
  handling: 'processing',
  replied: 'cyan',
  rehandling: 'orange',
  closed: 'success',
};

export function StageTag({ item }: { item: Pick<SupervisionItem, 'stage' | 'stageLabel'> }) {
  return (
    <Tag color={stageColors[item.stage]} data-testid="stage">
      {item.stageLabel}
    </Tag>
  );
}

/** Days to the nearest open deadline: red once past, orange in the last fortnight. */
export function DaysLeftText({ daysLeft }: { daysLeft: number | null }) {
  const { t } = useLocale();
  if (daysLeft === null) return <Typography.Text type="secondary">—</Typography.Text>;
  if (daysLeft < 0)
    return <Typography.Text type="danger">{t('svOverdueDays', { days: -daysLeft })}</Typography.Text>;
  return (
    <Typography.Text type={daysLeft <= 14 ? 'warning' : undefined}>
      {t('svDaysLeft', { days: daysLeft })}
    </Typography.Text>
  );
}

const warningColors: Record<string, string> = {
  overdue: 'red',
  escalated: 'red',
  unsatisfied: 'volcano',
  due_soon: 'orange',
  not_received: 'gold',
  no_plan: 'gold',
};

export function WarningTags({ warnings }: { warnings: SupervisionItem['warnings'] }) {
  if (warnings.length === 0) return null;
  return (
    <Flex gap={4} wrap data-testid="warnings">
      {warnings.map((w) => (
        <Tooltip key={w.code} title={w.text}>
          <Tag color={warningColors[w.code]}>{w.text}</Tag>
        </Tooltip>
      ))}
    </Flex>
  );
}

/** Each unit of the item with its own deadline and days left. */
export function UnitDeadlines({ units }: { units: SupervisionItem['units'] }) {
  const { t, pick } = useLocale();
  return (
    <Flex vertical gap={2}>
      {units.map((u) => (
        <Typography.Text key={u.unitId} style={{ fontSize: 13 }}>
          {u.unitName}（{pick(assignmentRoleLabels[u.role])}） · {t('svDue', { date: u.replyDueOn })}
        </Typography.Text>
      ))}
    </Flex>
  );
}
