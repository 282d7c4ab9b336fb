import type { Db } from '../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { scopePaths } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import { shanghaiDate } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { forbidden, notFound } from '../platform/errors.js';
import type { Locale } from '../http/locale.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { availability, check, staleTransition } from '../workflow/workflow.js';
import type { Swap, SwapStatus } from '../../shared/schemas/stations.js';
import type { RostersRepository } from './rosters.repository.js';
import type { SwapViewRow, SwapsRepository } from './swaps.repository.js';
import type { StationsRepository } from './stations.repository.js';
import { stationWriters } from './stations.access.js';
import { dutyNoun, rosterErrors, swapNoun } from './stations.errors.js';
import type { StationTimeline } from './station-timeline.js';
import { swapWorkflow } from './swap.workflow.js';
import type { SwapContext } from './swap.workflow.js';

/** Deputies swap reception duties with approval: request, approve or reject, withdraw. */
export class RosterSwapsService {
  constructor(
    private readonly db: Db,
    private readonly rosters: RostersRepository,
    private readonly swaps: SwapsRepository,
    private readonly stations: StationsRepository,
    private readonly timeline: StationTimeline,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The on-duty deputy asks another deputy of the station to take the duty (or to exchange). */
  async request(
    actor: Actor,
    dutyId: string,
    input: { replacementDeputyId: string; exchangeDutyId?: string | null; reason: string },
    locale: Locale = 'zh',
  ): Promise<Swap> {
    const duty = await this.rosters.findDuty(dutyId);
    if (!duty || !actor.deputyId || duty.deputy_id !== actor.deputyId) throw notFound(dutyNoun, dutyId);
    const today = shanghaiDate(this.clock.now());
    if (duty.date <= today) throw rosterErrors.swapPast();
    const members = new Set((await this.stations.deputiesOf([duty.station_id])).map((d) => d.deputy_id));
    if (!members.has(input.replacementDeputyId) || input.replacementDeputyId === actor.deputyId)
      throw rosterErrors.notOnStation('replacementDeputyId');
    if (await this.rosters.deputyOnDay(duty.reception_day_id, input.replacementDeputyId))
      throw rosterErrors.dutyTaken();
    if (input.exchangeDutyId) {
      const exchange = await this.rosters.findDuty(input.exchangeDutyId);
      if (
        !exchange ||
        exchange.deputy_id !== input.replacementDeputyId ||
        exchange.station_id !== duty.station_id ||
        exchange.date <= today ||
        (await this.rosters.deputyOnDay(exchange.reception_day_id, actor.deputyId))
      )
        throw rosterErrors.swapExchangeInvalid();
    }
    const staff = await this.stations.staffOf([duty.station_id]);
    const at = this.clock.now().toISOString();
    const row = {
      id: newId(),
      duty_id: duty.id,
      station_id: duty.station_id,
      requester_deputy_id: actor.deputyId,
      replacement_deputy_id: input.replacementDeputyId,
      exchange_duty_id: input.exchangeDutyId ?? null,
      reason: input.reason,
      status: 'requested',
      decision_note: null,
      decided_by: null,
      decided_at: null,
      version: 0,
      created_at: at,
      updated_at: at,
    };
    await this.db.transaction().execute(async (trx) => {
      await this.swaps.insertSwap(row, trx);
      await this.timeline.record(trx, actor, 'swap', row.id, {
        action: 'request',
        from: null,
        to: 'requested',
        note: input.reason,
      });
      await this.audit.record(trx, {
        actor,
        action: 'roster_swap.request',
        targetType: 'roster_swap',
        targetId: row.id,
        bodyId: duty.station_body_id,
        after: row,
      });
      const note = {
        kind: 'station.swap_requested',
        title: '代表调班申请',
        body: `${duty.station_name} ${duty.date} 的接待值班申请调班：${input.reason}`,
        link: '/stations/duties',
      };
      await this.notifications.notifyUsers(
        trx,
        staff.map((s) => s.user_id),
        note,
      );
      await this.notifications.notifyDeputies(trx, [input.replacementDeputyId], note);
    });
    return this.get(actor, row.id, locale);
  }

  private async context(actor: Actor, swap: SwapViewRow): Promise<SwapContext> {
    return { swap, actor, staffStationIds: await this.stations.stationIdsOfStaff(actor.userId) };
  }

  private async visible(actor: Actor, id: string): Promise<SwapContext> {
    const swap = await this.swaps.findSwap(id);
    if (!swap) throw notFound(swapNoun, id);
    const context = await this.context(actor, swap);
    const sees =
      scopePaths(actor, stationWriters).some((p) => swap.body_path.startsWith(p)) ||
      context.staffStationIds.includes(swap.station_id) ||
      (actor.deputyId !== null &&
        (swap.requester_deputy_id === actor.deputyId || swap.replacement_deputy_id === actor.deputyId));
    if (!sees) throw notFound(swapNoun, id);
    return context;
  }

  async get(actor: Actor, id: string, locale: Locale = 'zh'): Promise<Swap> {
    const context = await this.visible(actor, id);
    const [view] = await this.views(actor, context.staffStationIds, [context.swap], locale);
    if (!view) throw notFound(swapNoun, id);
    return view;
  }

  async list(actor: Actor, query: { status?: SwapStatus; stationId?: string }, locale: Locale = 'zh') {
    const staffStationIds = await this.stations.stationIdsOfStaff(actor.userId);
    const pathPrefixes = scopePaths(actor, stationWriters);
    if (pathPrefixes.length === 0 && staffStationIds.length === 0 && !actor.deputyId)
      throw forbidden({ zh: '您的角色无权查看调班申请。', en: 'Your role may not read swaps.' });
    const rows = await this.swaps.listSwaps({
      pathPrefixes,
      stationIds: staffStationIds,
      deputyId: actor.deputyId,
      ...query,
    });
    return this.views(actor, staffStationIds, rows, locale, false);
  }

  private async views(
    actor: Actor,
    staffStationIds: string[],
    rows: SwapViewRow[],
    locale: Locale,
    withTimeline = true,
  ): Promise<Swap[]> {
    const names = await this.stations.deputyNames(
      rows.flatMap((r) => [r.requester_deputy_id, r.replacement_deputy_id]),
    );
    return Promise.all(
      rows.map(async (row) => ({
        id: row.id,
        stationId: row.station_id,
        stationName: row.station_name,
        dutyId: row.duty_id,
        date: row.date,
        requesterDeputyId: row.requester_deputy_id,
        requesterName: names.get(row.requester_deputy_id) ?? '',
        replacementDeputyId: row.replacement_deputy_id,
        replacementName: names.get(row.replacement_deputy_id) ?? '',
        exchangeDutyId: row.exchange_duty_id,
        exchangeDate: row.exchange_date,
        reason: row.reason,
        status: row.status as SwapStatus,
        decisionNote: row.decision_note,
        decidedAt: row.decided_at,
        version: row.version,
        createdAt: row.created_at,
        actions: availability(swapWorkflow, { actor, staffStationIds, swap: row }).map((a) => ({
          action: a.action,
          label: a.label[locale],
          allowed: a.allowed,
          reason: a.reason?.[locale] ?? null,
        })),
        timeline: withTimeline ? await this.timeline.view('swap', row.id) : [],
      })),
    );
  }

  /** Runs an action of the swap workflow; approving moves the duties in the same transaction. */
  async perform(actor: Actor, id: string, actionName: string, rawInput: unknown, locale: Locale = 'zh') {
    const context = await this.visible(actor, id);
    const { input, from, to } = check(swapWorkflow, actionName, context, rawInput);
    const swap = context.swap;
    const note = (input as { note?: string }).note ?? null;
    const [duty, exchange] = await Promise.all([
      this.rosters.findDuty(swap.duty_id),
      swap.exchange_duty_id ? this.rosters.findDuty(swap.exchange_duty_id) : Promise.resolve(undefined),
    ]);
    const at = this.clock.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      const changes = { decision_note: note, decided_by: actor.userId, decided_at: at, updated_at: at };
      if (
        !(await this.swaps.transitionSwap(swap.id, { status: from, version: swap.version }, to, changes, trx))
      )
        throw staleTransition(swapWorkflow.name);
      if (actionName === 'approve') {
        // The duties must still be as requested: someone may have edited the day since.
        if (!duty || duty.deputy_id !== swap.requester_deputy_id) throw rosterErrors.staleDuty();
        if (!(await this.rosters.moveDuty(duty.id, duty.version, swap.replacement_deputy_id, at, trx)))
          throw rosterErrors.staleDuty();
        if (swap.exchange_duty_id) {
          if (!exchange || exchange.deputy_id !== swap.replacement_deputy_id) throw rosterErrors.staleDuty();
          if (
            !(await this.rosters.moveDuty(exchange.id, exchange.version, swap.requester_deputy_id, at, trx))
          )
            throw rosterErrors.staleDuty();
        }
      }
      await this.timeline.record(trx, actor, 'swap', swap.id, { action: actionName, from, to, note });
      await this.audit.record(trx, {
        actor,
        action: `roster_swap.${actionName}`,
        targetType: 'roster_swap',
        targetId: swap.id,
        bodyId: swap.body_id,
        before: { status: from },
        after: { status: to, ...changes },
      });
      if (actionName !== 'withdraw')
        await this.notifications.notifyDeputies(trx, [swap.requester_deputy_id, swap.replacement_deputy_id], {
          kind: `station.swap_${to}`,
          title: to === 'approved' ? '调班申请已同意' : '调班申请未同意',
          body: `${swap.station_name} ${swap.date} 的接待值班调班申请${to === 'approved' ? '已同意' : `未同意：${note ?? ''}`}`,
          link: '/stations/duties',
        });
    });
    return this.get(actor, id, locale);
  }
}
