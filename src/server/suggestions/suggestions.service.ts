import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import { laterSuggestionColumns } from './row-defaults.js';
import type { SuggestionRow } from '../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { coversBody, organisationReaders } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import { shanghaiDate } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { DomainError, forbidden, invalidField, notFound } from '../platform/errors.js';
import type { BodiesService } from '../organisations/bodies.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { SuggestionDraft, SuggestionEdit, SuggestionQuery } from '../../shared/schemas/suggestions.js';
import type { SuggestionsRepository } from './suggestions.repository.js';
import type { SuggestionPartsRepository } from './suggestion-parts.repository.js';
import type { AssignmentsRepository } from './assignments.repository.js';
import { staffSeesItem, suggestionNoun, suggestionScope } from './suggestions.access.js';
import { isEntryClerk } from './suggestion.workflow.js';
import type { SuggestionViews } from './suggestion.views.js';
import type { SearchIndexer } from '../search/search.indexer.js';

const editableStates = ['draft', 'returned'];
/**
 * A list scope over more bodies than this (a city, a province) reads its page newest-first instead
 * of sorting all its items (see `SuggestionsRepository.list`); a county with its townships is below.
 */
const wideScopeBodies = 40;

/** Drafting, editing, reading and listing suggestions; state changes live in the actions service. */
export class SuggestionsService {
  constructor(
    private readonly db: Db,
    private readonly suggestions: SuggestionsRepository,
    private readonly parts: SuggestionPartsRepository,
    private readonly assignments: AssignmentsRepository,
    private readonly bodies: BodiesService,
    private readonly settings: SettingsService,
    private readonly views: SuggestionViews,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly searchIndexer: SearchIndexer,
  ) {}

  /** Loads an item the actor may see, else 404 (ids cannot be probed). */
  async visible(actor: Actor, id: string): Promise<SuggestionRow> {
    const row = await this.suggestions.findById(id);
    if (!row) throw notFound(suggestionNoun, id);
    // Most reads are by staff of the item's own subtree: decided from the cached body tree.
    const bodyPath = (await this.bodies.require(row.body_id)).path;
    if (!staffSeesItem(actor, row, bodyPath) && !(await this.suggestions.canSee(id, suggestionScope(actor))))
      throw notFound(suggestionNoun, id);
    return row;
  }

  async get(actor: Actor, id: string) {
    return this.views.detail(actor, await this.visible(actor, id));
  }

  /** A new draft: by a deputy for themself, or by office staff for a deputy (paper submissions). */
  async create(actor: Actor, input: SuggestionDraft) {
    const row = await this.prepareDraft(actor, input);
    await this.db.transaction().execute((trx) => this.writeDraft(trx, actor, row));
    return this.views.detail(actor, row);
  }

  /**
   * Checks a new draft and builds its row without writing (reads only), so a caller can write it
   * inside its own transaction with `writeDraft` (SQLite has one connection).
   */
  async prepareDraft(actor: Actor, input: SuggestionDraft): Promise<SuggestionRow> {
    const body = await this.bodies.require(input.bodyId);
    const staffEntry = coversBody(actor, ['office_staff', 'admin'], body.path);
    const leadDeputyId = input.leadDeputyId && staffEntry ? input.leadDeputyId : actor.deputyId;
    if (!leadDeputyId)
      throw forbidden({
        zh: '只有人大代表可以起草建议（工作人员代录时须指定领衔代表）。',
        en: 'Only deputies draft suggestions (staff must name the lead deputy).',
      });
    if (!(await this.views.deputySitsIn(leadDeputyId, body.id)))
      throw invalidField(
        'bodyId',
        { zh: '领衔代表不是该人大的代表', en: 'the lead deputy has no seat in this body' },
        'deputy_not_in_body',
      );
    await this.checkReferences(body.id, input.sessionId ?? null, input.categoryId ?? null);
    const at = this.clock.now().toISOString();
    const row: SuggestionRow = {
      id: newId(),
      body_id: body.id,
      session_id: input.timing === 'recess' ? null : (input.sessionId ?? null),
      kind: input.kind,
      timing: input.timing,
      lead_deputy_id: leadDeputyId,
      title: input.title,
      grounds: input.grounds,
      proposals: input.proposals,
      category_id: input.categoryId ?? null,
      status: 'draft',
      review_tier: 0,
      serial_scope: null,
      serial_number: null,
      key_status: 'none',
      disclose: input.disclose ? 1 : 0,
      nondisclosure_reason: input.disclose ? null : (input.nondisclosureReason ?? null),
      merged_into_id: null,
      submitted_at: null,
      accepted_at: null,
      assigned_at: null,
      ...laterSuggestionColumns,
      version: 0,
      created_by: actor.userId,
      created_at: at,
      updated_at: at,
    };
    if (row.timing === 'session' && !row.session_id)
      throw invalidField('sessionId', {
        zh: '大会期间建议须选择「会议」',
        en: 'a session suggestion needs a "Session"',
      });
    return row;
  }

  /** Writes a prepared draft with its first timeline event and audit entry, in the caller's transaction. */
  async writeDraft(trx: Executor, actor: Actor, row: SuggestionRow): Promise<void> {
    const at = row.created_at;
    await this.suggestions.insert(row, trx);
    await this.parts.insertEvent(
      {
        id: newId(),
        suggestion_id: row.id,
        at,
        actor_id: actor.userId,
        actor_name: actor.displayName,
        action: 'create',
        from_status: null,
        to_status: 'draft',
        note: null,
        data_json: null,
      },
      trx,
    );
    await this.audit.record(trx, {
      actor,
      action: 'suggestion.create',
      targetType: 'suggestion',
      targetId: row.id,
      bodyId: row.body_id,
      after: row,
    });
    await this.searchIndexer.suggestion(trx, row.id);
  }

  /** The lead deputy, or the office staff member who entered the deputy's paper draft (代录). */
  async mayWriteDraft(actor: Actor, row: SuggestionRow): Promise<boolean> {
    if (actor.deputyId !== null && actor.deputyId === row.lead_deputy_id) return true;
    const body = await this.bodies.require(row.body_id);
    return isEntryClerk({ actor, suggestion: row, bodyPath: body.path });
  }

  async edit(actor: Actor, id: string, input: SuggestionEdit & { version?: number }) {
    const row = await this.visible(actor, id);
    if (!(await this.mayWriteDraft(actor, row)))
      throw forbidden({
        zh: '只有领衔代表（或代录该建议的工作人员）可以修改。',
        en: 'Only the lead deputy (or the staff member who entered it) may edit.',
      });
    if (!editableStates.includes(row.status))
      throw new DomainError('invalid_transition', 'suggestion.not_editable', {
        zh: '只有草稿或退回修改的建议可以修改。',
        en: 'Only drafts and returned items can be edited.',
      });
    await this.checkReferences(row.body_id, input.sessionId ?? null, input.categoryId ?? null);
    const changes = {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.grounds !== undefined ? { grounds: input.grounds } : {}),
      ...(input.proposals !== undefined ? { proposals: input.proposals } : {}),
      ...(input.categoryId !== undefined ? { category_id: input.categoryId } : {}),
      ...(input.sessionId !== undefined ? { session_id: input.sessionId } : {}),
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.timing !== undefined ? { timing: input.timing } : {}),
      ...(input.disclose !== undefined ? { disclose: input.disclose ? 1 : 0 } : {}),
      ...(input.nondisclosureReason !== undefined ? { nondisclosure_reason: input.nondisclosureReason } : {}),
      updated_at: this.clock.now().toISOString(),
    };
    await this.db.transaction().execute(async (trx) => {
      if (!(await this.suggestions.update(id, input.version ?? row.version, changes, trx)))
        throw new DomainError('conflict', 'suggestion.concurrent_change', {
          zh: '内容已在别处修改，请刷新后再编辑。',
          en: 'The item was changed elsewhere; reload before editing.',
        });
      await this.audit.record(trx, {
        actor,
        action: 'suggestion.edit',
        targetType: 'suggestion',
        targetId: id,
        bodyId: row.body_id,
        before: row,
        after: changes,
      });
      await this.searchIndexer.suggestion(trx, id);
    });
    return this.get(actor, id);
  }

  async list(actor: Actor, query: SuggestionQuery) {
    const scope = suggestionScope(actor);
    const today = shanghaiDate(this.clock.now());
    const { page, pageSize, view, overdue, key, status, ...rest } = query;
    let reviewTiers: number[] | undefined;
    let deputyId = rest.deputyId;
    let statuses = status;
    if (view === 'mine') {
      if (!actor.deputyId) return { items: [], total: 0, page, pageSize };
      scope.bodyPaths = [];
      scope.unitIds = [];
      deputyId = undefined;
    } else if (view === 'review') {
      reviewTiers = await this.views.tiersServedBy(actor, rest.bodyId);
    } else if (view === 'assign') {
      statuses = ['accepted'];
    }
    if (rest.bodyId && scope.bodyPaths.length > 0) {
      // One body asked for: the tree walk reduces to whether the paths cover it (paths never change).
      const path = (await this.bodies.find(rest.bodyId))?.path;
      if (path && coversBody(actor, organisationReaders, path)) scope.exactBodyIds = [rest.bodyId];
      else scope.bodyPaths = [];
    }
    const result = await this.suggestions.list(
      scope,
      {
        ...rest,
        deputyId,
        statuses,
        reviewTiers,
        key: key === undefined ? undefined : key === 'true',
        overdueOn: overdue === 'true' ? today : undefined,
        notOverdueOn: overdue === 'false' ? today : undefined,
      },
      page,
      pageSize,
      (await this.bodies.countUnder(scope.bodyPaths)) > wideScopeBodies,
    );
    return { items: await this.views.summaries(result.items), total: result.total, page, pageSize };
  }

  private async checkReferences(bodyId: string, sessionId: string | null, categoryId: string | null) {
    if (categoryId && !(await this.suggestions.categoryInBody(categoryId, bodyId)))
      throw invalidField('categoryId', {
        zh: '「分类」不存在或不属于该人大',
        en: '"Category" not found in this body',
      });
    if (sessionId && !(await this.views.sessionInBody(sessionId, bodyId)))
      throw invalidField('sessionId', {
        zh: '「会议」不存在或不属于该人大',
        en: '"Session" not found in this body',
      });
  }
}
