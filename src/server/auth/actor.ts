import type { Role } from '../../shared/schemas/roles.js';
import { forbidden } from '../platform/errors.js';

export interface RoleGrant {
  role: Role;
  bodyId: string;
  /** Path of the body the role is held in, to test subtree membership without a query. */
  bodyPath: string;
  unitId: string | null;
  committeeId: string | null;
}

/** The signed-in user as services see them: who, which roles where, and how they came in. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  roles: RoleGrant[];
  deputyId: string | null;
  via: 'session' | 'token';
  sessionId: string | null;
  ip: string | null;
}

/** Roles that read and manage a body's organisation (bodies, units, people) in its subtree. */
export const organisationReaders: readonly Role[] = [
  'admin',
  'office_staff',
  'committee_staff',
  'leader',
  'supervision_office',
];

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.roles.some((grant) => roles.includes(grant.role));
}

/** Body paths where the actor holds one of the roles; each covers that body's subtree. */
export function scopePaths(actor: Actor, roles: readonly Role[]): string[] {
  const paths = actor.roles.filter((grant) => roles.includes(grant.role)).map((grant) => grant.bodyPath);
  // Drop paths already covered by an ancestor path, so queries stay short.
  return [...new Set(paths)].filter((p, _i, all) => !all.some((other) => other !== p && p.startsWith(other)));
}

/** Whether `bodyPath` lies in the subtree of a body where the actor holds one of the roles. */
export function coversBody(actor: Actor, roles: readonly Role[], bodyPath: string): boolean {
  return actor.roles.some((grant) => roles.includes(grant.role) && bodyPath.startsWith(grant.bodyPath));
}

export function unitIdsOf(actor: Actor): string[] {
  return [...new Set(actor.roles.map((grant) => grant.unitId).filter((id): id is string => id !== null))];
}

export function requireCoversBody(actor: Actor, roles: readonly Role[], bodyPath: string): void {
  if (!coversBody(actor, roles, bodyPath)) {
    throw forbidden({
      zh: '您没有管理该人大机关数据的权限。',
      en: 'You may not manage data of this congress body.',
    });
  }
}

export function requireAnyRole(actor: Actor, roles: readonly Role[]): void {
  if (!hasRole(actor, ...roles)) {
    throw forbidden({ zh: '您的角色无权进行此操作。', en: 'Your role does not allow this.' });
  }
}

/** An administrator of a top-level body administers the whole deployment. */
export function isDeploymentAdmin(actor: Actor): boolean {
  return actor.roles.some(
    (grant) => grant.role === 'admin' && grant.bodyPath.split('/').filter(Boolean).length === 1,
  );
}

/** Whether the actor holds one of the roles in a top-level body, i.e. for the whole deployment. */
export function holdsRoleAtTop(actor: Actor, roles: readonly Role[]): boolean {
  return actor.roles.some(
    (grant) => roles.includes(grant.role) && grant.bodyPath.split('/').filter(Boolean).length === 1,
  );
}
