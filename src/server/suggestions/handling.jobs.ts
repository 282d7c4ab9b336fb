import type { Executor } from '../db/executor.js';
import type { AssignmentRow, SuggestionRow } from '../db/schema.js';
import type { Actor } from '../auth/actor.js';
import type { JobsService } from '../jobs/jobs.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { systemActorId } from './assignment.workflow.js';

/** The actor the scheduler and automatic steps act as (audited as 系统). */
export const systemActor: Actor = {
  userId: systemActorId,
  username: 'system',
  displayName: '系统',
  roles: [],
  deputyId: null,
  via: 'session',
  sessionId: null,
  ip: null,
};

/** 00:05 Asia/Shanghai of a calendar day, as UTC (the day begins at 16:00 UTC the day before). */
export function shanghaiMorning(day: string): string {
  const date = new Date(`${day}T00:05:00+08:00`);
  return date.toISOString();
}

function plusDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The day a warning is due: when `sharePercent` of the time from assignment to the deadline has passed. */
export function warningDay(assignedOn: string, dueOn: string, sharePercent: number): string {
  const span = (Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${assignedOn}T00:00:00Z`)) / 86_400_000;
  return plusDays(assignedOn, Math.floor((span * sharePercent) / 100));
}

const openStatuses = ['pending_receipt', 'handling', 'adjustment_requested', 'rehandling'];

/**
 * The timed steps of handling, as durable jobs: warnings before a deadline, overdue notices,
 * co-unit opinion lapses, feedback reminders and closing without feedback. Each job checks the
 * item again when it runs, so one made obsolete (the unit replied) does nothing.
 */
export class HandlingJobs {
  constructor(
    private readonly jobs: JobsService,
    private readonly notifications: NotificationsService,
  ) {}

  /** Warning and overdue jobs for an assignment's current deadline (new keys when it moves). */
  async scheduleForAssignment(trx: Executor, assignment: AssignmentRow, sharePercent = 80): Promise<void> {
    if (assignment.role === 'co' && assignment.co_opinion_due_on) {
      await this.jobs.schedule(trx, {
        kind: 'assignment.opinion_lapse',
        key: `opinion_lapse:${assignment.id}:${assignment.co_opinion_due_on}`,
        runAt: shanghaiMorning(plusDays(assignment.co_opinion_due_on, 1)),
        payload: { assignmentId: assignment.id },
      });
      return;
    }
    const due = assignment.reply_due_on;
    await this.jobs.schedule(trx, {
      kind: 'assignment.warning',
      key: `warning:${assignment.id}:${due}`,
      runAt: shanghaiMorning(warningDay(assignment.assigned_on, due, sharePercent)),
      payload: { assignmentId: assignment.id, dueOn: due },
    });
    await this.jobs.schedule(trx, {
      kind: 'assignment.overdue',
      key: `overdue:${assignment.id}:${due}`,
      runAt: shanghaiMorning(plusDays(due, 1)),
      payload: { assignmentId: assignment.id, dueOn: due },
    });
  }

  /** The feedback reminder on the due day, and the close without feedback after the grace period. */
  async scheduleFeedback(
    trx: Executor,
    suggestion: Pick<SuggestionRow, 'id' | 'handling_round'>,
    feedbackDueOn: string,
    closeOn: string,
  ): Promise<void> {
    const round = suggestion.handling_round;
    await this.jobs.schedule(trx, {
      kind: 'suggestion.feedback_reminder',
      key: `feedback_reminder:${suggestion.id}:${round}`,
      runAt: shanghaiMorning(feedbackDueOn),
      payload: { suggestionId: suggestion.id, round },
    });
    await this.jobs.schedule(trx, {
      kind: 'suggestion.no_feedback',
      key: `no_feedback:${suggestion.id}:${round}`,
      runAt: shanghaiMorning(plusDays(closeOn, 1)),
      payload: { suggestionId: suggestion.id, round },
    });
  }

  /** Notifies the unit that its deadline is near or past, if it still has not replied. */
  async remindUnit(
    trx: Executor,
    assignment: AssignmentRow | undefined,
    dueOn: string,
    overdue: boolean,
  ): Promise<void> {
    if (!assignment || !openStatuses.includes(assignment.status) || assignment.reply_due_on !== dueOn) return;
    await this.notifications.notifyUnits(trx, [assignment.unit_id], {
      kind: overdue ? 'assignment.overdue' : 'assignment.warning',
      title: overdue ? '建议办理已逾期' : '建议办理即将到期',
      body: overdue
        ? `交你单位办理的建议已超过答复期限 ${dueOn}，请尽快答复。`
        : `交你单位办理的建议答复期限为 ${dueOn}，请抓紧办理。`,
      link: `/suggestions/${assignment.suggestion_id}`,
    });
  }

  isOpen(status: string): boolean {
    return openStatuses.includes(status);
  }
}
