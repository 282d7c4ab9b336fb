import type { DeputyRow } from '../db/schema.js';
import type { Actor } from '../auth/actor.js';
import { coversBody, organisationReaders, scopePaths } from '../auth/actor.js';
import { forbidden } from '../platform/errors.js';
import type { BodyLevel } from '../../shared/schemas/common.js';
import type { Deputy, DeputySeat, Gender, SeatStatus } from '../../shared/schemas/deputies.js';
import type { Role } from '../../shared/schemas/roles.js';
import type { DeputyScope } from './deputies.repository.js';
import type { SeatViewRow } from './deputy-seats.repository.js';

/** Who changes deputies and their seats, and who sees their private contacts. */
export const deputyWriters: readonly Role[] = ['admin', 'office_staff'];

function deputyBodyIds(actor: Actor): string[] {
  return [...new Set(actor.roles.filter((g) => g.role === 'deputy').map((g) => g.bodyId))];
}

/**
 * Staff see the deputies seated in their subtrees; deputies see the roster of the bodies they sit
 * in. Everyone else (unit users, collectors) may not read deputies: 403.
 */
export function requireDeputyReader(actor: Actor): DeputyScope {
  const scope = { pathPrefixes: scopePaths(actor, organisationReaders), bodyIds: deputyBodyIds(actor) };
  if (scope.pathPrefixes.length === 0 && scope.bodyIds.length === 0)
    throw forbidden({ zh: '您的角色无权查看代表信息。', en: 'Your role may not read deputies.' });
  return scope;
}

export function seesSeat(actor: Actor, seat: Pick<SeatViewRow, 'body_id' | 'body_path'>): boolean {
  return (
    coversBody(actor, organisationReaders, seat.body_path) ||
    actor.roles.some((g) => g.role === 'deputy' && g.bodyId === seat.body_id)
  );
}

export function seesDeputy(actor: Actor, deputyId: string, seats: SeatViewRow[]): boolean {
  return actor.deputyId === deputyId || seats.some((seat) => seesSeat(actor, seat));
}

/** Private contacts: the deputy themself, and admins or office staff covering one of the seats. */
export function seesContacts(actor: Actor | null, deputyId: string, seats: Pick<SeatViewRow, 'body_path'>[]) {
  if (actor === null) return true;
  return (
    actor.deputyId === deputyId || seats.some((seat) => coversBody(actor, deputyWriters, seat.body_path))
  );
}

/** Whether the actor may change this deputy (as a person): they administer one of the seats. */
export function writesDeputy(actor: Actor, seats: Pick<SeatViewRow, 'body_path'>[]): boolean {
  return seats.some((seat) => coversBody(actor, deputyWriters, seat.body_path));
}

export function toSeat(row: SeatViewRow): DeputySeat {
  return {
    id: row.id,
    deputyId: row.deputy_id,
    bodyId: row.body_id,
    bodyName: row.body_name,
    level: row.level as BodyLevel,
    termId: row.term_id,
    termNumber: row.term_number,
    delegationId: row.delegation_id,
    delegationName: row.delegation_name,
    groupId: row.group_id,
    groupName: row.group_name,
    electoralDistrict: row.electoral_district,
    status: row.status as SeatStatus,
    terminatedOn: row.terminated_on,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toDeputy(row: DeputyRow, seats: SeatViewRow[], contactsVisible: boolean): Deputy {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    gender: row.gender as Gender,
    ethnicity: row.ethnicity,
    birthYear: row.birth_year,
    occupation: row.occupation,
    phone: contactsVisible ? row.phone : null,
    email: contactsVisible ? row.email : null,
    address: contactsVisible ? row.address : null,
    contactsVisible,
    hasPhoto: row.photo_file_id !== null,
    seats: seats.filter((seat) => seat.deputy_id === row.id).map(toSeat),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
