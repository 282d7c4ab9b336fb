import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { ReceptionRow, SuggestionRow } from '../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { DomainError } from '../platform/errors.js';
import type { Locale } from '../http/locale.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { SuggestionsService } from '../suggestions/suggestions.service.js';
import type { SuggestionPartsRepository } from '../suggestions/suggestion-parts.repository.js';
import { check, staleTransition } from '../workflow/workflow.js';
import type { CitizenCategory, ReceptionChannel, ReceptionStatus } from '../../shared/schemas/receptions.js';
import { citizenCategoryLabels, receptionChannelLabels } from '../../shared/schemas/receptions.js';
import type { ReceptionsRepository } from './receptions.repository.js';
import type { ReceptionsService } from './receptions.service.js';
import type { StationsRepository } from './stations.repository.js';
import { receptionErrors, rosterErrors } from './stations.errors.js';
import type { StationTimeline } from './station-timeline.js';
import { receptionWorkflow } from './reception.workflow.js';
import type { ReceptionContext } from './reception.workflow.js';
import { seatServesStation } from './stations.service.js';
import type { SearchIndexer } from '../search/search.indexer.js';

interface Prepared {
  context: ReceptionContext;
  actionName: string;
  input: Record<string, unknown>;
  from: ReceptionStatus;
  to: ReceptionStatus;
  /** The draft for `to_suggestion`, checked before the transaction and written inside it. */
  draft?: SuggestionRow;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Runs the reception workflow: one compare-and-set, timeline, audit, duty record and notices. */
export class ReceptionActionsService {
  constructor(
    private readonly db: Db,
    private readonly receptions: ReceptionsRepository,
    private readonly stations: StationsRepository,
    private readonly reader: ReceptionsService,
    private readonly suggestions: SuggestionsService,
    private readonly suggestionParts: SuggestionPartsRepository,
    private readonly notifications: NotificationsService,
    private readonly timeline: StationTimeline,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly searchIndexer: SearchIndexer,
  ) {}

  async perform(actor: Actor, id: string, actionName: string, rawInput: unknown, locale: Locale = 'zh') {
    const context = await this.reader.visible(actor, id);
    const { version, ...body } = (rawInput ?? {}) as { version?: unknown };
    if (version !== undefined && version !== context.reception.version)
      throw staleTransition(receptionWorkflow.name);
    const prepared = await this.prepare(context, actionName, body);
    await this.db.transaction().execute((trx) => this.apply(trx, prepared));
    return this.reader.get(actor, id, locale);
  }

  /**
   * Checks and reads everything before any write. SQLite has one connection, so the write phase
   * only uses its transaction; the suggestion draft is only built here and written in `apply`, so a
   * refused or concurrent conversion leaves no stray draft behind.
   */
  private async prepare(context: ReceptionContext, actionName: string, rawInput: unknown): Promise<Prepared> {
    const { input, from, to } = check(receptionWorkflow, actionName, context, rawInput);
    const values = input as Record<string, unknown>;
    const row = context.reception;
    const prepared: Prepared = { context, actionName, input: values, from, to };
    if (actionName === 'refer') {
      const unit = await this.receptions.unitWithPath(text(values.unitId));
      if (!unit || unit.active !== 1 || !row.body_path.startsWith(unit.body_path))
        throw receptionErrors.unitNotEligible();
    }
    if (actionName === 'escalate') {
      const seats = await this.stations.activeSeatsOf([text(values.deputyId)]);
      // Higher level: a seat in a body strictly above the one the matter belongs to.
      if (!seats.some((s) => row.body_path.startsWith(s.body_path) && s.body_path !== row.body_path))
        throw receptionErrors.notHigherDeputy();
    }
    if (actionName === 'assign') {
      const members = row.station_id
        ? (await this.stations.deputiesOf([row.station_id])).map((d) => d.deputy_id)
        : [];
      if (!members.includes(text(values.deputyId))) throw rosterErrors.notOnStation('deputyId');
    }
    if (actionName === 'to_suggestion') prepared.draft = await this.draftSuggestion(context, values);
    return prepared;
  }

  /** Creates the deputy's draft suggestion prefilled with the matter, in the body the deputy chooses. */
  private async draftSuggestion(
    context: ReceptionContext,
    values: Record<string, unknown>,
  ): Promise<SuggestionRow> {
    const { actor, reception: row } = context;
    const seats = actor.deputyId ? await this.stations.activeSeatsOf([actor.deputyId]) : [];
    const chosen = values.bodyId
      ? seats.find((s) => s.body_id === values.bodyId)
      : (seats.filter((s) => seatServesStation(s.body_path, row.body_path)).at(-1) ?? seats.at(-1));
    if (!chosen) throw receptionErrors.suggestionBody();
    // 关于<the matter's first clause>的建议: a usual title the deputy can then sharpen.
    const clause =
      row.matter
        .split(/[，。；！？,.;!?\r\n]/)
        .find((part) => part.trim().length > 0)
        ?.trim() ?? '';
    const category = citizenCategoryLabels[row.category as CitizenCategory].zh;
    const subject = clause.length > 30 ? `${clause.slice(0, 30)}…` : clause || `${category}问题`;
    const title = text(values.title) || `关于${subject}的建议`;
    const source = `${receptionChannelLabels[row.channel as ReceptionChannel].zh}，查询码 ${row.tracking_code}，${row.received_on}`;
    return this.suggestions.prepareDraft(actor, {
      bodyId: chosen.body_id,
      kind: 'suggestion',
      timing: 'recess',
      title,
      grounds: `群众反映（${source}）：\n${row.matter}`.slice(0, 10000),
      proposals: '',
      categoryId: null,
      disclose: true,
    });
  }

  private async apply(trx: Executor, prepared: Prepared): Promise<void> {
    const { context, actionName, input, from, to } = prepared;
    const { actor, reception: row } = context;
    const now = this.clock.now();
    const at = now.toISOString();
    const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(row.created_at)) / 60_000));
    const answered = { answered_at: at, answered_by_name: actor.displayName, response_minutes: minutes };
    const link = `/stations/receptions/${row.id}`;
    let changes: Partial<ReceptionRow> = {};
    let note: string | null = null;
    switch (actionName) {
      case 'accept':
        break;
      case 'answer':
        note = text(input.answer);
        changes = { ...answered, answer: note, outcome: text(input.outcome) || this.outcomeOf(row) };
        break;
      case 'dismiss':
        note = text(input.reason);
        changes = { ...answered, answer: note, outcome: 'dismissed' };
        break;
      case 'refer':
        note = text(input.note) || null;
        changes = {
          referred_unit_id: text(input.unitId),
          referral_note: note,
          referral_answer: null,
          referral_answered_at: null,
        };
        break;
      case 'unit_answer':
        note = text(input.answer);
        changes = { referral_answer: note, referral_answered_at: at };
        break;
      case 'escalate':
        note = text(input.note) || null;
        changes = { escalated_to_deputy_id: text(input.deputyId) };
        break;
      case 'assign':
        changes = { deputy_id: text(input.deputyId) };
        break;
      case 'to_suggestion':
        // The suggestion is the substantive outcome, even when the citizen was answered first.
        if (prepared.draft) await this.suggestions.writeDraft(trx, actor, prepared.draft);
        changes = { suggestion_id: prepared.draft?.id ?? null, outcome: 'suggestion' };
        note = '已转为代表建议草稿';
        break;
      default:
        throw new DomainError('not_found', 'unknown_action', {
          zh: `没有名为 ${actionName} 的操作。`,
          en: `No action ${actionName}.`,
        });
    }
    changes = { ...changes, updated_at: at };
    if (!(await this.receptions.transition(row.id, { status: from, version: row.version }, to, changes, trx)))
      throw staleTransition(receptionWorkflow.name);
    await this.timeline.record(trx, actor, 'reception', row.id, { action: actionName, from, to, note });
    await this.audit.record(trx, {
      actor,
      action: `reception.${actionName}`,
      targetType: 'reception',
      targetId: row.id,
      bodyId: row.body_id,
      before: { status: from },
      after: { status: to, ...changes },
    });
    await this.searchIndexer.reception(trx, row.id);
    await this.effects(trx, prepared, link);
  }

  /** What an action sets off besides the status: duty records, links and notices. */
  private async effects(trx: Executor, prepared: Prepared, link: string): Promise<void> {
    const { context, actionName, input } = prepared;
    const { actor, reception: row } = context;
    const deputies = [row.deputy_id, row.escalated_to_deputy_id].filter((d): d is string => d !== null);
    if (actionName === 'answer' && row.channel === 'message') {
      // Staff often answer for the deputy (代为答复): the matter still counts for the deputy.
      const deputyId = actor.deputyId ?? row.escalated_to_deputy_id ?? row.deputy_id;
      if (deputyId)
        await this.timeline.duty(trx, {
          deputyId,
          bodyId: row.body_id,
          kind: 'message_answered',
          sourceType: 'reception',
          sourceId: row.id,
        });
    }
    if (actionName === 'refer')
      await this.notifications.notifyUnits(trx, [text(input.unitId)], {
        kind: 'reception.referred',
        title: '代表转交群众反映事项',
        body: `请办理并在系统中答复：${row.matter.slice(0, 60)}`,
        link,
      });
    if (actionName === 'unit_answer')
      await this.notifications.notifyDeputies(trx, deputies, {
        kind: 'reception.unit_answered',
        title: '有关部门已答复转交事项',
        body: text(input.answer).slice(0, 120),
        link,
      });
    if (actionName === 'escalate' || actionName === 'assign')
      await this.notifications.notifyDeputies(trx, [text(input.deputyId)], {
        kind: `reception.${actionName}`,
        title: actionName === 'escalate' ? '其他代表转来群众反映事项' : '联络站分派给您的群众反映事项',
        body: row.matter.slice(0, 120),
        link,
      });
    if (actionName === 'to_suggestion' && prepared.draft)
      // The other direction of the link: the suggestion's timeline names where it came from.
      await this.suggestionParts.insertEvent(
        {
          id: newId(),
          suggestion_id: prepared.draft.id,
          at: this.clock.now().toISOString(),
          actor_id: actor.userId,
          actor_name: actor.displayName,
          action: 'from_reception',
          from_status: null,
          to_status: null,
          note: `由群众反映事项转化（查询码 ${row.tracking_code}）`,
          data_json: JSON.stringify({ receptionId: row.id, trackingCode: row.tracking_code }),
        },
        trx,
      );
  }

  private outcomeOf(row: ReceptionRow): string {
    if (row.suggestion_id) return 'suggestion';
    if (row.referred_unit_id) return 'referred';
    if (row.escalated_to_deputy_id) return 'escalated';
    return 'solved';
  }
}
