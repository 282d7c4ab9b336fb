import type { Db } from '../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { coversBody, organisationReaders, scopePaths, unitIdsOf } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import { shanghaiDate } from '../platform/clock.js';
import { notFound } from '../platform/errors.js';
import type { Locale } from '../http/locale.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { localiseActions } from '../ballots/ballot.views.js';
import { availability, check, staleTransition } from '../workflow/workflow.js';
import type { Rectification, RectificationStatus } from '../../shared/schemas/evaluations.js';
import type { EvaluationsRepository } from './evaluations.repository.js';
import { rectificationWorkflow } from './rectification.workflow.js';

const noun = { zh: '整改任务', en: 'Rectification' };
type TaskRow = NonNullable<Awaited<ReturnType<EvaluationsRepository['rectification']>>>;

/** Rectification after an evaluation below the threshold, tracked like a supervision item. */
export class RectificationsService {
  constructor(
    private readonly db: Db,
    private readonly evaluations: EvaluationsRepository,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private sees(actor: Actor, task: TaskRow): boolean {
    return (
      coversBody(actor, organisationReaders, task.body_path) ||
      (task.unit_id !== null && unitIdsOf(actor).includes(task.unit_id))
    );
  }

  private view(actor: Actor, task: TaskRow, locale: Locale): Rectification {
    const today = shanghaiDate(this.clock.now());
    const context = { task, actor, bodyPath: task.body_path };
    return {
      id: task.id,
      evaluationId: task.evaluation_id,
      evaluationTitle: task.evaluation_title,
      subjectId: task.subject_id,
      subjectTitle: task.subject_title,
      bodyId: task.body_id,
      unitId: task.unit_id,
      unitName: task.unit_name,
      title: task.title,
      dueOn: task.due_on,
      overdue: task.status !== 'closed' && task.due_on < today,
      status: task.status as RectificationStatus,
      report: task.report,
      explanation: task.explanation,
      submittedAt: task.submitted_at,
      reviewNote: task.review_note,
      reviewedAt: task.reviewed_at,
      actions: localiseActions(availability(rectificationWorkflow, context), locale),
      version: task.version,
      createdAt: task.created_at,
    };
  }

  async list(actor: Actor, filter: { bodyId?: string; status?: string }, locale: Locale) {
    const rows = await this.evaluations.rectifications({
      ...filter,
      pathPrefixes: scopePaths(actor, organisationReaders),
      unitIds: unitIdsOf(actor),
    });
    return rows.map((row) => this.view(actor, row, locale));
  }

  async get(actor: Actor, id: string, locale: Locale): Promise<Rectification> {
    const task = await this.evaluations.rectification(id);
    if (!task || !this.sees(actor, task)) throw notFound(noun, id);
    return this.view(actor, task, locale);
  }

  async perform(actor: Actor, id: string, action: string, rawInput: unknown, locale: Locale) {
    const task = await this.evaluations.rectification(id);
    if (!task || !this.sees(actor, task)) throw notFound(noun, id);
    const { version, ...body } = (rawInput ?? {}) as { version?: unknown };
    if (version !== undefined && version !== task.version) throw staleTransition('evaluation_rectification');
    const { input, from, to } = check(
      rectificationWorkflow,
      action,
      { task, actor, bodyPath: task.body_path },
      body,
    );
    const values = input as { report?: string; explanation?: string; note?: string; reason?: string };
    const at = this.clock.now().toISOString();
    const changes =
      action === 'submit'
        ? { report: values.report ?? null, explanation: values.explanation ?? null, submitted_at: at }
        : { review_note: values.note ?? values.reason ?? null, reviewed_by: actor.userId, reviewed_at: at };
    await this.db.transaction().execute(async (trx) => {
      const moved = await this.evaluations.transitionRectification(
        id,
        { status: from, version: task.version },
        to,
        { ...changes, updated_at: at },
        trx,
      );
      if (!moved) throw staleTransition('evaluation_rectification');
      if (action === 'return' && task.unit_id)
        await this.notifications.notifyUnits(trx, [task.unit_id], {
          kind: 'evaluation.rectification_returned',
          title: '整改情况被退回，请重新报送',
          body: `「${task.title}」：${values.reason ?? ''}`,
          link: '/evaluations/rectifications',
        });
      await this.audit.record(trx, {
        actor,
        action: `evaluation_rectification.${action}`,
        targetType: 'evaluation_rectification',
        targetId: id,
        bodyId: task.body_id,
        before: { status: from },
        after: { status: to, ...changes },
      });
    });
    return this.get(actor, id, locale);
  }
}
