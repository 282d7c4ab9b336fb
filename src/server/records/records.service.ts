import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { coversBody, organisationReaders, unitIdsOf } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { forbidden } from '../platform/errors.js';
import type { Locale } from '../http/locale.js';
import type { BodiesService } from '../organisations/bodies.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { check, staleTransition } from '../workflow/workflow.js';
import type { AssignmentsRepository } from '../suggestions/assignments.repository.js';
import type { SuggestionPartsRepository } from '../suggestions/suggestion-parts.repository.js';
import type { SuggestionsService } from '../suggestions/suggestions.service.js';
import { serialLabel } from '../suggestions/suggestion.views.js';
import type {
  HandlingRecord,
  RecordListItem,
  RecordListQuery,
  RecordStep,
} from '../../shared/schemas/records.js';
import { recordStatusLabels, recordStepLabels, recordStepValues } from '../../shared/schemas/records.js';
import type { RecordsRepository } from './records.repository.js';
import type { RecordContext } from './record.workflow.js';
import { recordWorkflow } from './record.workflow.js';
import type { RecordViews } from './record.views.js';
import { recordState, signingUnits } from './record.views.js';

const signSteps: Record<string, RecordStep> = {
  sign_deputy: 'deputy',
  sign_unit: 'unit_leader',
  sign_government: 'government_leader',
};

interface Values {
  note?: string;
  reason?: string;
  dueOn?: string;
}

/**
 * The handling record's workflow (sign in order, return, reopen) and the appraisal list of
 * records still missing signatures. Reads and checks first; then one transaction writes the
 * record, the signature or return, the timeline event, the audit entry and the notifications.
 */
export class RecordsService {
  constructor(
    private readonly db: Db,
    private readonly records: RecordsRepository,
    private readonly views: RecordViews,
    private readonly suggestions: SuggestionsService,
    private readonly assignments: AssignmentsRepository,
    private readonly parts: SuggestionPartsRepository,
    private readonly bodies: BodiesService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async get(actor: Actor, suggestionId: string, locale: Locale = 'zh'): Promise<HandlingRecord> {
    return this.views.build(actor, await this.suggestions.visible(actor, suggestionId), locale);
  }

  async perform(
    actor: Actor,
    suggestionId: string,
    actionName: string,
    rawInput: unknown,
    locale: Locale = 'zh',
  ): Promise<HandlingRecord> {
    const suggestion = await this.suggestions.visible(actor, suggestionId);
    const { context, row, units } = await this.views.context(actor, suggestion);
    // The version the client saw: acting on a record someone else has moved since is refused.
    const { version, ...body } = (rawInput ?? {}) as { version?: unknown };
    if (version !== undefined && version !== context.record.version) throw staleTransition('handling_record');
    const { input, from, to } = check(recordWorkflow, actionName, context, body);
    const values = input as Values;
    const at = this.clock.now().toISOString();
    const state = context.record;
    await this.db.transaction().execute(async (trx) => {
      if (!row)
        await this.records.ensure(
          {
            suggestion_id: suggestion.id,
            body_id: suggestion.body_id,
            status: 'open',
            cycle: 1,
            version: 0,
            completed_at: null,
            created_at: at,
            updated_at: at,
          },
          trx,
        );
      const cycle = actionName === 'reopen' ? state.cycle + 1 : state.cycle;
      const changes = {
        cycle,
        updated_at: at,
        completed_at: to === 'complete' ? at : null,
      };
      if (!(await this.records.transition(suggestion.id, state, to, changes, trx)))
        throw staleTransition('handling_record');
      const note = await this.effect(
        trx,
        context,
        actionName,
        values,
        at,
        units.map((u) => u.unit_id),
      );
      await this.parts.insertEvent(
        {
          id: newId(),
          suggestion_id: suggestion.id,
          at,
          actor_id: actor.userId,
          actor_name: actor.displayName,
          action: `record.${actionName}`,
          from_status: null,
          to_status: null,
          note,
          data_json: JSON.stringify({ recordFrom: from, recordTo: to, cycle, ...values }),
        },
        trx,
      );
      await this.audit.record(trx, {
        actor,
        action: `handling_record.${actionName}`,
        targetType: 'handling_record',
        targetId: suggestion.id,
        bodyId: suggestion.body_id,
        before: { status: from, cycle: state.cycle },
        after: { status: to, cycle, ...values },
      });
    });
    return this.views.build(actor, suggestion, locale);
  }

  /** Writes what the action adds besides the status; returns the timeline note. */
  private async effect(
    trx: Executor,
    context: RecordContext,
    actionName: string,
    values: Values,
    at: string,
    unitIds: string[],
  ): Promise<string> {
    const { actor, suggestion } = context;
    const link = `/suggestions/${suggestion.id}`;
    const step = signSteps[actionName];
    if (step) {
      const unitId =
        step === 'unit_leader'
          ? (actor.roles.find((r) => r.role === 'unit_leader' && r.unitId && unitIds.includes(r.unitId))
              ?.unitId ?? null)
          : null;
      await this.records.insertSignature(
        {
          suggestion_id: suggestion.id,
          cycle: context.record.cycle,
          step,
          user_id: actor.userId,
          user_name: actor.displayName,
          unit_id: unitId,
          note: values.note ?? null,
          signed_at: at,
        },
        trx,
      );
      const waiting = { kind: 'record.sign', title: '全程纪实表待您签字', link };
      if (step === 'deputy')
        await this.notifications.notifyUnits(trx, unitIds, {
          ...waiting,
          body: `「${suggestion.title}」的全程纪实表已由领衔代表签字，请单位负责人签字。`,
        });
      if (step === 'unit_leader')
        await this.notifications.notifyUsers(trx, await this.records.leaderUserIds(context.bodyPath, trx), {
          ...waiting,
          body: `「${suggestion.title}」的全程纪实表已由承办单位负责人签字，请分管领导签字。`,
        });
      return `${recordStepLabels[step].zh}${actor.displayName}签字${values.note ? `：${values.note}` : ''}`;
    }
    if (actionName === 'return') {
      const dueOn = values.dueOn ?? '';
      const reason = values.reason ?? '';
      await this.records.insertReturn(
        {
          id: newId(),
          suggestion_id: suggestion.id,
          cycle: context.record.cycle,
          reason,
          due_on: dueOn,
          returned_by: actor.userId,
          returned_by_name: actor.displayName,
          returned_at: at,
        },
        trx,
      );
      await this.notifications.notifyUnits(trx, unitIds, {
        kind: 'record.returned',
        title: '全程纪实表被退回，请重新办理',
        body: `「${suggestion.title}」的全程纪实表被代表工委退回，请于 ${dueOn} 前重新办理。原因：${reason}`,
        link,
      });
      return `退回重新办理，期限 ${dueOn}：${reason}`;
    }
    // reopen: a new round of signatures, starting with the deputy again.
    await this.notifications.notifyDeputies(trx, [suggestion.lead_deputy_id], {
      kind: 'record.sign',
      title: '全程纪实表待您签字',
      body: `「${suggestion.title}」重新办理后，全程纪实表请您重新签字。`,
      link,
    });
    return `重新启动纪实表签字${values.note ? `：${values.note}` : ''}`;
  }

  /** Closed items of a body's subtree and their record's signatures (appraisal: 签字不全). */
  async list(actor: Actor, query: RecordListQuery) {
    const body = await this.bodies.require(query.bodyId);
    const staff = coversBody(actor, organisationReaders, body.path);
    const unitIds = unitIdsOf(actor);
    if (!staff && unitIds.length === 0)
      throw forbidden({
        zh: '只有人大机关工作人员、领导和承办单位可以查看纪实表签字情况。',
        en: 'Only congress staff, leaders and handling units see record signatures.',
      });
    const { items, total } = await this.records.listClosed(
      { bodyPath: body.path, unitIds: staff ? undefined : unitIds, missing: query.missing },
      query.page,
      query.pageSize,
    );
    const ids = items.map((i) => i.id);
    const [assignments, signatures, returns] = await Promise.all([
      this.assignments.ofSuggestions(ids),
      this.records.signatures(ids),
      this.records.returns(ids),
    ]);
    const list: RecordListItem[] = items.map((item) => {
      const state = recordState(
        item.record_status === null
          ? undefined
          : { status: item.record_status, cycle: item.record_cycle ?? 1, version: 0 },
      );
      const signed = signatures
        .filter((s) => s.suggestion_id === item.id && s.cycle === state.cycle)
        .map((s) => s.step);
      const missing =
        state.status === 'complete' ? [] : recordStepValues.filter((step) => !signed.includes(step));
      const lastReturn = returns.filter((r) => r.suggestion_id === item.id && r.cycle === state.cycle).pop();
      return {
        suggestionId: item.id,
        bodyId: item.body_id,
        serialLabel: serialLabel(item),
        title: item.title,
        leadDeputyName: item.lead_deputy_name,
        leadUnitNames: signingUnits(assignments.filter((a) => a.suggestion_id === item.id)).map(
          (a) => a.unit_name,
        ),
        closedAt: item.closed_at,
        status: state.status,
        statusLabel: recordStatusLabels[state.status],
        missingSteps: missing.map((step) => ({ step, stepName: recordStepLabels[step].zh })),
        returnDueOn: state.status === 'returned' ? (lastReturn?.due_on ?? null) : null,
      };
    });
    return { items: list, total, page: query.page, pageSize: query.pageSize };
  }
}
