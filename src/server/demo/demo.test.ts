import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn } from '../testing/test-context.js';
import type { TestApp } from '../testing/test-context.js';
import { seedDemo, seedDemoIfEmpty } from './demo.seed.js';
import type { DemoSeedResult } from './demo.seed.js';
import { sessionSizes } from './demo.year.js';
import { ensureAdministrator } from '../platform/bootstrap.js';

let t: TestApp;
let result: DemoSeedResult;
const password = 'Demo-Minyi-2025';
// A November day: the current session is most of a year into its handling.
const today = '2026-11-20';

beforeAll(async () => {
  t = await createTestApp(new Date(`${today}T02:00:00Z`));
  result = await seedDemo(t.services);
});
afterAll(async () => t.close());

const db = () => t.handle.db;
// Signing in again and again trips the login rate limit: one session per account.
const sessions = new Map<string, Awaited<ReturnType<typeof signIn>>>();
async function as(username: string) {
  const known = sessions.get(username);
  if (known) return known;
  const client = await signIn(t.app, username, password);
  sessions.set(username, client);
  return client;
}

async function countyId(): Promise<string> {
  const row = await db()
    .selectFrom('bodies')
    .select('id')
    .where('level', '=', 'county')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** County suggestions of a status, newest session last. */
async function countyItems(status: string) {
  return db()
    .selectFrom('suggestions')
    .innerJoin('bodies', 'bodies.id', 'suggestions.body_id')
    .selectAll('suggestions')
    .where('bodies.level', '=', 'county')
    .where('suggestions.status', '=', status)
    .orderBy('suggestions.created_at')
    .orderBy('suggestions.id')
    .execute();
}

describe('demo county', () => {
  it('has the size the README promises', async () => {
    const count = async (table: 'bodies' | 'deputies' | 'deputy_seats' | 'units') =>
      Number(
        (
          await db()
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('bodies')).toBe(16);
    // 40 county units and three offices in each of three townships.
    expect(await count('units')).toBe(40 + 9);
    expect(await count('deputy_seats')).toBe(200 + 1500);
    // 60 county deputies also sit in their township's congress.
    expect(await count('deputies')).toBe(200 + 1500 - 60);
    expect(result.accounts.length).toBeGreaterThanOrEqual(12);
    expect(result.counts.suggestions).toBeGreaterThan(650);
    expect((await t.services.audit.verify()).ok).toBe(true);
  });

  it('lets every demo account sign in, and the administrator is created on the county', async () => {
    const bootstrap = await ensureAdministrator(t.services, 'Admin-Pass-2025');
    expect(bootstrap.createdAdmin).toBe(true);
    for (const account of [...result.accounts, { username: 'admin', password: 'Admin-Pass-2025' }]) {
      const client = await signIn(t.app, account.username, account.password);
      const me = (await client.request('GET', '/api/v1/auth/me')).json();
      expect(me.roles.length, account.username).toBeGreaterThan(0);
    }
  });

  it('has five county sessions: four handled and closed, the current one mostly closed', async () => {
    const rows = await db()
      .selectFrom('suggestions')
      .innerJoin('congress_sessions', 'congress_sessions.id', 'suggestions.session_id')
      .innerJoin('bodies', 'bodies.id', 'suggestions.body_id')
      .select(['congress_sessions.number', 'suggestions.status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('bodies.level', '=', 'county')
      .groupBy(['congress_sessions.number', 'suggestions.status'])
      .orderBy('congress_sessions.number')
      .execute();
    const n = (session: number, status: string) =>
      Number(rows.find((r) => r.number === session && r.status === status)?.n ?? 0);
    for (const session of [1, 2, 3, 4]) {
      expect(n(session, 'closed')).toBe(sessionSizes[session - 1]);
      expect(n(session, 'handling') + n(session, 'replied') + n(session, 'rehandling')).toBe(0);
    }
    const open = n(5, 'handling') + n(5, 'replied') + n(5, 'rehandling');
    expect(n(5, 'closed') + open).toBe(sessionSizes[4]);
    expect(n(5, 'replied')).toBeGreaterThanOrEqual(3);
    expect(n(5, 'rehandling')).toBeGreaterThanOrEqual(2);
    expect(n(5, 'handling')).toBeGreaterThanOrEqual(1);
  });

  it('is consistent: closed items were replied and rated or closed without feedback, B promises are on the ledger', async () => {
    const closed = await countyItems('closed');
    const replies = await db().selectFrom('replies').selectAll().execute();
    const ratings = await db().selectFrom('ratings').selectAll().execute();
    const signoffs = await db().selectFrom('reply_signoffs').selectAll().execute();
    const promises = await db().selectFrom('followup_promises').selectAll().execute();
    for (const s of closed) {
      expect(
        replies.some((r) => r.suggestion_id === s.id && r.status === 'sent'),
        s.title,
      ).toBe(true);
      const rated = ratings.some((r) => r.suggestion_id === s.id && r.round === s.handling_round);
      expect(rated || s.close_reason === 'no_feedback', s.id).toBe(true);
      expect(rated).toBe(s.close_reason !== 'no_feedback');
    }
    for (const reply of replies.filter((r) => r.status === 'sent')) {
      expect(signoffs.filter((s) => s.reply_id === reply.id).map((s) => s.step)).toEqual([0, 1, 2]);
      if (reply.outcome_class === 'B') expect(promises.some((p) => p.reply_id === reply.id)).toBe(true);
    }
    const outcomes = replies.filter((r) => r.status === 'sent' && r.round === 1);
    const share = (code: string) => outcomes.filter((r) => r.outcome_class === code).length / outcomes.length;
    expect(share('A')).toBeGreaterThan(0.35);
    expect(share('B')).toBeGreaterThan(0.25);
    expect(share('D')).toBeLessThan(0.1);
    for (const r of ratings.filter((x) => x.result === 'unsatisfied')) expect(r.reason).not.toBeNull();
    expect(closed.filter((s) => s.close_reason === 'no_feedback').length).toBeGreaterThan(0);
    expect(promises.some((p) => p.status === 'open' && p.entered_year < 2026)).toBe(true);
    expect(promises.some((p) => p.status === 'fulfilled')).toBe(true);
  });

  it('gives every demo account work: inboxes with days left, a reply to rate, records to sign', async () => {
    const handler = await as('edu_handler');
    const inbox = (
      await handler.request('GET', '/api/v1/assignments/inbox?status=handling&pageSize=50')
    ).json();
    expect(inbox.items.some((i: { replyDueOn: string }) => i.replyDueOn > today)).toBe(true);
    const pending = (await handler.request('GET', '/api/v1/assignments/inbox?status=pending_receipt')).json();
    expect(
      pending.items.some((i: { adjustmentWindowEndsOn: string }) => i.adjustmentWindowEndsOn >= today),
    ).toBe(true);
    const zjj = await as('zjj_handler');
    expect(
      (await zjj.request('GET', '/api/v1/assignments/inbox?status=handling')).json().total,
    ).toBeGreaterThan(0);

    const deputy = await as('deputy');
    const me = (await deputy.request('GET', '/api/v1/auth/me')).json();
    const toRate = (await countyItems('replied')).filter((s) => s.lead_deputy_id === me.deputyId);
    expect(toRate.length).toBeGreaterThan(0);
    const detail = (await deputy.request('GET', `/api/v1/suggestions/${toRate[0]?.id}`)).json();
    expect(detail.allowedActions).toContain('rate');

    // A reply letter waits for the education bureau's leader.
    const signing = await db()
      .selectFrom('replies')
      .innerJoin('units', 'units.id', 'replies.unit_id')
      .select(['replies.id', 'replies.sign_step'])
      .where('units.name', '=', '县教育局')
      .where('replies.status', '=', 'signing')
      .executeTakeFirstOrThrow();
    expect(signing.sign_step).toBe(2);

    const recordActions = async (username: string, status: string | null) => {
      const client = await as(username);
      const records = await db()
        .selectFrom('suggestions')
        .leftJoin('handling_records', 'handling_records.suggestion_id', 'suggestions.id')
        .select(['suggestions.id', 'handling_records.status', 'suggestions.lead_deputy_id as lead'])
        .where('suggestions.status', '=', 'closed')
        .orderBy('suggestions.id')
        .execute();
      const actions = new Set<string>();
      const me = (await client.request('GET', '/api/v1/auth/me')).json();
      const mine = (r: { lead: string }) => username !== 'deputy' || r.lead === me.deputyId;
      for (const r of records.filter((x) => x.status === status && mine(x))) {
        const response = await client.request('GET', `/api/v1/suggestions/${r.id}/record`);
        if (response.statusCode === 200)
          for (const a of response.json().allowedActions as string[]) actions.add(a);
      }
      return actions;
    };
    expect(await recordActions('deputy', null)).toContain('sign_deputy');
    expect(await recordActions('edu_leader', 'deputy_signed')).toContain('sign_unit');
    expect(await recordActions('leader', 'unit_signed')).toContain('sign_government');

    const leader = await as('leader');
    const board = (await leader.request('GET', '/api/v1/supervision/board')).json();
    expect(board.length).toBeGreaterThan(0);
  });

  it('serves the detail of items in every status to the office, with actions that fit', async () => {
    const office = await as('office');
    for (const status of [
      'accepted',
      'in_review',
      'handling',
      'replied',
      'rehandling',
      'closed',
      'rejected',
    ]) {
      const items = await countyItems(status);
      expect(items.length, status).toBeGreaterThan(0);
      for (const item of [items[0], items.at(-1)]) {
        const response = await office.request('GET', `/api/v1/suggestions/${item?.id}`);
        expect(response.statusCode, status).toBe(200);
        const detail = response.json();
        expect(detail.status).toBe(status);
        if (status === 'accepted') expect(detail.allowedActions).toContain('assign');
        if (status === 'closed') expect(detail.allowedActions).not.toContain('rate');
      }
    }
    const rectification = (
      await office.request('GET', `/api/v1/supervision/rectifications?bodyId=${await countyId()}`)
    ).json();
    expect(JSON.stringify(rectification)).toContain('县交通运输局');
  });

  it('is not seeded twice', async () => {
    expect(await seedDemoIfEmpty(t.services)).toBeNull();
    expect(await t.services.repositories.bodies.roots()).toHaveLength(1);
  });
});
