import type { Db } from '../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { coversBody, organisationReaders, requireCoversBody, unitIdsOf } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import { shanghaiDate } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { DomainError, forbidden, invalidField, notFound } from '../platform/errors.js';
import type { BodiesService } from '../organisations/bodies.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { availability, check, staleTransition } from '../workflow/workflow.js';
import { serialLabel } from '../suggestions/suggestion.views.js';
import type { FollowupPromise, FollowupQuery, PromiseStatus } from '../../shared/schemas/followups.js';
import type { FollowupsRepository } from './followups.repository.js';
import { promiseWorkflow } from './followups.workflow.js';
import type { PromiseContext } from './followups.workflow.js';
import { percentOneDecimal } from './percent.js';

const promiseNoun = { zh: '跟踪承诺', en: 'Follow-up promise' };
type Row = NonNullable<Awaited<ReturnType<FollowupsRepository['findById']>>>;

const notOpen = () =>
  new DomainError('invalid_transition', 'followup.not_open', {
    zh: '该承诺已落实或已被重新答复取代，不能再修改或报告进展。',
    en: 'The promise is fulfilled or superseded and can no longer change.',
  });

/**
 * The follow-up ledger as people use it: the office and readers see a body's promises (by year,
 * with those carried over from earlier years, or open ones of a term); a unit sees, edits and
 * reports on its own; the office marks them fulfilled. 落实率 per unit and body.
 */
export class FollowupsService {
  constructor(
    private readonly db: Db,
    private readonly followups: FollowupsRepository,
    private readonly bodies: BodiesService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private today(): string {
    return shanghaiDate(this.clock.now());
  }

  /** A promise the actor may see: staff of its body, or its own unit; others get 404. */
  private async visible(actor: Actor, id: string): Promise<{ row: Row; context: PromiseContext }> {
    const row = await this.followups.findById(id);
    if (!row) throw notFound(promiseNoun, id);
    const body = await this.bodies.require(row.body_id);
    const ownUnit = actor.roles.some((r) => r.unitId === row.unit_id);
    if (!ownUnit && !coversBody(actor, organisationReaders, body.path)) throw notFound(promiseNoun, id);
    return { row, context: { promise: row, actor, bodyPath: body.path, today: this.today() } };
  }

  private view(row: Row, context: PromiseContext, year?: number): FollowupPromise {
    const open = row.status === 'open';
    const ownUnit = context.actor.roles.some((r) => r.unitId === row.unit_id);
    return {
      id: row.id,
      bodyId: row.body_id,
      suggestionId: row.suggestion_id,
      suggestionTitle: row.suggestion_title,
      serialLabel: serialLabel(row),
      unitId: row.unit_id,
      unitName: row.unit_name,
      replyId: row.reply_id,
      documentNo: row.document_no,
      round: row.round,
      outcomeClass: row.outcome_class,
      termId: row.term_id,
      promiseText: row.promise_text,
      targetOn: row.target_on,
      enteredOn: row.entered_on,
      enteredYear: row.entered_year,
      status: row.status as PromiseStatus,
      progressPercent: row.progress_percent,
      lastProgressOn: row.last_progress_on,
      fulfilledOn: row.fulfilled_on,
      fulfilledNote: row.fulfilled_note,
      carriedOver: year !== undefined && row.entered_year < year,
      overdue: open && row.target_on < context.today,
      allowedActions: [
        ...availability(promiseWorkflow, { ...context, promise: row })
          .filter((a) => a.allowed)
          .map((a) => a.action),
        ...(open && ownUnit ? ['edit', 'report_progress'] : []),
      ],
      version: row.version,
    };
  }

  async list(actor: Actor, query: FollowupQuery) {
    const body = await this.bodies.require(query.bodyId);
    const staff = coversBody(actor, organisationReaders, body.path);
    if (!staff && unitIdsOf(actor).length === 0)
      throw forbidden({ zh: '您无权查看跟踪办理台账。', en: 'You may not read the follow-up ledger.' });
    const { items, total } = await this.followups.list(
      {
        bodyId: body.id,
        year: query.year,
        open: query.open === undefined ? undefined : query.open === 'true',
        termId: query.termId,
        unitId: query.unitId,
        suggestionId: query.suggestionId,
        unitIds: staff ? undefined : unitIdsOf(actor),
      },
      query.page,
      query.pageSize,
    );
    const context = { actor, bodyPath: body.path, today: this.today() };
    return {
      items: items.map((row) => this.view(row, { ...context, promise: row }, query.year)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(actor: Actor, id: string) {
    const { row, context } = await this.visible(actor, id);
    const progress = await this.followups.progressOf(id);
    return {
      ...this.view(row, context),
      progress: progress.map((p) => ({
        id: p.id,
        reportOn: p.report_on,
        text: p.text,
        percent: p.percent,
        createdByName: p.created_by_name,
        createdAt: p.created_at,
      })),
    };
  }

  /** The unit's own open promise, for its edits and reports. */
  private async ownOpen(actor: Actor, id: string): Promise<Row> {
    const { row } = await this.visible(actor, id);
    if (!actor.roles.some((r) => r.unitId === row.unit_id))
      throw forbidden({
        zh: '只有承办单位可以修改承诺或报告进展。',
        en: 'Only the handling unit may edit the promise or report progress.',
      });
    if (row.status !== 'open') throw notOpen();
    return row;
  }

  /** The unit edits the promise text or its target date. */
  async edit(actor: Actor, id: string, input: { promiseText?: string; targetOn?: string; version: number }) {
    const row = await this.ownOpen(actor, id);
    if (input.targetOn !== undefined && input.targetOn < row.entered_on)
      throw invalidField('targetOn', {
        zh: `「完成时限」不能早于承诺列入台账的日期 ${row.entered_on}`,
        en: `must not be before ${row.entered_on}`,
      });
    const changes = {
      promise_text: input.promiseText ?? row.promise_text,
      target_on: input.targetOn ?? row.target_on,
      updated_at: this.clock.now().toISOString(),
    };
    await this.db.transaction().execute(async (trx) => {
      if (!(await this.followups.update(id, input.version, changes, trx))) throw staleTransition('followup');
      await this.audit.record(trx, {
        actor,
        action: 'followup.edit',
        targetType: 'followup_promise',
        targetId: id,
        bodyId: row.body_id,
        before: { promiseText: row.promise_text, targetOn: row.target_on },
        after: { promiseText: changes.promise_text, targetOn: changes.target_on },
      });
    });
    return this.get(actor, id);
  }

  /** A progress report of the unit (date, text, percentage). */
  async addProgress(actor: Actor, id: string, input: { reportOn: string; text: string; percent: number }) {
    const row = await this.ownOpen(actor, id);
    if (input.reportOn > this.today())
      throw invalidField('reportOn', { zh: '「报告日期」不能晚于今天', en: 'cannot be in the future' });
    const at = this.clock.now().toISOString();
    const latest = row.last_progress_on === null || input.reportOn >= row.last_progress_on;
    await this.db.transaction().execute(async (trx) => {
      const report = {
        id: newId(),
        promise_id: id,
        report_on: input.reportOn,
        text: input.text,
        percent: input.percent,
        created_by: actor.userId,
        created_by_name: actor.displayName,
        created_at: at,
      };
      await this.followups.insertProgress(report, trx);
      const changes = latest
        ? { progress_percent: input.percent, last_progress_on: input.reportOn, updated_at: at }
        : { updated_at: at };
      if (!(await this.followups.update(id, row.version, changes, trx))) throw staleTransition('followup');
      await this.audit.record(trx, {
        actor,
        action: 'followup.progress',
        targetType: 'followup_promise',
        targetId: id,
        bodyId: row.body_id,
        after: input,
      });
    });
    return this.get(actor, id);
  }

  /** Runs a workflow action (the office marks fulfilled, or reopens). */
  async act(actor: Actor, id: string, actionName: string, rawInput: unknown) {
    const { row, context } = await this.visible(actor, id);
    const { input, from, to } = check(promiseWorkflow, actionName, context, rawInput);
    const at = this.clock.now().toISOString();
    const fulfil = actionName === 'fulfil' ? (input as { fulfilledOn: string; note?: string }) : undefined;
    const changes = fulfil
      ? { fulfilled_on: fulfil.fulfilledOn, fulfilled_note: fulfil.note ?? null, fulfilled_by: actor.userId }
      : { fulfilled_on: null, fulfilled_note: null, fulfilled_by: null };
    await this.db.transaction().execute(async (trx) => {
      if (!(await this.followups.transition(id, row, to, { ...changes, updated_at: at }, trx)))
        throw staleTransition('followup');
      await this.audit.record(trx, {
        actor,
        action: `followup.${actionName}`,
        targetType: 'followup_promise',
        targetId: id,
        bodyId: row.body_id,
        before: { status: from },
        after: { status: to, ...(input as object) },
      });
      await this.notifications.notifyUnits(trx, [row.unit_id], {
        kind: `followup.${actionName}`,
        title: fulfil ? '跟踪承诺已确认落实' : '跟踪承诺的落实确认已撤销',
        body: `「${row.suggestion_title}」答复中的承诺${fulfil ? `已于 ${fulfil.fulfilledOn} 确认落实` : '重新列为未落实，请继续办理'}。`,
        link: `/followups/${id}`,
      });
    });
    return this.get(actor, id);
  }

  /** 落实率 = fulfilled ÷ promises (one decimal), per unit and for the body. */
  async rates(actor: Actor, query: { bodyId: string; year?: number; termId?: string }) {
    const body = await this.bodies.require(query.bodyId);
    requireCoversBody(actor, organisationReaders, body.path);
    const rows = await this.followups.counts({ bodyId: body.id, year: query.year, termId: query.termId });
    const units = new Map<
      string,
      { unitId: string; unitName: string; promises: number; fulfilled: number }
    >();
    for (const r of rows) {
      const unit = units.get(r.unit_id) ?? {
        unitId: r.unit_id,
        unitName: r.unit_name,
        promises: 0,
        fulfilled: 0,
      };
      unit.promises += r.n;
      if (r.status === 'fulfilled') unit.fulfilled += r.n;
      units.set(r.unit_id, unit);
    }
    const all = [...units.values()];
    const promises = all.reduce((sum, u) => sum + u.promises, 0);
    const fulfilled = all.reduce((sum, u) => sum + u.fulfilled, 0);
    return {
      bodyId: body.id,
      year: query.year ?? null,
      body: { promises, fulfilled, rate: percentOneDecimal(fulfilled, promises) },
      units: all.map((u) => ({ ...u, rate: percentOneDecimal(u.fulfilled, u.promises) })),
    };
  }
}
