import type { Executor } from '../db/executor.js';
import type { BallotRow } from '../db/schema-voting.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../platform/clock.js';
import { shanghaiDate } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import type { CalendarService } from '../calendar/calendar.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { CloseHandler } from '../ballots/ballot-lifecycle.service.js';
import type { BallotResults, ItemOutcome } from '../../shared/schemas/ballot-views.js';
import type { EvaluationsRepository } from './evaluations.repository.js';

/** Below the threshold: 不满意 under the 镇海 rule, failed under a percentage or weighting. */
export function needsRectification(outcome: ItemOutcome): boolean {
  return outcome === 'unsatisfied' || outcome === 'failed';
}

/**
 * When an evaluation's ballot closes: each subject keeps its result, and each one below the
 * threshold gets a rectification task for its unit, due in one month (the calendar's legal
 * month, moved off a rest day), as 博爱 requires (written report and explanation).
 */
export class EvaluationResults {
  constructor(
    private readonly evaluations: EvaluationsRepository,
    private readonly calendar: CalendarService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  readonly closed: CloseHandler = async (ballot: BallotRow) => {
    const evaluation = await this.evaluations.findById(ballot.purpose_id ?? '');
    const subjects = evaluation ? await this.evaluations.subjects(evaluation.id) : [];
    // Read before the close transaction: SQLite has one connection.
    const today = shanghaiDate(this.clock.now());
    const due = await this.calendar.dueDate(today, { amount: 1, unit: 'months' });
    return async (trx: Executor, results: BallotResults) => {
      if (!evaluation) return;
      const at = this.clock.now().toISOString();
      const created: { subjectId: string; unitId: string | null }[] = [];
      for (const item of results.items) {
        const subject = subjects.find((s) => s.id === item.refId);
        if (!subject) continue;
        await this.evaluations.updateSubject(
          subject.id,
          { outcome: item.outcome, result_json: JSON.stringify(item) },
          trx,
        );
        if (!needsRectification(item.outcome)) continue;
        await this.evaluations.insertRectification(
          {
            id: newId(),
            evaluation_id: evaluation.id,
            subject_id: subject.id,
            body_id: evaluation.body_id,
            unit_id: subject.unit_id,
            title: `「${subject.title}」满意度测评未达标整改`,
            due_on: due.due,
            status: 'open',
            report: null,
            explanation: null,
            submitted_at: null,
            review_note: null,
            reviewed_by: null,
            reviewed_at: null,
            version: 0,
            created_at: at,
            updated_at: at,
          },
          trx,
        );
        created.push({ subjectId: subject.id, unitId: subject.unit_id });
      }
      const unitIds = created.map((c) => c.unitId).filter((id): id is string => id !== null);
      await this.notifications.notifyUnits(trx, unitIds, {
        kind: 'evaluation.rectification',
        title: '满意度测评未达标，请限期整改',
        body: `「${evaluation.title}」测评结果未达标，请于 ${due.due} 前报送整改情况和书面说明。`,
        link: '/evaluations/rectifications',
      });
      await this.audit.record(trx, {
        actor: null,
        action: 'evaluation.counted',
        targetType: 'evaluation',
        targetId: evaluation.id,
        bodyId: evaluation.body_id,
        after: {
          ballotId: ballot.id,
          outcomes: results.items.map((i) => ({
            subjectId: i.refId,
            outcome: i.outcome,
            ratePercent: i.ratePercent,
          })),
          rectifications: created.map((c) => c.subjectId),
          dueOn: due.due,
        },
      });
    };
  };
}
