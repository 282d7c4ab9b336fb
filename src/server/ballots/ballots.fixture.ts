import crypto from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Services } from '../services.js';
import { newId } from '../platform/ids.js';
import { hashSecret } from '../auth/passwords.js';
import { factories, testPassword } from '../testing/factories.js';
import { signIn } from '../testing/test-context.js';
import type { Client } from '../testing/test-context.js';
import { DemoRepository } from '../demo/demo.repository.js';

/** A voter's own API client (a personal API token: no password hashing per voter). */
export interface VoterClient {
  deputyId: string;
  userId: string;
  request(method: 'GET' | 'POST', url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

/**
 * A county with a term, `deputies` deputies who each have an account and an API token, and an
 * office staff member. Thousands of voters are inserted in bulk, with tokens rather than
 * passwords, so a test of 3,000 voters spends its time voting, not hashing passwords.
 */
export async function ballotCounty(services: Services, app: FastifyInstance, options: { deputies: number }) {
  const make = factories(services);
  const body = await make.body({ level: 'county', name: '测试县人民代表大会' });
  const term = await make.term({ body, number: 18 });
  const at = services.clock.now().toISOString();
  const people = Array.from({ length: options.deputies }, (_, i) => {
    const userId = newId();
    const deputyId = newId();
    const token = `mny_${crypto.randomBytes(18).toString('base64url')}`;
    return { i, userId, deputyId, token };
  });
  const bulk = new DemoRepository(services.handle.db);
  await bulk.insertMany(
    'users',
    people.map((p) => ({
      id: p.userId,
      username: `voter_${p.i}_${p.userId.slice(-6)}`,
      display_name: `代表${p.i + 1}`,
      // No password: these accounts only use their API token.
      password_hash: '!',
      must_change_password: 0,
      failed_attempts: 0,
      locked_until: null,
      totp_secret: null,
      totp_enabled: 0,
      status: 'active',
      phone: null,
      email: null,
      locale: null,
      last_login_at: null,
      created_at: at,
      updated_at: at,
    })),
  );
  await bulk.insertMany(
    'user_roles',
    people.map((p) => ({
      id: newId(),
      user_id: p.userId,
      role: 'deputy',
      body_id: body.id,
      unit_id: null,
      committee_id: null,
      created_at: at,
    })),
  );
  await bulk.insertMany(
    'deputies',
    people.map((p) => ({
      id: p.deputyId,
      user_id: p.userId,
      name: `代表${p.i + 1}`,
      gender: p.i % 3 === 0 ? 'female' : 'male',
      ethnicity: '汉族',
      birth_year: 1970 + (p.i % 30),
      occupation: null,
      phone: null,
      email: null,
      address: null,
      photo_file_id: null,
      created_at: at,
      updated_at: at,
    })),
  );
  await bulk.insertMany(
    'deputy_seats',
    people.map((p) => ({
      id: newId(),
      deputy_id: p.deputyId,
      body_id: body.id,
      term_id: term.id,
      level: 'county',
      delegation_id: null,
      group_id: null,
      electoral_district: null,
      status: 'active',
      terminated_on: null,
      created_at: at,
      updated_at: at,
    })),
  );
  await bulk.insertMany(
    'api_tokens',
    people.map((p) => ({
      id: newId(),
      user_id: p.userId,
      name: 'test',
      token_hash: hashSecret(p.token),
      created_at: at,
      // Recently used: resolving the token then writes nothing.
      last_used_at: at,
      expires_at: null,
      revoked_at: null,
    })),
  );
  const voters: VoterClient[] = people.map((p) => ({
    deputyId: p.deputyId,
    userId: p.userId,
    request: (method, url, payload) =>
      app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${p.token}` },
        ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
      }),
  }));
  const staffAccount = await make.user({ roles: [{ role: 'office_staff', bodyId: body.id }] });
  const staff: Client = await signIn(app, staffAccount.username, testPassword);
  /** Signs the office staff member in again (after a test moves the clock past the session). */
  const staffAgain = () => signIn(app, staffAccount.username, testPassword);
  return { body, term, voters, staff, staffAgain, tokens: people.map((p) => p.token) };
}

/** Makes the first `count` deputies of the term its standing committee. */
export async function standingCommittee(
  services: Services,
  termId: string,
  bodyId: string,
  deputyIds: string[],
) {
  const at = services.clock.now().toISOString();
  await new DemoRepository(services.handle.db).insertMany(
    'standing_committee_members',
    deputyIds.map((deputyId, i) => ({
      id: newId(),
      body_id: bodyId,
      term_id: termId,
      deputy_id: deputyId,
      position: i === 0 ? '主任' : '委员',
      created_at: at,
    })),
  );
}
