import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { notFound } from '../platform/errors.js';
import type { Actor } from '../auth/actor.js';
import { requireCoversBody } from '../auth/actor.js';
import type {
  BodyOrTermQuery,
  Delegation,
  DelegationCreate,
  DelegationUpdate,
} from '../../shared/schemas/organisations.js';
import type { BodiesService } from './bodies.service.js';
import type { TermsService } from './terms.service.js';
import type { DelegationRow, DelegationsRepository } from './delegations.repository.js';
import { delegationNoun, organisationErrors, organisationWriters } from './organisations.errors.js';

export function toDelegation(row: DelegationRow): Delegation {
  return { id: row.id, bodyId: row.body_id, termId: row.term_id, name: row.name, createdAt: row.created_at };
}

/** Delegations (代表团) of a term, in which deputies sit during the session. */
export class DelegationsService {
  constructor(
    private readonly db: Db,
    private readonly delegations: DelegationsRepository,
    private readonly terms: TermsService,
    private readonly bodies: BodiesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(filter: BodyOrTermQuery): Promise<Delegation[]> {
    return (await this.delegations.list(filter)).map(toDelegation);
  }

  async get(id: string): Promise<Delegation> {
    return toDelegation(await this.require(id));
  }

  async require(id: string, executor?: Executor): Promise<DelegationRow> {
    const row = await this.delegations.findById(id, executor);
    if (!row) throw notFound(delegationNoun, id);
    return row;
  }

  /** A term's delegation by exact name, for imports; no permission check. */
  async findDelegationByName(
    termId: string,
    name: string,
    executor?: Executor,
  ): Promise<Delegation | undefined> {
    const row = await this.delegations.findByName(termId, name.trim(), executor);
    return row ? toDelegation(row) : undefined;
  }

  async create(actor: Actor, input: DelegationCreate): Promise<Delegation> {
    const term = await this.terms.require(input.termId);
    const body = await this.bodies.require(term.body_id);
    requireCoversBody(actor, organisationWriters, body.path);
    const row: DelegationRow = {
      id: newId(),
      body_id: term.body_id,
      term_id: term.id,
      name: input.name,
      created_at: this.clock.now().toISOString(),
    };
    await this.db.transaction().execute(async (trx) => {
      if (await this.delegations.findByName(term.id, input.name, trx))
        throw organisationErrors.nameTaken(input.name);
      await this.delegations.insert(row, trx);
      await this.audit.record(trx, {
        actor,
        action: 'delegation.create',
        targetType: 'delegation',
        targetId: row.id,
        bodyId: row.body_id,
        after: row,
      });
    });
    return toDelegation(row);
  }

  async update(actor: Actor, id: string, input: DelegationUpdate): Promise<Delegation> {
    const before = await this.require(id);
    const body = await this.bodies.require(before.body_id);
    requireCoversBody(actor, organisationWriters, body.path);
    const changes = input.name !== undefined ? { name: input.name } : {};
    await this.db.transaction().execute(async (trx) => {
      if (input.name !== undefined && input.name !== before.name) {
        if (await this.delegations.findByName(before.term_id, input.name, trx))
          throw organisationErrors.nameTaken(input.name);
      }
      await this.delegations.update(id, changes, trx);
      await this.audit.record(trx, {
        actor,
        action: 'delegation.update',
        targetType: 'delegation',
        targetId: id,
        bodyId: before.body_id,
        before,
        after: changes,
      });
    });
    return toDelegation({ ...before, ...changes });
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const before = await this.require(id);
    const body = await this.bodies.require(before.body_id);
    requireCoversBody(actor, organisationWriters, body.path);
    await this.db.transaction().execute(async (trx) => {
      const seats = await this.delegations.seatCount(id, trx);
      if (seats > 0)
        throw organisationErrors.inUse(delegationNoun, [
          { zh: '个代表席位', en: 'deputy seats', count: seats },
        ]);
      await this.delegations.delete(id, trx);
      await this.audit.record(trx, {
        actor,
        action: 'delegation.delete',
        targetType: 'delegation',
        targetId: id,
        bodyId: before.body_id,
        before,
      });
    });
  }
}
