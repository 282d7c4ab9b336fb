import type { Selectable } from 'kysely';
import type { Executor } from '../db/executor.js';
import type { BodyRow, TermsTable } from '../db/schema.js';
import type { Clock } from '../platform/clock.js';
import { shanghaiDate } from '../platform/clock.js';
import { notFound } from '../platform/errors.js';
import type { Actor } from '../auth/actor.js';
import { requireCoversBody } from '../auth/actor.js';
import type { BodiesRepository } from '../organisations/bodies.repository.js';
import type { UsersRepository } from '../users/users.repository.js';
import type { SeatCreate } from '../../shared/schemas/deputies.js';
import type { DeputiesRepository } from './deputies.repository.js';
import type { DeputySeatsRepository } from './deputy-seats.repository.js';
import { deputyWriters } from './deputies.access.js';
import { deputyErrors } from './deputies.errors.js';

/** The minimum age to be elected (选举法 art. 4). */
export const minimumDeputyAge = 18;

/** Rules a deputy or seat input must meet against the database, shared by create and add-seat. */
export class DeputySeatChecks {
  constructor(
    private readonly deputies: DeputiesRepository,
    private readonly seats: DeputySeatsRepository,
    private readonly bodies: BodiesRepository,
    private readonly users: UsersRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * The seat's body exists and the actor administers it, the term is the body's, and the
   * delegation and group belong to them. `prefix` names the fields in errors (`seat.termId`).
   */
  async seat(
    actor: Actor,
    input: SeatCreate,
    prefix: string,
    executor?: Executor,
  ): Promise<{ body: BodyRow; term: Selectable<TermsTable> }> {
    const body = await this.bodies.findById(input.bodyId, executor);
    if (!body) throw notFound({ zh: '人大机关', en: 'Congress body' }, input.bodyId);
    requireCoversBody(actor, deputyWriters, body.path);
    const term = await this.seats.findTerm(input.termId, executor);
    if (!term || term.body_id !== body.id) throw deputyErrors.termOutsideBody(prefix);
    await this.references(body.id, term.id, input, prefix, executor);
    return { body, term };
  }

  /** The delegation must be of the seat's term; the group of its body and (if it has one) term. */
  async references(
    bodyId: string,
    termId: string,
    input: { delegationId?: string | null; groupId?: string | null },
    prefix: string,
    executor?: Executor,
  ): Promise<void> {
    if (input.delegationId) {
      const delegation = await this.seats.findDelegation(input.delegationId, executor);
      if (!delegation || delegation.term_id !== termId) throw deputyErrors.delegationOutsideTerm(prefix);
    }
    if (input.groupId) {
      const group = await this.seats.findGroup(input.groupId, executor);
      if (!group || group.body_id !== bodyId || (group.term_id !== null && group.term_id !== termId))
        throw deputyErrors.groupOutsideBody(prefix);
    }
  }

  /** The latest birth year a deputy may have today. */
  latestBirthYear(): number {
    return Number(shanghaiDate(this.clock.now()).slice(0, 4)) - minimumDeputyAge;
  }

  birthYear(value: number | null | undefined): void {
    const latest = this.latestBirthYear();
    if (value !== null && value !== undefined && value > latest)
      throw deputyErrors.tooYoung('birthYear', latest);
  }

  /** An account exists and is not linked to another deputy. */
  async linkableUser(userId: string | null | undefined, deputyId: string | null, executor?: Executor) {
    if (!userId) return;
    if (!(await this.users.findById(userId, executor))) throw deputyErrors.userNotFound();
    const linked = await this.deputies.findByUserId(userId, executor);
    if (linked && linked.id !== deputyId) throw deputyErrors.userAlreadyLinked();
  }
}
