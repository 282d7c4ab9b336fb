import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { DeputySeatRow } from '../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { notFound } from '../platform/errors.js';
import type { Actor } from '../auth/actor.js';
import { requireCoversBody } from '../auth/actor.js';
import type { Deputy, SeatCreate, SeatTerminate, SeatUpdate } from '../../shared/schemas/deputies.js';
import type { DeputiesService } from './deputies.service.js';
import type { DeputySeatsRepository, SeatViewRow } from './deputy-seats.repository.js';
import type { DeputySeatChecks } from './deputy-seat.checks.js';
import { deputyWriters } from './deputies.access.js';
import { deputyErrors, seatNoun } from './deputies.errors.js';

/** A deputy's seats: one per body and term, each with delegation, group and district. */
export class DeputySeatsService {
  constructor(
    private readonly db: Db,
    private readonly seats: DeputySeatsRepository,
    private readonly deputies: DeputiesService,
    private readonly checks: DeputySeatChecks,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** A seat of a visible deputy, in a body the actor administers (else 403). */
  private async writableSeat(actor: Actor, deputyId: string, seatId: string, executor: Executor) {
    const { seats } = await this.deputies.visible(actor, deputyId, executor);
    const seat = seats.find((s) => s.id === seatId);
    if (!seat) throw notFound(seatNoun, seatId);
    requireCoversBody(actor, deputyWriters, seat.body_path);
    return seat;
  }

  /** Another seat, e.g. the township seat of a county deputy; one per term. */
  async add(actor: Actor, deputyId: string, input: SeatCreate): Promise<Deputy> {
    await this.db.transaction().execute(async (trx) => {
      await this.deputies.visible(actor, deputyId, trx);
      const { body } = await this.checks.seat(actor, input, '', trx);
      if (await this.seats.findByTerm(deputyId, input.termId, trx)) throw deputyErrors.seatInTermExists();
      const at = this.clock.now().toISOString();
      const seat: DeputySeatRow = {
        id: newId(),
        deputy_id: deputyId,
        body_id: body.id,
        term_id: input.termId,
        level: body.level,
        delegation_id: input.delegationId ?? null,
        group_id: input.groupId ?? null,
        electoral_district: input.electoralDistrict ?? null,
        status: 'active',
        terminated_on: null,
        created_at: at,
        updated_at: at,
      };
      await this.seats.insert(seat, trx);
      await this.audit.record(trx, {
        actor,
        action: 'deputy.seat.add',
        targetType: 'deputy',
        targetId: deputyId,
        bodyId: body.id,
        after: seat,
      });
    });
    return this.deputies.get(actor, deputyId);
  }

  async update(actor: Actor, deputyId: string, seatId: string, input: SeatUpdate): Promise<Deputy> {
    await this.db.transaction().execute(async (trx) => {
      const seat = await this.writableSeat(actor, deputyId, seatId, trx);
      await this.checks.references(seat.body_id, seat.term_id, input, '', trx);
      const changes = {
        ...(input.delegationId !== undefined ? { delegation_id: input.delegationId } : {}),
        ...(input.groupId !== undefined ? { group_id: input.groupId } : {}),
        ...(input.electoralDistrict !== undefined ? { electoral_district: input.electoralDistrict } : {}),
        updated_at: this.clock.now().toISOString(),
      };
      await this.seats.update(seatId, changes, trx);
      await this.audit.record(trx, {
        actor,
        action: 'deputy.seat.update',
        targetType: 'deputy',
        targetId: deputyId,
        bodyId: seat.body_id,
        before: seatRow(seat),
        after: { seatId, ...changes },
      });
    });
    return this.deputies.get(actor, deputyId);
  }

  /**
   * Ends a seat (resignation, recall, loss of qualification: 代表法 art. 55). The reason is kept
   * in the audit log, which is the record of who ended it and why.
   */
  async terminate(actor: Actor, deputyId: string, seatId: string, input: SeatTerminate): Promise<Deputy> {
    await this.db.transaction().execute(async (trx) => {
      const seat = await this.writableSeat(actor, deputyId, seatId, trx);
      if (seat.status === 'terminated') throw deputyErrors.seatTerminated();
      const term = await this.seats.findTerm(seat.term_id, trx);
      if (term && input.terminatedOn < term.start_date)
        throw deputyErrors.terminatedBeforeTerm(term.start_date);
      const changes = {
        status: 'terminated',
        terminated_on: input.terminatedOn,
        updated_at: this.clock.now().toISOString(),
      };
      await this.seats.update(seatId, changes, trx);
      await this.audit.record(trx, {
        actor,
        action: 'deputy.seat.terminate',
        targetType: 'deputy',
        targetId: deputyId,
        bodyId: seat.body_id,
        before: { seatId, status: seat.status },
        after: { seatId, ...changes, reason: input.reason },
      });
    });
    return this.deputies.get(actor, deputyId);
  }
}

function seatRow(view: SeatViewRow): DeputySeatRow {
  const {
    body_name: _bodyName,
    body_path: _bodyPath,
    term_number: _termNumber,
    delegation_name: _delegationName,
    group_name: _groupName,
    ...row
  } = view;
  return row;
}
