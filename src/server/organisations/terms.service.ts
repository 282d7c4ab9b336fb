import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { notFound } from '../platform/errors.js';
import type { Actor } from '../auth/actor.js';
import { requireCoversBody } from '../auth/actor.js';
import { chineseOrdinal } from '../../shared/schemas/organisations.js';
import type { Term, TermCreate, TermUpdate } from '../../shared/schemas/organisations.js';
import type { BodiesService } from './bodies.service.js';
import type { TermRow, TermsRepository } from './terms.repository.js';
import { organisationErrors, organisationWriters, termNoun } from './organisations.errors.js';

export function toTerm(row: TermRow): Term {
  return {
    id: row.id,
    bodyId: row.body_id,
    number: row.number,
    label: `第${chineseOrdinal(row.number)}届`,
    startDate: row.start_date,
    endDate: row.end_date,
    createdAt: row.created_at,
  };
}

/** Terms (届) of a body. Anyone signed in reads them; the body's admins and office staff write. */
export class TermsService {
  constructor(
    private readonly db: Db,
    private readonly terms: TermsRepository,
    private readonly bodies: BodiesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(bodyId: string): Promise<Term[]> {
    await this.bodies.require(bodyId);
    return (await this.terms.listByBody(bodyId)).map(toTerm);
  }

  async get(id: string): Promise<Term> {
    return toTerm(await this.require(id));
  }

  /** Loads a term or fails with 404; for services that take a term id. */
  async require(id: string, executor?: Executor): Promise<TermRow> {
    const row = await this.terms.findById(id, executor);
    if (!row) throw notFound(termNoun, id);
    return row;
  }

  /** 第N届 of a body, for imports; no permission check (the caller has done it). */
  async findTermByNumber(bodyId: string, number: number, executor?: Executor): Promise<Term | undefined> {
    const row = await this.terms.findByNumber(bodyId, number, executor);
    return row ? toTerm(row) : undefined;
  }

  async create(actor: Actor, input: TermCreate): Promise<Term> {
    const body = await this.bodies.require(input.bodyId);
    requireCoversBody(actor, organisationWriters, body.path);
    const row: TermRow = {
      id: newId(),
      body_id: body.id,
      number: input.number,
      start_date: input.startDate,
      end_date: input.endDate ?? null,
      created_at: this.clock.now().toISOString(),
    };
    await this.db.transaction().execute(async (trx) => {
      if (await this.terms.findByNumber(body.id, input.number, trx))
        throw organisationErrors.termNumberTaken(input.number);
      await this.terms.insert(row, trx);
      await this.audit.record(trx, {
        actor,
        action: 'term.create',
        targetType: 'term',
        targetId: row.id,
        bodyId: body.id,
        after: row,
      });
    });
    return toTerm(row);
  }

  async update(actor: Actor, id: string, input: TermUpdate): Promise<Term> {
    const before = await this.require(id);
    const body = await this.bodies.require(before.body_id);
    requireCoversBody(actor, organisationWriters, body.path);
    const changes = {
      ...(input.number !== undefined ? { number: input.number } : {}),
      ...(input.startDate !== undefined ? { start_date: input.startDate } : {}),
      ...(input.endDate !== undefined ? { end_date: input.endDate } : {}),
    };
    const after = { ...before, ...changes };
    // The schema checks the order only when both dates come in the same request.
    if (after.end_date !== null && after.end_date < after.start_date)
      throw organisationErrors.endBeforeStart();
    await this.db.transaction().execute(async (trx) => {
      if (input.number !== undefined && input.number !== before.number) {
        if (await this.terms.findByNumber(before.body_id, input.number, trx))
          throw organisationErrors.termNumberTaken(input.number);
      }
      await this.terms.update(id, changes, trx);
      await this.audit.record(trx, {
        actor,
        action: 'term.update',
        targetType: 'term',
        targetId: id,
        bodyId: before.body_id,
        before,
        after: changes,
      });
    });
    return toTerm(after);
  }

  /** Deletes a term nothing refers to yet (a mistaken entry); otherwise 409. */
  async delete(actor: Actor, id: string): Promise<void> {
    const before = await this.require(id);
    const body = await this.bodies.require(before.body_id);
    requireCoversBody(actor, organisationWriters, body.path);
    await this.db.transaction().execute(async (trx) => {
      const usage = await this.terms.usage(id, trx);
      if (Object.values(usage).some((n) => n > 0))
        throw organisationErrors.inUse(termNoun, [
          { zh: '次会议', en: 'sessions', count: usage.sessions },
          { zh: '个代表团', en: 'delegations', count: usage.delegations },
          { zh: '个代表小组', en: 'deputy groups', count: usage.deputyGroups },
          { zh: '名常委会组成人员', en: 'standing committee members', count: usage.members },
          { zh: '个代表席位', en: 'deputy seats', count: usage.seats },
        ]);
      await this.terms.delete(id, trx);
      await this.audit.record(trx, {
        actor,
        action: 'term.delete',
        targetType: 'term',
        targetId: id,
        bodyId: before.body_id,
        before,
      });
    });
  }
}
