import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { DeputyRow, DeputySeatRow } from '../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { forbidden, notFound } from '../platform/errors.js';
import type { Actor } from '../auth/actor.js';
import type { BodiesRepository } from '../organisations/bodies.repository.js';
import type {
  Deputy,
  DeputyCreate,
  DeputyPage,
  DeputyQuery,
  DeputyUpdate,
} from '../../shared/schemas/deputies.js';
import type { DeputiesRepository } from './deputies.repository.js';
import type { DeputySeatsRepository, SeatViewRow } from './deputy-seats.repository.js';
import type { DeputySeatChecks } from './deputy-seat.checks.js';
import { requireDeputyReader, seesContacts, seesDeputy, toDeputy, writesDeputy } from './deputies.access.js';
import { deputyNoun } from './deputies.errors.js';

const notWriter = () =>
  forbidden({
    zh: '只有代表所在人大机关的管理员或代表工委工作人员可以修改代表信息。',
    en: "Only administrators or office staff of the deputy's bodies may change a deputy.",
  });

/** Deputies (代表) as people; their seats are `DeputySeatsService`, their photos `DeputyPhotosService`. */
export class DeputiesService {
  constructor(
    private readonly db: Db,
    private readonly deputies: DeputiesRepository,
    private readonly seats: DeputySeatsRepository,
    private readonly bodies: BodiesRepository,
    private readonly checks: DeputySeatChecks,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, query: DeputyQuery): Promise<DeputyPage> {
    const scope = requireDeputyReader(actor);
    const { page, pageSize, includeLower, ...filter } = query;
    let subtreePath: string | undefined;
    if (filter.bodyId && includeLower) {
      const body = await this.bodies.findById(filter.bodyId);
      if (!body) throw notFound({ zh: '人大机关', en: 'Congress body' }, filter.bodyId);
      subtreePath = body.path;
    }
    const result = await this.deputies.list({ ...filter, scope, subtreePath }, page, pageSize);
    const seats = await this.seats.viewsOf(result.items.map((d) => d.id));
    return {
      items: result.items.map((row) => this.view(actor, row, seats)),
      total: result.total,
      page,
      pageSize,
    };
  }

  async get(actor: Actor, id: string): Promise<Deputy> {
    const { row, seats } = await this.visible(actor, id);
    return this.view(actor, row, seats);
  }

  /**
   * A deputy the actor may see, with every seat; 404 otherwise (403 for roles that never read
   * deputies), so ids cannot be probed.
   */
  async visible(
    actor: Actor,
    id: string,
    executor?: Executor,
  ): Promise<{ row: DeputyRow; seats: SeatViewRow[] }> {
    if (actor.deputyId !== id) requireDeputyReader(actor);
    const row = await this.deputies.findById(id, executor);
    const seats = row ? await this.seats.viewsOf([id], executor) : [];
    if (!row || !seesDeputy(actor, id, seats)) throw notFound(deputyNoun, id);
    return { row, seats };
  }

  /** A visible deputy the actor administers (one of the seats is in their subtree), else 403. */
  async writable(actor: Actor, id: string, executor?: Executor) {
    const found = await this.visible(actor, id, executor);
    if (!writesDeputy(actor, found.seats)) throw notWriter();
    return found;
  }

  view(actor: Actor, row: DeputyRow, seats: SeatViewRow[]): Deputy {
    const own = seats.filter((seat) => seat.deputy_id === row.id);
    return toDeputy(row, own, seesContacts(actor, row.id, own));
  }

  async create(actor: Actor, input: DeputyCreate): Promise<Deputy> {
    const id = newId();
    await this.db.transaction().execute(async (trx) => {
      const { body } = await this.checks.seat(actor, input.seat, 'seat.', trx);
      this.checks.birthYear(input.birthYear);
      await this.checks.linkableUser(input.userId, null, trx);
      const at = this.clock.now().toISOString();
      const person: DeputyRow = {
        id,
        user_id: input.userId ?? null,
        name: input.name,
        gender: input.gender,
        ethnicity: input.ethnicity ?? null,
        birth_year: input.birthYear ?? null,
        occupation: input.occupation ?? null,
        phone: input.phone ?? null,
        email: input.email ?? null,
        address: input.address ?? null,
        photo_file_id: null,
        created_at: at,
        updated_at: at,
      };
      const seat: DeputySeatRow = {
        id: newId(),
        deputy_id: id,
        body_id: body.id,
        term_id: input.seat.termId,
        level: body.level,
        delegation_id: input.seat.delegationId ?? null,
        group_id: input.seat.groupId ?? null,
        electoral_district: input.seat.electoralDistrict ?? null,
        status: 'active',
        terminated_on: null,
        created_at: at,
        updated_at: at,
      };
      await this.deputies.insert(person, trx);
      await this.seats.insert(seat, trx);
      await this.audit.record(trx, {
        actor,
        action: 'deputy.create',
        targetType: 'deputy',
        targetId: id,
        bodyId: body.id,
        after: { ...person, seats: [seat] },
      });
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, input: DeputyUpdate): Promise<Deputy> {
    await this.db.transaction().execute(async (trx) => {
      const { row, seats } = await this.writable(actor, id, trx);
      this.checks.birthYear(input.birthYear);
      if (input.userId !== undefined) await this.checks.linkableUser(input.userId, id, trx);
      const changes = {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.gender !== undefined ? { gender: input.gender } : {}),
        ...(input.ethnicity !== undefined ? { ethnicity: input.ethnicity } : {}),
        ...(input.birthYear !== undefined ? { birth_year: input.birthYear } : {}),
        ...(input.occupation !== undefined ? { occupation: input.occupation } : {}),
        ...(input.phone !== undefined ? { phone: input.phone } : {}),
        ...(input.email !== undefined ? { email: input.email } : {}),
        ...(input.address !== undefined ? { address: input.address } : {}),
        ...(input.userId !== undefined ? { user_id: input.userId } : {}),
        updated_at: this.clock.now().toISOString(),
      };
      await this.deputies.update(id, changes, trx);
      await this.audit.record(trx, {
        actor,
        action: 'deputy.update',
        targetType: 'deputy',
        targetId: id,
        bodyId: seats[0]?.body_id ?? null,
        before: row,
        after: changes,
      });
    });
    return this.get(actor, id);
  }
}
