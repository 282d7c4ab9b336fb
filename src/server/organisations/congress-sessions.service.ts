import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { notFound } from '../platform/errors.js';
import type { Actor } from '../auth/actor.js';
import { requireCoversBody } from '../auth/actor.js';
import { chineseOrdinal } from '../../shared/schemas/organisations.js';
import type {
  BodyOrTermQuery,
  CongressSession,
  CongressSessionCreate,
  CongressSessionUpdate,
} from '../../shared/schemas/organisations.js';
import type { BodiesService } from './bodies.service.js';
import type { TermsService } from './terms.service.js';
import type { CongressSessionRow, CongressSessionsRepository } from './congress-sessions.repository.js';
import { congressSessionNoun, organisationErrors, organisationWriters } from './organisations.errors.js';

export function toCongressSession(row: CongressSessionRow): CongressSession {
  return {
    id: row.id,
    bodyId: row.body_id,
    termId: row.term_id,
    number: row.number,
    name: row.name,
    startDate: row.start_date,
    endDate: row.end_date,
    createdAt: row.created_at,
  };
}

/** The usual name, 第十七届人民代表大会第三次会议. */
export function defaultSessionName(termNumber: number, sessionNumber: number): string {
  return `第${chineseOrdinal(termNumber)}届人民代表大会第${chineseOrdinal(sessionNumber)}次会议`;
}

/** Sessions (第N次会议) of a term. The body comes from the term, so the two never disagree. */
export class CongressSessionsService {
  constructor(
    private readonly db: Db,
    private readonly sessions: CongressSessionsRepository,
    private readonly terms: TermsService,
    private readonly bodies: BodiesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(filter: BodyOrTermQuery): Promise<CongressSession[]> {
    return (await this.sessions.list(filter)).map(toCongressSession);
  }

  async get(id: string): Promise<CongressSession> {
    return toCongressSession(await this.require(id));
  }

  /** Loads a session or fails with 404; for services that take a session id. */
  async require(id: string, executor?: Executor): Promise<CongressSessionRow> {
    const row = await this.sessions.findById(id, executor);
    if (!row) throw notFound(congressSessionNoun, id);
    return row;
  }

  /** 第N次会议 of a term, for imports; no permission check. */
  async findSessionByNumber(
    termId: string,
    number: number,
    executor?: Executor,
  ): Promise<CongressSession | undefined> {
    const row = await this.sessions.findByNumber(termId, number, executor);
    return row ? toCongressSession(row) : undefined;
  }

  async create(actor: Actor, input: CongressSessionCreate): Promise<CongressSession> {
    const term = await this.terms.require(input.termId);
    const body = await this.bodies.require(term.body_id);
    requireCoversBody(actor, organisationWriters, body.path);
    const row: CongressSessionRow = {
      id: newId(),
      body_id: term.body_id,
      term_id: term.id,
      number: input.number,
      name: input.name ?? defaultSessionName(term.number, input.number),
      start_date: input.startDate,
      end_date: input.endDate ?? null,
      created_at: this.clock.now().toISOString(),
    };
    await this.db.transaction().execute(async (trx) => {
      if (await this.sessions.findByNumber(term.id, input.number, trx))
        throw organisationErrors.sessionNumberTaken(input.number);
      await this.sessions.insert(row, trx);
      await this.audit.record(trx, {
        actor,
        action: 'congress_session.create',
        targetType: 'congress_session',
        targetId: row.id,
        bodyId: row.body_id,
        after: row,
      });
    });
    return toCongressSession(row);
  }

  async update(actor: Actor, id: string, input: CongressSessionUpdate): Promise<CongressSession> {
    const before = await this.require(id);
    const body = await this.bodies.require(before.body_id);
    requireCoversBody(actor, organisationWriters, body.path);
    const changes = {
      ...(input.number !== undefined ? { number: input.number } : {}),
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.startDate !== undefined ? { start_date: input.startDate } : {}),
      ...(input.endDate !== undefined ? { end_date: input.endDate } : {}),
    };
    const after = { ...before, ...changes };
    if (after.end_date !== null && after.end_date < after.start_date)
      throw organisationErrors.endBeforeStart();
    await this.db.transaction().execute(async (trx) => {
      if (input.number !== undefined && input.number !== before.number) {
        if (await this.sessions.findByNumber(before.term_id, input.number, trx))
          throw organisationErrors.sessionNumberTaken(input.number);
      }
      await this.sessions.update(id, changes, trx);
      await this.audit.record(trx, {
        actor,
        action: 'congress_session.update',
        targetType: 'congress_session',
        targetId: id,
        bodyId: before.body_id,
        before,
        after: changes,
      });
    });
    return toCongressSession(after);
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const before = await this.require(id);
    const body = await this.bodies.require(before.body_id);
    requireCoversBody(actor, organisationWriters, body.path);
    // Nothing references sessions yet; suggestions will, and must then be checked here (409).
    await this.db.transaction().execute(async (trx) => {
      await this.sessions.delete(id, trx);
      await this.audit.record(trx, {
        actor,
        action: 'congress_session.delete',
        targetType: 'congress_session',
        targetId: id,
        bodyId: before.body_id,
        before,
      });
    });
  }
}
