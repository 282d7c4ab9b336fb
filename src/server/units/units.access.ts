import type { Actor } from '../auth/actor.js';
import { coversBody, organisationReaders, scopePaths, unitIdsOf } from '../auth/actor.js';
import type { Role } from '../../shared/schemas/roles.js';
import type { UnitVisibility, UnitWithPathRow } from './units.repository.js';

/** Who may create and change units and their departments. */
export const unitWriters: readonly Role[] = ['admin', 'office_staff'];

/**
 * What the actor sees of a unit: `full` for staff of the unit's body or an ancestor and for the
 * unit's own people, `list` (no contact details) for deputies of the unit's body, else nothing.
 */
export type UnitAccess = 'full' | 'list' | null;

/** Staff see their subtree, deputies their own bodies, unit users only their units. */
export function unitVisibility(actor: Actor): UnitVisibility {
  return {
    bodyPathPrefixes: scopePaths(actor, organisationReaders),
    bodyIds: [...new Set(actor.roles.filter((g) => g.role === 'deputy').map((g) => g.bodyId))],
    unitIds: unitIdsOf(actor),
  };
}

export function unitAccess(
  actor: Actor,
  unit: Pick<UnitWithPathRow, 'id' | 'body_id' | 'body_path'>,
): UnitAccess {
  if (coversBody(actor, organisationReaders, unit.body_path)) return 'full';
  if (unitIdsOf(actor).includes(unit.id)) return 'full';
  if (actor.roles.some((g) => g.role === 'deputy' && g.bodyId === unit.body_id)) return 'list';
  return null;
}
