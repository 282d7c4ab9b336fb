import { henanDefaults } from '../../shared/schemas/settings.js';
import type { RuleProfile } from '../../shared/schemas/settings.js';
import { newId } from '../platform/ids.js';
import { testPassword } from '../testing/factories.js';
import type { Client, TestApp } from '../testing/test-context.js';
import { laterAssignmentColumns } from '../suggestions/row-defaults.js';
import { suggestionCounty } from '../suggestions/suggestions.fixture.js';

type Role = 'lead' | 'co' | 'separate';
type Rating = 'satisfied' | 'basically_satisfied' | 'unsatisfied';

function ok(response: { statusCode: number; body: string }, what: string, expected = 200) {
  if (response.statusCode !== expected) throw new Error(`${what}: ${response.statusCode} ${response.body}`);
}

/**
 * The county of the suggestion tests plus the steps of `handling.journey.test.ts` as helpers:
 * assign, send a reply through the whole sign-off chain, rate; and closed, rated items written
 * straight into the tables for the satisfaction counts.
 */
export async function oversightCounty(t: TestApp) {
  const county = await suggestionCounty(t.services, t.app);
  const db = t.services.handle.db;

  const sessions = new Map<string, { client: Client; usedAt: number }>();
  /**
   * A signed-in client. Signs in through the service, not the rate-limited login route, and again
   * once the test clock has moved past the idle timeout (tests move it by days and months).
   */
  async function userClient(username: string): Promise<Client> {
    const now = t.clock.now().getTime();
    const cached = sessions.get(username);
    if (cached && now >= cached.usedAt && now - cached.usedAt < 20 * 60_000) {
      cached.usedAt = now;
      return cached.client;
    }
    const { token, resolved } = await t.services.auth.login(username, testPassword, {
      ip: '127.0.0.1',
      userAgent: null,
    });
    const csrfToken = (await t.services.auth.me(resolved)).csrfToken ?? '';
    const cookie = `minyi_session=${token}`;
    const client: Client = {
      cookie,
      csrfToken,
      request: (method, url, body, headers = {}) =>
        t.app.inject({
          method,
          url,
          headers: { cookie, 'x-csrf-token': csrfToken, ...headers },
          ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
        }),
    };
    sessions.set(username, { client, usedAt: now });
    return client;
  }

  async function unitUser(
    role: 'unit_handler' | 'unit_leader',
    unitId: string,
    name: string,
  ): Promise<Client> {
    const username = `${name}_${unitId.slice(-6)}`.toLowerCase();
    if (!(await t.services.users.findByUsername(username)))
      await county.make.user({ username, roles: [{ role, bodyId: county.body.id, unitId }] });
    return userClient(username);
  }

  /** One account per staff role of the county (the office, the supervision office, a leader). */
  async function staff(role: 'office_staff' | 'supervision_office' | 'leader' | 'committee_staff') {
    const username = `${role}_${county.body.id.slice(-6)}`.toLowerCase();
    if (!(await t.services.users.findByUsername(username)))
      await county.make.user({ username, roles: [{ role, bodyId: county.body.id }] });
    return userClient(username);
  }

  async function assign(itemId: string, units: { unitId: string; role: Role }[], assignedOn?: string) {
    const office = await staff('office_staff');
    const response = await office.request('POST', `/api/v1/suggestions/${itemId}/actions/assign`, {
      ...(assignedOn ? { assignedOn } : {}),
      units,
    });
    ok(response, 'assign');
    return (response.json() as { assignments: { id: string; unitId: string; role: Role }[] }).assignments;
  }

  /** Receives (unless re-handling), drafts and signs a reply through handler → head → leader. */
  async function sendReply(
    assignmentId: string,
    unitId: string,
    outcomeClass: string,
    body: string,
    options: { receive?: boolean; documentNo?: string } = {},
  ): Promise<string> {
    const handler = await unitUser('unit_handler', unitId, 'handler');
    if (options.receive ?? true)
      ok(await handler.request('POST', `/api/v1/assignments/${assignmentId}/actions/receive`, {}), 'receive');
    const draft = await handler.request('PUT', `/api/v1/assignments/${assignmentId}/reply`, {
      outcomeClass,
      documentNo: options.documentNo ?? `县函〔2025〕${Math.floor(Math.random() * 900) + 100}号`,
      body,
    });
    ok(draft, 'draft');
    const replyId = (draft.json() as { id: string }).id;
    const signers = [
      handler,
      await unitUser('unit_handler', unitId, 'head'),
      await unitUser('unit_leader', unitId, 'leader'),
    ];
    for (const signer of signers)
      ok(await signer.request('POST', `/api/v1/replies/${replyId}/sign`, {}), 'sign');
    return replyId;
  }

  /** The lead deputy (deputy 0) rates the reply. */
  async function rate(itemId: string, result: Rating, reason?: string) {
    const deputy = await userClient(county.deputies[0]?.username ?? '');
    const response = await deputy.request('POST', `/api/v1/suggestions/${itemId}/actions/rate`, {
      attitude: 'satisfied',
      result,
      ...(reason ? { reason } : {}),
    });
    ok(response, 'rate');
    return response.json() as { status: string };
  }

  /** A closed item straight in the tables: one lead unit, and the lead rating unless no feedback. */
  async function closedItem(
    unitId: string,
    result: Rating | 'no_feedback',
    closedAt: string,
    role: Role = 'lead',
  ): Promise<string> {
    const item = await county.acceptedItem(`关于满意率统计的建议${newId().slice(-6)}`);
    const at = t.clock.now().toISOString();
    await db
      .updateTable('suggestions')
      .set({
        status: 'closed',
        closed_at: closedAt,
        close_reason: result === 'no_feedback' ? 'no_feedback' : 'rated',
        assigned_at: at,
        replied_at: at,
      })
      .where('id', '=', item.id)
      .execute();
    await db
      .insertInto('assignments')
      .values({
        id: newId(),
        suggestion_id: item.id,
        unit_id: unitId,
        role,
        status: 'replied',
        batch_id: null,
        assigned_on: '2025-03-20',
        reply_due_on: '2025-06-20',
        co_opinion_due_on: null,
        adjustment_window_ends_on: '2025-04-03',
        received_at: at,
        adjustment_reason: null,
        adjustment_requested_at: null,
        adjustment_decision: null,
        adjustment_note: null,
        adjustment_decided_at: null,
        replaced_by_id: null,
        version: 0,
        created_at: at,
        updated_at: at,
        ...laterAssignmentColumns,
      })
      .execute();
    if (result !== 'no_feedback')
      await db
        .insertInto('ratings')
        .values({
          id: newId(),
          suggestion_id: item.id,
          round: 1,
          deputy_id: county.deputies[0]?.id ?? '',
          is_lead: 1,
          attitude: 'satisfied',
          result,
          reason: result === 'unsatisfied' ? '答复没有解决实际问题。' : null,
          created_at: closedAt,
        })
        .execute();
    return item.id;
  }

  /** Changes settings of the county's rule profile (Henan defaults otherwise). */
  async function setProfile(changes: Partial<RuleProfile>) {
    await t.services.repositories.settings.putProfile(
      county.body.id,
      JSON.stringify({ ...henanDefaults, ...changes }),
      t.clock.now().toISOString(),
    );
  }

  return { ...county, staff, unitUser, userClient, assign, sendReply, rate, closedItem, setProfile };
}

/** Moves the test clock to 10:00 Beijing time of a day. */
export function setDay(t: TestApp, day: string) {
  t.clock.set(new Date(`${day}T02:00:00Z`));
}
