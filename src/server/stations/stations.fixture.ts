import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Services } from '../services.js';
import type { Actor } from '../auth/actor.js';
import type { Role } from '../../shared/schemas/roles.js';
import { factories, testPassword } from '../testing/factories.js';
import { signIn } from '../testing/test-context.js';
import type { Client } from '../testing/test-context.js';

/** The answer to a challenge question such as `7 + 3 = ?` or `12 - 5 = ?`. */
export function solve(question: string): number {
  const match = /^(\d+) ([+-]) (\d+)/.exec(question);
  if (!match) throw new Error(`unexpected question ${question}`);
  const [a, b] = [Number(match[1]), Number(match[3])];
  return match[2] === '+' ? a + b : a - b;
}

/** A PNG as far as magic bytes go (the signature), padded to `size` bytes. */
export function pngBytes(size = 64): Buffer {
  const data = Buffer.alloc(size, 0);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(data);
  return data;
}

let addressCounter = 10;
/** A fresh client address, so route burst limits of one test do not leak into the next. */
export function freshAddress(): string {
  addressCounter += 1;
  return `10.0.${Math.floor(addressCounter / 250)}.${addressCounter % 250}`;
}

/**
 * A county with a township, deputies at both levels (with accounts), office staff of each, a
 * unit with a handler, and one liaison station in the township with three deputies and a clerk.
 */
export async function stationCounty(services: Services, app: FastifyInstance) {
  const make = factories(services);
  const county = await make.body({ level: 'county', name: '测试县人民代表大会' });
  const township = await make.body({ level: 'township', parent: county, name: '测试镇人民代表大会' });
  const otherTownship = await make.body({ level: 'township', parent: county, name: '邻镇人民代表大会' });
  const countyTerm = await make.term({ body: county, number: 18 });
  const townTerm = await make.term({ body: township, number: 18 });
  const otherTerm = await make.term({ body: otherTownship, number: 18 });

  const account = async (role: 'office_staff' | 'admin' | 'collector', bodyId: string) => {
    const user = await make.user({ roles: [{ role, bodyId }] });
    return { user, client: await signIn(app, user.username, testPassword) };
  };
  const deputyWithAccount = async (term: typeof countyTerm, bodyId: string, name: string) => {
    const user = await make.user({ roles: [{ role: 'deputy', bodyId }] });
    const { deputy } = await make.deputy({ term, userId: user.id, name, phone: '13900001111' });
    return { deputy, user, client: await signIn(app, user.username, testPassword) };
  };

  const countyOffice = await account('office_staff', county.id);
  const townOffice = await account('office_staff', township.id);
  const otherOffice = await account('office_staff', otherTownship.id);
  const clerk = await account('collector', township.id);
  const countyDeputy = await deputyWithAccount(countyTerm, county.id, '县代表甲');
  const townDeputies = [
    await deputyWithAccount(townTerm, township.id, '镇代表一'),
    await deputyWithAccount(townTerm, township.id, '镇代表二'),
    await deputyWithAccount(townTerm, township.id, '镇代表三'),
  ];
  const otherDeputy = await deputyWithAccount(otherTerm, otherTownship.id, '邻镇代表');
  const unit = await make.unit({ body: county, name: '县交通运输局' });
  const unitUser = await make.user({ roles: [{ role: 'unit_handler', bodyId: county.id, unitId: unit.id }] });
  const unitClient = await signIn(app, unitUser.username, testPassword);

  const created = await townOffice.client.request('POST', '/api/v1/stations', {
    bodyId: township.id,
    name: '测试镇人大代表联络站',
    kind: 'station',
    level: 'township',
    address: '测试镇人民路 8 号',
    openingHours: '工作日 9:00-17:00',
    contactName: '站长',
    contactPhone: '0371-12345678',
  });
  if (created.statusCode !== 201) throw new Error(`station: ${created.body}`);
  const station = created.json() as { id: string; publicCode: string; version: number };
  const assigned = await townOffice.client.request('PUT', `/api/v1/stations/${station.id}/deputies`, {
    deputyIds: [...townDeputies.map((d) => d.deputy.id), countyDeputy.deputy.id],
  });
  if (assigned.statusCode !== 200) throw new Error(`deputies: ${assigned.body}`);
  await townOffice.client.request('PUT', `/api/v1/stations/${station.id}/staff`, {
    userIds: [clerk.user.id],
  });

  const codeOf = async (deputyId: string) =>
    await services.stationQr.ensureDeputyCode(await actorOfUser(services, countyOffice.user.id), deputyId);

  return {
    make,
    county,
    township,
    otherTownship,
    countyTerm,
    townTerm,
    countyOffice,
    townOffice,
    otherOffice,
    clerk,
    countyDeputy,
    townDeputies,
    otherDeputy,
    unit,
    unitUser,
    unitClient,
    station,
    codeOf,
  };
}

/** The actor of a user, as services see them (for calling services directly in tests). */
export async function actorOfUser(services: Services, userId: string): Promise<Actor> {
  const user = await services.repositories.users.findById(userId);
  if (!user) throw new Error(`no user ${userId}`);
  const [roles, deputy] = await Promise.all([
    services.repositories.users.rolesOf([userId]),
    services.handle.db.selectFrom('deputies').select('id').where('user_id', '=', userId).executeTakeFirst(),
  ]);
  return {
    userId,
    username: user.username,
    displayName: user.display_name,
    roles: roles.map((r) => ({
      role: r.role as Role,
      bodyId: r.body_id,
      bodyPath: r.body_path,
      unitId: r.unit_id,
      committeeId: r.committee_id,
    })),
    deputyId: deputy?.id ?? null,
    via: 'session',
    sessionId: null,
    ip: null,
  };
}

/** Leaves a message through the public API, answering the challenge. */
export async function leaveMessage(
  app: FastifyInstance,
  body: Record<string, unknown>,
  address = freshAddress(),
): Promise<LightMyRequestResponse> {
  const challenge = (
    await app.inject({ method: 'GET', url: '/api/v1/public/challenge', remoteAddress: address })
  ).json() as { token: string; question: string };
  return app.inject({
    method: 'POST',
    url: '/api/v1/public/messages',
    remoteAddress: address,
    payload: { challengeToken: challenge.token, challengeAnswer: solve(challenge.question), ...body },
  });
}

export type { Client };
