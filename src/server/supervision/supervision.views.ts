import type { Clock } from '../platform/clock.js';
import { shanghaiDate } from '../platform/clock.js';
import type { SettingsService } from '../settings/settings.service.js';
import { daysBetween, serialLabel } from '../suggestions/suggestion.views.js';
import { warningDay } from '../suggestions/handling.jobs.js';
import { stageLabels, warningLabels } from '../../shared/schemas/supervision.js';
import type { Stage, SupervisionItem, WarningCode } from '../../shared/schemas/supervision.js';
import type { SupervisionRepository } from './supervision.repository.js';

export type ItemRow = Awaited<ReturnType<SupervisionRepository['items']>>[number];
type AssignmentRow = Awaited<ReturnType<SupervisionRepository['assignmentsOf']>>[number];
type ProgressRow = Awaited<ReturnType<SupervisionRepository['progressOf']>>[number];
type ActivityRow = Awaited<ReturnType<SupervisionRepository['activitiesOf']>>[number];

const stageOfStatus: Record<string, Stage> = {
  accepted: 'awaiting_assignment',
  handling: 'handling',
  replied: 'replied',
  rehandling: 'rehandling',
  closed: 'closed',
};
/** Statuses supervision follows: from acceptance to closing. */
export const supervisedStatuses = Object.keys(stageOfStatus);

export function statusesOfStage(stage: Stage | undefined): string[] {
  return stage ? supervisedStatuses.filter((s) => stageOfStatus[s] === stage) : supervisedStatuses;
}

/** Assignment statuses in which the unit still owes its reply. */
export const owingStatuses = ['pending_receipt', 'handling', 'adjustment_requested', 'rehandling'];

/**
 * Stage, days to the nearest open deadline and warnings of an item, from its assignments. A
 * warning is due once `sharePercent` of the time to the deadline has passed (the same rule as the
 * warning job), overdue from the day after the deadline.
 */
export function assess(
  item: Pick<ItemRow, 'status' | 'escalated'>,
  assignments: Pick<AssignmentRow, 'role' | 'status' | 'assigned_on' | 'reply_due_on' | 'plan'>[],
  today: string,
  sharePercent: number,
): { stage: Stage; daysLeft: number | null; overdue: boolean; warnings: WarningCode[] } {
  const open = assignments.filter((a) => a.role !== 'co' && owingStatuses.includes(a.status));
  const days = open.map((a) => daysBetween(today, a.reply_due_on));
  const daysLeft = days.length > 0 ? Math.min(...days) : null;
  const overdue = daysLeft !== null && daysLeft < 0;
  const warnings: WarningCode[] = [];
  if (assignments.some((a) => a.status === 'pending_receipt')) warnings.push('not_received');
  if (open.some((a) => ['handling', 'rehandling'].includes(a.status) && !a.plan)) warnings.push('no_plan');
  if (!overdue && open.some((a) => today >= warningDay(a.assigned_on, a.reply_due_on, sharePercent)))
    warnings.push('due_soon');
  if (overdue) warnings.push('overdue');
  if (item.status === 'rehandling') warnings.push('unsatisfied');
  if (item.escalated === 1) warnings.push('escalated');
  return { stage: stageOfStatus[item.status] ?? 'handling', daysLeft, overdue, warnings };
}

export function toProgress(p: ProgressRow) {
  return {
    id: p.id,
    unitName: p.unit_name,
    reportOn: p.report_on,
    text: p.text,
    percent: p.percent,
    createdByName: p.created_by_name,
    createdAt: p.created_at,
  };
}

export function toActivity(a: ActivityRow) {
  return {
    id: a.id,
    kind: a.kind as 'meeting',
    activityOn: a.activity_on,
    summary: a.summary,
    participants: a.participants,
    leaderKind: a.leader_kind as 'sponsor' | null,
    recordedByName: a.recorded_by_name,
    createdAt: a.created_at,
  };
}

/** Turns item rows into the board's and overview's shape (batched: no query per item). */
export class SupervisionViews {
  constructor(
    private readonly supervision: SupervisionRepository,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {}

  today(): string {
    return shanghaiDate(this.clock.now());
  }

  async items(rows: ItemRow[]): Promise<SupervisionItem[]> {
    const ids = rows.map((r) => r.id);
    const [assignments, progress, activities] = await Promise.all([
      this.supervision.assignmentsOf(ids),
      this.supervision.progressOf(ids),
      this.supervision.activitiesOf(ids),
    ]);
    const shares = new Map<string, number>();
    for (const bodyId of new Set(rows.map((r) => r.body_id)))
      shares.set(bodyId, (await this.settings.ruleProfile(bodyId)).settings.warningSharePercent);
    const today = this.today();
    return rows.map((row) => {
      const mine = assignments.filter((a) => a.suggestion_id === row.id);
      const assessed = assess(row, mine, today, shares.get(row.body_id) ?? 80);
      const lastProgress = progress.filter((p) => p.suggestion_id === row.id).at(-1);
      const lastActivity = activities.filter((a) => a.suggestion_id === row.id).at(-1);
      return {
        suggestionId: row.id,
        bodyId: row.body_id,
        serialLabel: serialLabel(row),
        title: row.title,
        leadDeputyName: row.lead_deputy_name,
        key: row.key_status !== 'none',
        status: row.status as SupervisionItem['status'],
        stage: assessed.stage,
        stageLabel: stageLabels[assessed.stage].zh,
        units: mine.map((a) => {
          const daysLeft = daysBetween(today, a.reply_due_on);
          return {
            unitId: a.unit_id,
            unitName: a.unit_name,
            role: a.role as 'lead',
            status: a.status as 'handling',
            replyDueOn: a.reply_due_on,
            daysLeft,
            overdue: daysLeft < 0 && owingStatuses.includes(a.status) && a.role !== 'co',
          };
        }),
        daysLeft: assessed.daysLeft,
        overdue: assessed.overdue,
        warnings: assessed.warnings.map((code) => ({ code, text: warningLabels[code].zh })),
        lastProgress: lastProgress ? toProgress(lastProgress) : null,
        lastActivity: lastActivity ? toActivity(lastActivity) : null,
      };
    });
  }
}
