import type { Db } from '../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { notFound } from '../platform/errors.js';
import type { Actor } from '../auth/actor.js';
import { requireCoversBody } from '../auth/actor.js';
import { memberPositionValues } from '../../shared/schemas/organisations.js';
import type {
  BodyOrTermQuery,
  MemberPosition,
  StandingCommitteeMember,
  StandingCommitteeMemberCreate,
  StandingCommitteeMemberUpdate,
} from '../../shared/schemas/organisations.js';
import type { BodiesService } from './bodies.service.js';
import type { TermsService } from './terms.service.js';
import type { MemberWithNameRow, StandingCommitteeRepository } from './standing-committee.repository.js';
import { deputyNoun, memberNoun, organisationErrors, organisationWriters } from './organisations.errors.js';

export function toMember(row: MemberWithNameRow): StandingCommitteeMember {
  return {
    id: row.id,
    bodyId: row.body_id,
    termId: row.term_id,
    deputyId: row.deputy_id,
    deputyName: row.deputy_name,
    position: row.position as MemberPosition,
    createdAt: row.created_at,
  };
}

const positionRank = (position: string) => memberPositionValues.indexOf(position as MemberPosition);

/** Members of a term's standing committee (常委会组成人员; a township's presidium alike). */
export class StandingCommitteeService {
  constructor(
    private readonly db: Db,
    private readonly members: StandingCommitteeRepository,
    private readonly terms: TermsService,
    private readonly bodies: BodiesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Chair first, then vice chairs, secretary-general and members, each by name. */
  async list(filter: BodyOrTermQuery): Promise<StandingCommitteeMember[]> {
    const rows = await this.members.list(filter);
    return rows
      .map((row, index) => ({ row, index }))
      .sort((a, b) => positionRank(a.row.position) - positionRank(b.row.position) || a.index - b.index)
      .map(({ row }) => toMember(row));
  }

  async get(id: string): Promise<StandingCommitteeMember> {
    return toMember(await this.require(id));
  }

  private async require(id: string): Promise<MemberWithNameRow> {
    const row = await this.members.findById(id);
    if (!row) throw notFound(memberNoun, id);
    return row;
  }

  async create(actor: Actor, input: StandingCommitteeMemberCreate): Promise<StandingCommitteeMember> {
    const term = await this.terms.require(input.termId);
    const body = await this.bodies.require(term.body_id);
    requireCoversBody(actor, organisationWriters, body.path);
    const deputyName = await this.members.deputyName(input.deputyId);
    if (deputyName === undefined) throw notFound(deputyNoun, input.deputyId);
    const row = {
      id: newId(),
      body_id: term.body_id,
      term_id: term.id,
      deputy_id: input.deputyId,
      position: input.position,
      created_at: this.clock.now().toISOString(),
    };
    await this.db.transaction().execute(async (trx) => {
      if (await this.members.findByDeputy(term.id, input.deputyId, trx))
        throw organisationErrors.alreadyMember();
      await this.members.insert(row, trx);
      await this.audit.record(trx, {
        actor,
        action: 'standing_committee_member.create',
        targetType: 'standing_committee_member',
        targetId: row.id,
        bodyId: row.body_id,
        after: row,
      });
    });
    return toMember({ ...row, deputy_name: deputyName });
  }

  async update(
    actor: Actor,
    id: string,
    input: StandingCommitteeMemberUpdate,
  ): Promise<StandingCommitteeMember> {
    const before = await this.require(id);
    const body = await this.bodies.require(before.body_id);
    requireCoversBody(actor, organisationWriters, body.path);
    const changes = { position: input.position };
    await this.db.transaction().execute(async (trx) => {
      await this.members.update(id, changes, trx);
      await this.audit.record(trx, {
        actor,
        action: 'standing_committee_member.update',
        targetType: 'standing_committee_member',
        targetId: id,
        bodyId: before.body_id,
        before: { position: before.position },
        after: changes,
      });
    });
    return toMember({ ...before, ...changes });
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const before = await this.require(id);
    const body = await this.bodies.require(before.body_id);
    requireCoversBody(actor, organisationWriters, body.path);
    const { deputy_name: _name, ...stored } = before;
    await this.db.transaction().execute(async (trx) => {
      await this.members.delete(id, trx);
      await this.audit.record(trx, {
        actor,
        action: 'standing_committee_member.delete',
        targetType: 'standing_committee_member',
        targetId: id,
        bodyId: before.body_id,
        before: stored,
      });
    });
  }
}
