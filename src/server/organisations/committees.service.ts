import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { notFound } from '../platform/errors.js';
import type { Actor } from '../auth/actor.js';
import { requireCoversBody } from '../auth/actor.js';
import type {
  Committee,
  CommitteeCreate,
  CommitteeKind,
  CommitteeQuery,
  CommitteeUpdate,
} from '../../shared/schemas/organisations.js';
import type { BodiesService } from './bodies.service.js';
import type { CommitteeRow, CommitteesRepository } from './committees.repository.js';
import { committeeNoun, organisationErrors, organisationWriters } from './organisations.errors.js';

export function toCommittee(row: CommitteeRow): Committee {
  return {
    id: row.id,
    bodyId: row.body_id,
    name: row.name,
    kind: row.kind as CommitteeKind,
    createdAt: row.created_at,
  };
}

/** Special and working committees and the offices (代表工委, 人事选举办 …) of a body. */
export class CommitteesService {
  constructor(
    private readonly db: Db,
    private readonly committees: CommitteesRepository,
    private readonly bodies: BodiesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(filter: CommitteeQuery): Promise<Committee[]> {
    await this.bodies.require(filter.bodyId);
    return (await this.committees.list(filter)).map(toCommittee);
  }

  async get(id: string): Promise<Committee> {
    return toCommittee(await this.require(id));
  }

  async require(id: string, executor?: Executor): Promise<CommitteeRow> {
    const row = await this.committees.findById(id, executor);
    if (!row) throw notFound(committeeNoun, id);
    return row;
  }

  /** A body's committee by exact name, for imports; no permission check. */
  async findCommitteeByName(
    bodyId: string,
    name: string,
    executor?: Executor,
  ): Promise<Committee | undefined> {
    const row = await this.committees.findByName(bodyId, name.trim(), executor);
    return row ? toCommittee(row) : undefined;
  }

  async create(actor: Actor, input: CommitteeCreate): Promise<Committee> {
    const body = await this.bodies.require(input.bodyId);
    requireCoversBody(actor, organisationWriters, body.path);
    const row: CommitteeRow = {
      id: newId(),
      body_id: body.id,
      name: input.name,
      kind: input.kind,
      created_at: this.clock.now().toISOString(),
    };
    await this.db.transaction().execute(async (trx) => {
      if (await this.committees.findByName(body.id, input.name, trx))
        throw organisationErrors.nameTaken(input.name);
      await this.committees.insert(row, trx);
      await this.audit.record(trx, {
        actor,
        action: 'committee.create',
        targetType: 'committee',
        targetId: row.id,
        bodyId: body.id,
        after: row,
      });
    });
    return toCommittee(row);
  }

  async update(actor: Actor, id: string, input: CommitteeUpdate): Promise<Committee> {
    const before = await this.require(id);
    const body = await this.bodies.require(before.body_id);
    requireCoversBody(actor, organisationWriters, body.path);
    const changes = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
    };
    await this.db.transaction().execute(async (trx) => {
      if (input.name !== undefined && input.name !== before.name) {
        if (await this.committees.findByName(before.body_id, input.name, trx))
          throw organisationErrors.nameTaken(input.name);
      }
      await this.committees.update(id, changes, trx);
      await this.audit.record(trx, {
        actor,
        action: 'committee.update',
        targetType: 'committee',
        targetId: id,
        bodyId: before.body_id,
        before,
        after: changes,
      });
    });
    return toCommittee({ ...before, ...changes });
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const before = await this.require(id);
    const body = await this.bodies.require(before.body_id);
    requireCoversBody(actor, organisationWriters, body.path);
    await this.db.transaction().execute(async (trx) => {
      const grants = await this.committees.roleCount(id, trx);
      if (grants > 0)
        throw organisationErrors.inUse(committeeNoun, [
          { zh: '个用户角色', en: 'user roles', count: grants },
        ]);
      await this.committees.delete(id, trx);
      await this.audit.record(trx, {
        actor,
        action: 'committee.delete',
        targetType: 'committee',
        targetId: id,
        bodyId: before.body_id,
        before,
      });
    });
  }
}
