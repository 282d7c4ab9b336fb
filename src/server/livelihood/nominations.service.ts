import type { Db } from '../db/database.js';
import { constraintViolation } from '../db/dialect/constraint-errors.js';
import type { LivelihoodRoundRow } from '../db/schema-voting.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import { shanghaiDate } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { notFound } from '../platform/errors.js';
import type { Nomination, NominationInput, ScreeningInput } from '../../shared/schemas/livelihood.js';
import type { LivelihoodRepository } from './livelihood.repository.js';
import type { NominationsRepository } from './nominations.repository.js';
import type { RoundsService } from './rounds.service.js';
import type { NominationGuard } from './nomination-guard.js';
import { perAddressDailyLimit, perContactLimit } from './nomination-guard.js';
import { livelihoodErrors, nominationNoun, roundNoun } from './livelihood.errors.js';
import { toNomination } from './livelihood.views.js';

/** 138****5678: staff who only read see that a phone was left, not the number. */
const maskPhone = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;

/** 群众提: proposals from the public during the collection period, and their screening by staff. */
export class NominationsService {
  constructor(
    private readonly db: Db,
    private readonly rounds: LivelihoodRepository,
    private readonly nominations: NominationsRepository,
    private readonly reader: RoundsService,
    private readonly guard: NominationGuard,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** A round open for proposals today, else 404/409. */
  private async accepting(roundId: string): Promise<LivelihoodRoundRow> {
    const round = await this.rounds.round(roundId);
    if (!round || round.status === 'draft') throw notFound(roundNoun, roundId);
    const today = shanghaiDate(this.clock.now());
    if (
      round.status !== 'nominating' ||
      today < round.nomination_starts_on ||
      today > round.nomination_ends_on
    )
      throw livelihoodErrors.notAccepting();
    return round;
  }

  async formToken(roundId: string) {
    const round = await this.accepting(roundId);
    return this.guard.issue(round.id);
  }

  /** A proposal from anyone (no account): checked against abuse, stored for screening. */
  async submit(roundId: string, input: NominationInput, address: string | null) {
    const round = await this.accepting(roundId);
    await this.guard.check(round.id, input.token, input.website);
    const keys = await this.guard.keys(input.phone, address, input.title, input.description);
    if ((await this.nominations.countFrom(round.id, { contact: keys.contact })) >= perContactLimit)
      throw livelihoodErrors.contactLimit(perContactLimit);
    const now = this.clock.now();
    const dayStart = new Date(`${shanghaiDate(now)}T00:00:00+08:00`).toISOString();
    if (
      keys.address &&
      (await this.nominations.countFrom(round.id, { address: keys.address, sinceIso: dayStart })) >=
        perAddressDailyLimit
    )
      throw livelihoodErrors.addressLimit();
    const row = {
      id: newId(),
      round_id: round.id,
      title: input.title,
      description: input.description,
      location: input.location ?? null,
      nominator_name: input.name,
      nominator_phone: input.phone,
      contact_key: keys.contact,
      address_key: keys.address,
      content_key: keys.content,
      status: 'submitted',
      exclusion_reason: null,
      screening_note: null,
      screened_by: null,
      screened_at: null,
      project_id: null,
      created_at: now.toISOString(),
    };
    try {
      await this.db.transaction().execute(async (trx) => {
        await this.nominations.insert(row, trx);
        await this.audit.record(trx, {
          actor: null,
          action: 'livelihood.nomination_submitted',
          targetType: 'livelihood_nomination',
          targetId: row.id,
          bodyId: round.body_id,
          // The proposal, not the person: name and phone stay in their own table.
          after: { roundId: round.id, title: row.title },
        });
      });
    } catch (error) {
      if (constraintViolation(error) === 'unique') throw livelihoodErrors.duplicate();
      throw error;
    }
    return { id: row.id, createdAt: row.created_at };
  }

  async list(actor: Actor, roundId: string, status?: string): Promise<Nomination[]> {
    const { manages } = await this.reader.visible(actor, roundId);
    const rows = await this.nominations.ofRound(roundId, status);
    return rows.map((row) => {
      const nomination = toNomination(row);
      return manages ? nomination : { ...nomination, nominatorPhone: maskPhone(nomination.nominatorPhone) };
    });
  }

  /** Accepts a proposal, or excludes it with a reason from the exclusion list. */
  async screen(actor: Actor, nominationId: string, input: ScreeningInput): Promise<Nomination> {
    const row = await this.nominations.findById(nominationId);
    if (!row) throw notFound(nominationNoun, nominationId);
    const { round } = await this.reader.managed(actor, row.round_id);
    if (round.status !== 'screening') throw livelihoodErrors.notScreening();
    const changes = {
      status: input.decision === 'accept' ? 'accepted' : 'excluded',
      exclusion_reason: input.decision === 'exclude' ? (input.reason ?? 'other') : null,
      screening_note: input.note ?? null,
      screened_by: actor.userId,
      screened_at: this.clock.now().toISOString(),
    };
    await this.db.transaction().execute(async (trx) => {
      await this.nominations.screen(nominationId, changes, trx);
      await this.audit.record(trx, {
        actor,
        action: 'livelihood.nomination_screened',
        targetType: 'livelihood_nomination',
        targetId: nominationId,
        bodyId: round.body_id,
        before: { status: row.status },
        after: changes,
      });
    });
    return toNomination({ ...row, ...changes });
  }
}
