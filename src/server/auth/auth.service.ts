import { generateSecret, generateURI, verify as verifyTotpCode } from 'otplib';
import type { Db } from '../db/database.js';
import type { UserRow } from '../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { notFound } from '../platform/errors.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { UsersRepository, RoleGrantRow } from '../users/users.repository.js';
import type { Role } from '../../shared/schemas/roles.js';
import { staffRoles } from '../../shared/schemas/roles.js';
import type { Me, SessionStage } from '../../shared/schemas/auth.js';
import { passwordProblems } from '../../shared/password-policy.js';
import type { Actor } from './actor.js';
import type { AuthRepository, LoginSessionRow } from './auth.repository.js';
import { authErrors } from './auth.errors.js';
import { burnVerification, hashPassword, hashSecret, newSecret, verifyPassword } from './passwords.js';

/** Sessions end after this long whatever the activity. */
const absoluteSessionHours = 12;
/** last_seen_at is written at most this often, to keep reads cheap. */
const touchIntervalMs = 60_000;

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

export interface ResolvedSession {
  actor: Actor;
  session: LoginSessionRow;
  user: UserRow;
}

const stageOf: Record<string, SessionStage> = {
  full: 'complete',
  password: 'totp_required',
  totp_setup: 'totp_setup_required',
};

function grantsToActorRoles(rows: RoleGrantRow[]) {
  return rows.map((r) => ({
    role: r.role as Role,
    bodyId: r.body_id,
    bodyPath: r.body_path,
    unitId: r.unit_id,
    committeeId: r.committee_id,
  }));
}

/** Sign-in, second factor, password changes, sessions and personal API tokens. */
export class AuthService {
  constructor(
    private readonly db: Db,
    private readonly auth: AuthRepository,
    private readonly users: UsersRepository,
    private readonly settings: SettingsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private async buildActor(
    user: UserRow,
    via: Actor['via'],
    sessionId: string | null,
    ip: string | null,
    /** The linked deputy when already read with the user (`undefined`: look it up). */
    knownDeputyId?: string | null,
  ): Promise<Actor> {
    const [roles, deputy] = await Promise.all([
      this.users.rolesOf([user.id]),
      knownDeputyId !== undefined
        ? { id: knownDeputyId }
        : this.db.selectFrom('deputies').select('id').where('user_id', '=', user.id).executeTakeFirst(),
    ]);
    return {
      userId: user.id,
      username: user.username,
      displayName: user.display_name,
      roles: grantsToActorRoles(roles),
      deputyId: deputy?.id ?? null,
      via,
      sessionId,
      ip,
    };
  }

  /** Checks the password, counts failures and locks the account after too many. */
  async login(
    username: string,
    password: string,
    meta: RequestMeta,
  ): Promise<{ token: string; resolved: ResolvedSession }> {
    const policy = await this.settings.security();
    const user = await this.users.findByUsername(username);
    const now = this.clock.now();
    if (!user) {
      await burnVerification(password);
      throw authErrors.invalidCredentials(0);
    }
    if (user.locked_until && user.locked_until > now.toISOString()) {
      const minutes = Math.max(1, Math.ceil((Date.parse(user.locked_until) - now.getTime()) / 60_000));
      throw authErrors.locked(user.locked_until, minutes);
    }
    if (!(await verifyPassword(user.password_hash, password))) {
      const failures = await this.users.incrementFailures(user.id);
      if (failures >= policy.lockAfterFailures) {
        const until = new Date(now.getTime() + policy.lockMinutes * 60_000).toISOString();
        await this.db.transaction().execute(async (trx) => {
          await this.users.update(user.id, { locked_until: until, failed_attempts: 0 }, trx);
          await this.audit.record(trx, {
            actor: { userId: user.id, displayName: user.display_name, ip: meta.ip },
            action: 'auth.locked',
            targetType: 'user',
            targetId: user.id,
            after: { lockedUntil: until, failures },
          });
        });
        throw authErrors.locked(until, policy.lockMinutes);
      }
      throw authErrors.invalidCredentials(policy.lockAfterFailures - failures);
    }
    if (user.status !== 'active') throw authErrors.disabled();

    const actorPreview = await this.buildActor(user, 'session', null, meta.ip);
    const staff = actorPreview.roles.some((r) => staffRoles.includes(r.role));
    const stage = user.totp_enabled
      ? 'password'
      : policy.requireTotpForStaff && staff
        ? 'totp_setup'
        : 'full';
    const { secret, hash } = newSecret();
    const session: LoginSessionRow = {
      id: newId(),
      token_hash: hash,
      user_id: user.id,
      csrf_token: newSecret().secret,
      stage,
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + absoluteSessionHours * 3_600_000).toISOString(),
    };
    await this.db.transaction().execute(async (trx) => {
      await this.users.update(
        user.id,
        { failed_attempts: 0, locked_until: null, last_login_at: now.toISOString() },
        trx,
      );
      await this.auth.insertSession(session, trx);
      await this.audit.record(trx, {
        actor: { userId: user.id, displayName: user.display_name, ip: meta.ip },
        action: 'auth.login',
        targetType: 'user',
        targetId: user.id,
        after: { stage },
      });
    });
    return { token: secret, resolved: { actor: { ...actorPreview, sessionId: session.id }, session, user } };
  }

  /** Finds the session behind a cookie; ends it when idle or expired. */
  async resolveSession(token: string, ip: string | null): Promise<ResolvedSession | null> {
    const session = await this.auth.sessionByTokenHash(hashSecret(token));
    if (!session) return null;
    const now = this.clock.now();
    const policy = await this.settings.security();
    const idleLimit = Date.parse(session.last_seen_at) + policy.idleTimeoutMinutes * 60_000;
    if (session.expires_at <= now.toISOString() || idleLimit <= now.getTime()) {
      await this.auth.deleteSession(session.id);
      return null;
    }
    const found = await this.users.findWithDeputy(session.user_id);
    const user = found?.user;
    if (!found || !user || user.status !== 'active') {
      await this.auth.deleteSession(session.id);
      return null;
    }
    if (now.getTime() - Date.parse(session.last_seen_at) > touchIntervalMs) {
      await this.auth.touchSession(session.id, now.toISOString());
    }
    return {
      actor: await this.buildActor(user, 'session', session.id, ip, found.deputyId),
      session,
      user,
    };
  }

  /** Finds the user behind a personal API token (`Authorization: Bearer …`). */
  async resolveApiToken(token: string, ip: string | null): Promise<{ actor: Actor; user: UserRow } | null> {
    const row = await this.auth.tokenByHash(hashSecret(token));
    const now = this.clock.now().toISOString();
    if (!row || row.revoked_at || (row.expires_at && row.expires_at <= now)) return null;
    const found = await this.users.findWithDeputy(row.user_id);
    const user = found?.user;
    if (!found || !user || user.status !== 'active') return null;
    if (!row.last_used_at || Date.parse(now) - Date.parse(row.last_used_at) > touchIntervalMs) {
      await this.auth.touchToken(row.id, now);
    }
    return { actor: await this.buildActor(user, 'token', null, ip, found.deputyId), user };
  }

  async me(resolved: { actor: Actor; user: UserRow; session?: LoginSessionRow }): Promise<Me> {
    const policy = await this.settings.security();
    const roles = await this.users.rolesOf([resolved.user.id]);
    return {
      id: resolved.user.id,
      username: resolved.user.username,
      displayName: resolved.user.display_name,
      roles: roles.map((r) => ({
        id: r.id,
        role: r.role as Role,
        bodyId: r.body_id,
        bodyName: r.body_name,
        unitId: r.unit_id,
        unitName: r.unit_name,
        committeeId: r.committee_id,
      })),
      deputyId: resolved.actor.deputyId,
      mustChangePassword: resolved.user.must_change_password === 1,
      totpEnabled: resolved.user.totp_enabled === 1,
      stage: resolved.session ? (stageOf[resolved.session.stage] ?? 'complete') : 'complete',
      csrfToken: resolved.session?.csrf_token ?? null,
      locale: resolved.user.locale,
      idleTimeoutMinutes: policy.idleTimeoutMinutes,
    };
  }

  async logout(session: LoginSessionRow, actor: Actor): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await this.auth.deleteSession(session.id, trx);
      await this.audit.record(trx, {
        actor,
        action: 'auth.logout',
        targetType: 'user',
        targetId: actor.userId,
      });
    });
  }

  private totpValid(secret: string, code: string): Promise<boolean> {
    const epoch = Math.floor(this.clock.now().getTime() / 1000);
    return verifyTotpCode({ secret, token: code, epoch, epochTolerance: 30 }).then((r) => r.valid);
  }

  /** Second step of sign-in for users with TOTP enabled. */
  async verifySecondFactor(resolved: ResolvedSession, code: string): Promise<void> {
    const secret = resolved.user.totp_secret;
    if (resolved.session.stage !== 'password' || !secret) throw authErrors.secondFactorPending();
    if (!(await this.totpValid(secret, code))) {
      await this.audit.record(this.db, {
        actor: resolved.actor,
        action: 'auth.totp_failed',
        targetType: 'user',
        targetId: resolved.user.id,
      });
      throw authErrors.wrongTotp();
    }
    await this.db.transaction().execute(async (trx) => {
      await this.auth.setSessionStage(resolved.session.id, 'full', trx);
      await this.audit.record(trx, {
        actor: resolved.actor,
        action: 'auth.totp_passed',
        targetType: 'user',
        targetId: resolved.user.id,
      });
    });
  }

  /** Creates a new (not yet enabled) TOTP secret and returns it with its otpauth URL. */
  async beginTotpSetup(resolved: ResolvedSession): Promise<{ secret: string; otpauthUrl: string }> {
    if (resolved.session.stage === 'password') throw authErrors.secondFactorPending();
    const secret = generateSecret();
    await this.users.update(resolved.user.id, {
      totp_secret: secret,
      totp_enabled: 0,
      updated_at: this.clock.now().toISOString(),
    });
    return {
      secret,
      otpauthUrl: generateURI({ issuer: '民意 Minyi', label: resolved.user.username, secret }),
    };
  }

  async enableTotp(resolved: ResolvedSession, code: string): Promise<void> {
    const user = await this.users.findById(resolved.user.id);
    if (!user?.totp_secret || resolved.session.stage === 'password') throw authErrors.secondFactorPending();
    if (!(await this.totpValid(user.totp_secret, code))) throw authErrors.wrongTotp();
    await this.db.transaction().execute(async (trx) => {
      await this.users.update(user.id, { totp_enabled: 1, updated_at: this.clock.now().toISOString() }, trx);
      if (resolved.session.stage === 'totp_setup')
        await this.auth.setSessionStage(resolved.session.id, 'full', trx);
      await this.audit.record(trx, {
        actor: resolved.actor,
        action: 'auth.totp_enabled',
        targetType: 'user',
        targetId: user.id,
      });
    });
  }

  async disableTotp(resolved: ResolvedSession, password: string): Promise<void> {
    const policy = await this.settings.security();
    if (policy.requireTotpForStaff && resolved.actor.roles.some((r) => staffRoles.includes(r.role)))
      throw authErrors.totpRequiredByPolicy();
    if (!(await verifyPassword(resolved.user.password_hash, password)))
      throw authErrors.wrongCurrentPassword();
    await this.db.transaction().execute(async (trx) => {
      await this.users.update(
        resolved.user.id,
        { totp_enabled: 0, totp_secret: null, updated_at: this.clock.now().toISOString() },
        trx,
      );
      await this.audit.record(trx, {
        actor: resolved.actor,
        action: 'auth.totp_disabled',
        targetType: 'user',
        targetId: resolved.user.id,
      });
    });
  }

  /** Checks a new password against the policy; throws a validation error listing each rule broken. */
  async assertPasswordAcceptable(password: string, field = 'newPassword'): Promise<void> {
    const problems = passwordProblems(password, await this.settings.security());
    if (problems.length > 0) throw authErrors.weakPassword(problems, field);
  }

  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.users.findById(actor.userId);
    if (!user) throw notFound({ zh: '用户', en: 'User' }, actor.userId);
    if (!(await verifyPassword(user.password_hash, currentPassword))) throw authErrors.wrongCurrentPassword();
    await this.assertPasswordAcceptable(newPassword);
    if (await verifyPassword(user.password_hash, newPassword))
      throw authErrors.weakPassword([
        { zh: '新密码不能与当前密码相同', en: 'the new password must differ from the current one' },
      ]);
    const passwordHash = await hashPassword(newPassword);
    await this.db.transaction().execute(async (trx) => {
      await this.users.update(
        user.id,
        { password_hash: passwordHash, must_change_password: 0, updated_at: this.clock.now().toISOString() },
        trx,
      );
      await this.auth.deleteSessionsOfUser(user.id, actor.sessionId, trx);
      await this.audit.record(trx, {
        actor,
        action: 'auth.password_changed',
        targetType: 'user',
        targetId: user.id,
      });
    });
  }
}
