import type { Insertable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { BallotItemsTable, BallotRow } from '../db/schema-voting.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { scopePaths } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { forbidden, notFound } from '../platform/errors.js';
import type { BodiesService } from '../organisations/bodies.service.js';
import type { BallotCreate, BallotUpdate, GroupKey } from '../../shared/schemas/ballots.js';
import type { BallotQuery, Elector } from '../../shared/schemas/ballot-views.js';
import type { BallotsRepository } from './ballots.repository.js';
import { ballotErrors, ballotNoun } from './ballots.errors.js';
import {
  ballotReaders,
  electorateOf,
  managesBallot,
  passRuleOf,
  readsBallot,
  toSummary,
} from './ballot.views.js';
import { checkDefinition } from './ballot.definition.js';

/** Times are stored as UTC ISO strings, so they compare as text. */
const utc = (instant: string | null | undefined) => (instant ? new Date(instant).toISOString() : null);

/** A ballot the actor may see, with what they may do with it. */
export interface VisibleBallot {
  row: BallotRow;
  bodyPath: string;
  manages: boolean;
  elector: { group_key: string; present: number } | undefined;
}

/** A ballot ready to be inserted (checked, nothing written yet). */
export interface PreparedBallot {
  row: BallotRow;
  items: Insertable<BallotItemsTable>[];
}

/** Creating, changing, reading and listing ballots. Opening, closing and voting live apart. */
export class BallotsService {
  constructor(
    private readonly db: Db,
    private readonly ballots: BallotsRepository,
    private readonly bodies: BodiesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Loads a ballot the actor may see (staff of its subtree, or one of its voters), else 404. */
  async visible(actor: Actor, id: string): Promise<VisibleBallot> {
    const row = await this.ballots.findById(id);
    if (!row) throw notFound(ballotNoun, id);
    const body = await this.bodies.require(row.body_id);
    const elector = actor.deputyId ? await this.ballots.elector(id, actor.deputyId) : undefined;
    if (!readsBallot(actor, body.path) && !elector) throw notFound(ballotNoun, id);
    return { row, bodyPath: body.path, manages: managesBallot(actor, body.path), elector };
  }

  /** Like `visible`, but only for those who run the ballot (403 for its voters). */
  async managed(actor: Actor, id: string): Promise<VisibleBallot> {
    const visible = await this.visible(actor, id);
    if (!visible.manages)
      throw forbidden({ zh: '只有代表工委工作人员可以进行此操作。', en: 'Only office staff may do this.' });
    return visible;
  }

  /** Checks a new ballot against its body, term and rules; writes nothing. */
  async prepare(
    actor: Actor,
    input: BallotCreate,
    purpose: { purpose: string; purposeId: string } | null = null,
  ): Promise<PreparedBallot> {
    const body = await this.bodies.require(input.bodyId);
    if (!managesBallot(actor, body.path))
      throw forbidden({ zh: '只有代表工委工作人员可以发起表决。', en: 'Only office staff create ballots.' });
    await checkDefinition(this.ballots, input);
    const at = this.clock.now().toISOString();
    const id = newId();
    const row: BallotRow = {
      id,
      body_id: body.id,
      term_id: input.termId,
      session_id: input.sessionId ?? null,
      title: input.title,
      description: input.description ?? null,
      kind: input.kind,
      question_type: input.questionType,
      max_selections: input.questionType === 'select' ? (input.maxSelections ?? 1) : null,
      score_max: input.questionType === 'score' ? (input.scoreMax ?? 100) : null,
      electorate_json: JSON.stringify(input.electorate),
      pass_rule_json: JSON.stringify(input.passRule),
      allow_change: input.allowChange ? 1 : 0,
      require_presence: input.requirePresence ? 1 : 0,
      opens_at: utc(input.opensAt),
      closes_at: utc(input.closesAt),
      purpose: purpose?.purpose ?? null,
      purpose_id: purpose?.purposeId ?? null,
      status: 'draft',
      electorate_size: 0,
      ballots_cast: 0,
      results_json: null,
      opened_at: null,
      closed_at: null,
      version: 0,
      created_by: actor.userId,
      created_at: at,
      updated_at: at,
    };
    const items = input.items.map((item, index) => ({
      id: newId(),
      ballot_id: id,
      position: index + 1,
      title: item.title,
      description: item.description ?? null,
      ref_id: item.refId ?? null,
    }));
    return { row, items };
  }

  /** Writes a prepared ballot inside the caller's transaction (used by owning domains too). */
  async insertPrepared(trx: Executor, actor: Actor, prepared: PreparedBallot): Promise<void> {
    await this.ballots.insert(prepared.row, trx);
    await this.ballots.insertItems(prepared.items, trx);
    await this.audit.record(trx, {
      actor,
      action: 'ballot.create',
      targetType: 'ballot',
      targetId: prepared.row.id,
      bodyId: prepared.row.body_id,
      after: { ...prepared.row, items: prepared.items.map((item) => item.title) },
    });
  }

  async create(actor: Actor, input: BallotCreate): Promise<BallotRow> {
    const prepared = await this.prepare(actor, input);
    await this.db.transaction().execute((trx) => this.insertPrepared(trx, actor, prepared));
    return prepared.row;
  }

  /** Changes a draft (anything but its body and term); the items are replaced when given. */
  async update(actor: Actor, id: string, input: BallotUpdate): Promise<BallotRow> {
    const { row } = await this.managed(actor, id);
    if (row.status !== 'draft') throw ballotErrors.notDraft();
    const currentItems = await this.ballots.items(id);
    const merged: BallotCreate = {
      bodyId: row.body_id,
      termId: row.term_id,
      sessionId: input.sessionId === undefined ? row.session_id : input.sessionId,
      title: input.title ?? row.title,
      description: input.description === undefined ? row.description : input.description,
      kind: input.kind ?? (row.kind as BallotCreate['kind']),
      questionType: input.questionType ?? (row.question_type as BallotCreate['questionType']),
      maxSelections: input.maxSelections === undefined ? row.max_selections : input.maxSelections,
      scoreMax: input.scoreMax === undefined ? row.score_max : input.scoreMax,
      items:
        input.items ??
        currentItems.map((item) => ({
          title: item.title,
          description: item.description,
          refId: item.ref_id,
        })),
      electorate: input.electorate ?? electorateOf(row),
      passRule: input.passRule ?? passRuleOf(row),
      allowChange: input.allowChange ?? row.allow_change === 1,
      requirePresence: input.requirePresence ?? row.require_presence === 1,
      opensAt: input.opensAt === undefined ? row.opens_at : input.opensAt,
      closesAt: input.closesAt === undefined ? row.closes_at : input.closesAt,
    };
    const prepared = await this.prepare(actor, merged, null);
    const {
      id: _newId,
      created_at: _c,
      created_by: _b,
      purpose: _p,
      purpose_id: _pi,
      ...fields
    } = prepared.row;
    const changes = { ...fields, updated_at: this.clock.now().toISOString() };
    await this.db.transaction().execute(async (trx) => {
      if (!(await this.ballots.updateDraft(id, input.version, changes, trx)))
        throw ballotErrors.concurrentChange();
      if (input.items) {
        await this.ballots.deleteItems(id, trx);
        await this.ballots.insertItems(
          prepared.items.map((item) => ({ ...item, ballot_id: id })),
          trx,
        );
      }
      await this.audit.record(trx, {
        actor,
        action: 'ballot.update',
        targetType: 'ballot',
        targetId: id,
        bodyId: row.body_id,
        before: row,
        after: { ...changes, ...(input.items ? { items: input.items.map((item) => item.title) } : {}) },
      });
    });
    const updated = await this.ballots.findById(id);
    if (!updated) throw notFound(ballotNoun, id);
    return updated;
  }

  async list(actor: Actor, query: BallotQuery) {
    const pathPrefixes = query.view === 'mine' ? [] : scopePaths(actor, ballotReaders);
    const result = await this.ballots.list(
      { bodyId: query.bodyId, status: query.status, pathPrefixes, electorDeputyId: actor.deputyId },
      query.page,
      query.pageSize,
    );
    const awaiting = actor.deputyId
      ? await this.ballots.awaiting(
          result.items.map((row) => row.id),
          actor.deputyId,
        )
      : new Set<string>();
    return {
      items: result.items.map((row) => toSummary(row, awaiting.has(row.id))),
      total: result.total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** The electorate with presence and whether each voted (never what): for staff. */
  async electors(actor: Actor, id: string): Promise<Elector[]> {
    const { row, bodyPath } = await this.visible(actor, id);
    if (!readsBallot(actor, bodyPath)) throw notFound(ballotNoun, row.id);
    const rows = await this.ballots.electorList(id);
    return rows.map((r) => ({
      deputyId: r.deputy_id,
      name: r.name,
      groupKey: r.group_key as GroupKey,
      present: r.present === 1,
      voted: r.voted_id !== null,
    }));
  }
}
