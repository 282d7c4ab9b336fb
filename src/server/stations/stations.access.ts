import type { Actor } from '../auth/actor.js';
import { coversBody, organisationReaders, scopePaths, unitIdsOf } from '../auth/actor.js';
import type { Role } from '../../shared/schemas/roles.js';

/** Who creates and changes stations, their deputies, rules and rosters. */
export const stationWriters: readonly Role[] = ['admin', 'office_staff'];
/** Staff who read every reception of their subtree (citizens' contacts included). */
export const receptionStaffRoles: readonly Role[] = ['admin', 'office_staff'];

/** Which stations a reader sees. */
export interface StationScope {
  /** Staff subtrees (body path prefixes). */
  pathPrefixes: string[];
  /** Bodies a deputy sits in: their stations are visible to them. */
  bodyIds: string[];
  /** Stations the actor is assigned to, as deputy or staff. */
  stationIds: string[];
}

export function stationScope(actor: Actor, ownStationIds: string[]): StationScope {
  return {
    pathPrefixes: scopePaths(actor, organisationReaders),
    bodyIds: [...new Set(actor.roles.filter((g) => g.role === 'deputy').map((g) => g.bodyId))],
    stationIds: ownStationIds,
  };
}

export function isEmptyStationScope(scope: StationScope): boolean {
  return scope.pathPrefixes.length === 0 && scope.bodyIds.length === 0 && scope.stationIds.length === 0;
}

export function writesStation(actor: Actor, bodyPath: string): boolean {
  return coversBody(actor, stationWriters, bodyPath);
}

/** Which receptions (and citizen appointments) a reader sees. */
export interface ReceptionScope {
  /** Office staff subtrees: everything of these bodies. */
  bodyPaths: string[];
  /** The signed-in deputy: what was addressed or passed to them. */
  deputyId: string | null;
  /** Station staff: what came to their stations. */
  stationIds: string[];
  /** Unit users: matters referred to their unit (without the citizen's contact). */
  unitIds: string[];
}

export function receptionScope(actor: Actor, staffStationIds: string[]): ReceptionScope {
  return {
    bodyPaths: scopePaths(actor, receptionStaffRoles),
    deputyId: actor.deputyId,
    stationIds: staffStationIds,
    unitIds: unitIdsOf(actor),
  };
}

export function isEmptyReceptionScope(scope: ReceptionScope): boolean {
  return (
    scope.bodyPaths.length === 0 &&
    scope.deputyId === null &&
    scope.stationIds.length === 0 &&
    scope.unitIds.length === 0
  );
}

/** Whether a reader may see a citizen's contact: anyone in scope except the agencies referred to. */
export function seesVisitorContact(
  actor: Actor,
  staffStationIds: string[],
  item: {
    body_path: string;
    deputy_id: string | null;
    escalated_to_deputy_id: string | null;
    station_id: string | null;
  },
): boolean {
  return (
    coversBody(actor, receptionStaffRoles, item.body_path) ||
    (actor.deputyId !== null &&
      (item.deputy_id === actor.deputyId || item.escalated_to_deputy_id === actor.deputyId)) ||
    (item.station_id !== null && staffStationIds.includes(item.station_id))
  );
}
