import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { BodyRow } from '../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { notFound } from '../platform/errors.js';
import type { Actor } from '../auth/actor.js';
import { requireCoversBody } from '../auth/actor.js';
import type {
  BodyOrTermQuery,
  DeputyGroup,
  DeputyGroupCreate,
  DeputyGroupUpdate,
} from '../../shared/schemas/organisations.js';
import type { BodiesService } from './bodies.service.js';
import type { TermsService } from './terms.service.js';
import type { DeputyGroupRow, DeputyGroupsRepository } from './deputy-groups.repository.js';
import { deputyGroupNoun, organisationErrors, organisationWriters } from './organisations.errors.js';

export function toDeputyGroup(row: DeputyGroupRow): DeputyGroup {
  return { id: row.id, bodyId: row.body_id, termId: row.term_id, name: row.name, createdAt: row.created_at };
}

/** Deputy groups (代表小组) for recess activities; optionally bound to a term. */
export class DeputyGroupsService {
  constructor(
    private readonly db: Db,
    private readonly groups: DeputyGroupsRepository,
    private readonly terms: TermsService,
    private readonly bodies: BodiesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(filter: BodyOrTermQuery): Promise<DeputyGroup[]> {
    return (await this.groups.list(filter)).map(toDeputyGroup);
  }

  async get(id: string): Promise<DeputyGroup> {
    return toDeputyGroup(await this.require(id));
  }

  async require(id: string, executor?: Executor): Promise<DeputyGroupRow> {
    const row = await this.groups.findById(id, executor);
    if (!row) throw notFound(deputyGroupNoun, id);
    return row;
  }

  /** A group by exact name in a body and term (null: not bound to a term), for imports. */
  async findDeputyGroupByName(
    bodyId: string,
    termId: string | null,
    name: string,
    executor?: Executor,
  ): Promise<DeputyGroup | undefined> {
    const row = await this.groups.findByName(bodyId, termId, name.trim(), executor);
    return row ? toDeputyGroup(row) : undefined;
  }

  /** The term, when given, must be one of the body's. */
  private async checkTerm(body: BodyRow, termId: string | null | undefined): Promise<void> {
    if (!termId) return;
    const term = await this.terms.require(termId);
    if (term.body_id !== body.id) throw organisationErrors.termOutsideBody();
  }

  async create(actor: Actor, input: DeputyGroupCreate): Promise<DeputyGroup> {
    const body = await this.bodies.require(input.bodyId);
    requireCoversBody(actor, organisationWriters, body.path);
    await this.checkTerm(body, input.termId);
    const row: DeputyGroupRow = {
      id: newId(),
      body_id: body.id,
      term_id: input.termId ?? null,
      name: input.name,
      created_at: this.clock.now().toISOString(),
    };
    await this.db.transaction().execute(async (trx) => {
      if (await this.groups.findByName(body.id, row.term_id, row.name, trx))
        throw organisationErrors.nameTaken(row.name);
      await this.groups.insert(row, trx);
      await this.audit.record(trx, {
        actor,
        action: 'deputy_group.create',
        targetType: 'deputy_group',
        targetId: row.id,
        bodyId: body.id,
        after: row,
      });
    });
    return toDeputyGroup(row);
  }

  async update(actor: Actor, id: string, input: DeputyGroupUpdate): Promise<DeputyGroup> {
    const before = await this.require(id);
    const body = await this.bodies.require(before.body_id);
    requireCoversBody(actor, organisationWriters, body.path);
    await this.checkTerm(body, input.termId);
    const changes = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.termId !== undefined ? { term_id: input.termId } : {}),
    };
    const after = { ...before, ...changes };
    await this.db.transaction().execute(async (trx) => {
      const clash = await this.groups.findByName(after.body_id, after.term_id, after.name, trx);
      if (clash && clash.id !== id) throw organisationErrors.nameTaken(after.name);
      await this.groups.update(id, changes, trx);
      await this.audit.record(trx, {
        actor,
        action: 'deputy_group.update',
        targetType: 'deputy_group',
        targetId: id,
        bodyId: before.body_id,
        before,
        after: changes,
      });
    });
    return toDeputyGroup(after);
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const before = await this.require(id);
    const body = await this.bodies.require(before.body_id);
    requireCoversBody(actor, organisationWriters, body.path);
    await this.db.transaction().execute(async (trx) => {
      const seats = await this.groups.seatCount(id, trx);
      if (seats > 0)
        throw organisationErrors.inUse(deputyGroupNoun, [
          { zh: '个代表席位', en: 'deputy seats', count: seats },
        ]);
      await this.groups.delete(id, trx);
      await this.audit.record(trx, {
        actor,
        action: 'deputy_group.delete',
        targetType: 'deputy_group',
        targetId: id,
        bodyId: before.body_id,
        before,
      });
    });
  }
}
