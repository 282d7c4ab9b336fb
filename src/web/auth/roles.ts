import type { Me } from '../../shared/schemas/auth.js';
import type { Role } from '../../shared/role-labels.js';

export function hasAnyRole(me: Me, roles: readonly Role[]): boolean {
  return me.roles.some((grant) => roles.includes(grant.role));
}

/** The user's roles without repeats, in the order they were granted. */
export function distinctRoles(me: Me): Role[] {
  return [...new Set(me.roles.map((grant) => grant.role))];
}

/** Body ids where the user holds one of the roles (each covers its subtree on the server). */
export function bodyIdsWithRole(me: Me, roles: readonly Role[]): string[] {
  return [...new Set(me.roles.filter((grant) => roles.includes(grant.role)).map((grant) => grant.bodyId))];
}
