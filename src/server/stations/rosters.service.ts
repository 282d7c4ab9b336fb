import type { Db } from '../db/database.js';
import type { ReceptionDayRow } from '../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { requireCoversBody } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import { shanghaiDate } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import type { BodiesService } from '../organisations/bodies.service.js';
import type { CalendarService } from '../calendar/calendar.service.js';
import { plusDays, plusMonths } from '../calendar/calendar.dates.js';
import type { ReceptionDay } from '../../shared/schemas/stations.js';
import type { StationsRepository } from './stations.repository.js';
import type { DutyViewRow, RostersRepository } from './rosters.repository.js';
import type { SwapsRepository } from './swaps.repository.js';
import type { StationsService } from './stations.service.js';
import type { ReceptionRulesService } from './reception-rules.service.js';
import { stationWriters } from './stations.access.js';
import { rosterErrors } from './stations.errors.js';
import { defaultRule, receptionDates, rotationAvoiding, weekdayOf } from './roster.rules.js';

/** The reception days rules generate, and who of each station's deputies is on duty when. */
export class RostersService {
  constructor(
    private readonly db: Db,
    private readonly rosters: RostersRepository,
    private readonly swaps: SwapsRepository,
    private readonly stationsRepository: StationsRepository,
    private readonly stations: StationsService,
    private readonly bodies: BodiesService,
    private readonly rules: ReceptionRulesService,
    private readonly calendar: CalendarService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Generates the reception days of the body's stations from their rules on the working calendar
   * and rotates each station's deputies through them. Days that exist already are kept as they are.
   */
  async generate(actor: Actor, input: { bodyId: string; stationIds?: string[]; from: string; to: string }) {
    const body = await this.bodies.require(input.bodyId);
    requireCoversBody(actor, stationWriters, body.path);
    if (input.to < input.from) throw rosterErrors.rangeReversed();
    if (input.to > plusDays(plusMonths(input.from, 12), -1)) throw rosterErrors.rangeTooLong();
    const all = await this.stationsRepository.activeOfBody(body.id);
    const chosen = input.stationIds ? all.filter((s) => input.stationIds?.includes(s.id)) : all;
    const [rules, calendar, deputies] = await Promise.all([
      this.rules.effectiveRules(chosen, body),
      this.calendar.snapshot(),
      this.stationsRepository.deputiesOf(chosen.map((s) => s.id)),
    ]);
    const at = this.clock.now().toISOString();
    const skipped = chosen
      .filter((s) => !deputies.some((d) => d.station_id === s.id))
      .map((s) => ({ stationId: s.id, name: s.name }));
    const staffed = chosen.filter((s) => !skipped.some((k) => k.stationId === s.id));
    return this.db.transaction().execute(async (trx) => {
      const ids = staffed.map((s) => s.id);
      const existing = await this.rosters.existingDates(ids, input.from, input.to, trx);
      const counts = await this.rosters.dutyCountsBefore(ids, input.from, trx);
      const busy = await this.rosters.busyDays(
        deputies.map((d) => d.deputy_id),
        input.from,
        input.to,
        trx,
      );
      const days: ReceptionDayRow[] = [];
      const duties: {
        id: string;
        reception_day_id: string;
        station_id: string;
        deputy_id: string;
        date: string;
        version: number;
        created_at: string;
        updated_at: string;
      }[] = [];
      for (const station of staffed) {
        const rule = rules.get(station.id)?.rule ?? defaultRule;
        const order = deputies.filter((d) => d.station_id === station.id).map((d) => d.deputy_id);
        let position = counts.get(station.id) ?? 0;
        for (const date of receptionDates(rule, input.from, input.to, calendar)) {
          if (existing.has(`${station.id}|${date}`)) continue;
          const day = {
            id: newId(),
            station_id: station.id,
            date,
            start_time: rule.start_time,
            end_time: rule.end_time,
            source: 'rule',
            slot_minutes: rule.slot_minutes,
            created_at: at,
          };
          days.push(day);
          for (const deputyId of rotationAvoiding(order, position, rule.deputies_per_day, date, busy))
            duties.push({
              id: newId(),
              reception_day_id: day.id,
              station_id: station.id,
              deputy_id: deputyId,
              date,
              version: 0,
              created_at: at,
              updated_at: at,
            });
          position += rule.deputies_per_day;
        }
      }
      await this.rosters.insertDays(days, trx);
      await this.rosters.insertDuties(duties, trx);
      await this.audit.record(trx, {
        actor,
        action: 'roster.generate',
        targetType: 'body',
        targetId: body.id,
        bodyId: body.id,
        after: {
          from: input.from,
          to: input.to,
          stations: staffed.length,
          days: days.length,
          duties: duties.length,
        },
      });
      return { stations: staffed.length, days: days.length, duties: duties.length, skipped };
    });
  }

  /** A station's reception days with who is on duty (default: today and the next three months). */
  async stationRoster(actor: Actor, stationId: string, from?: string, to?: string): Promise<ReceptionDay[]> {
    const station = await this.stations.visible(actor, stationId);
    const start = from ?? shanghaiDate(this.clock.now());
    return this.daysWithDuties(
      [station.id],
      start,
      to ?? plusMonths(start, 3),
      new Map([[station.id, station.name]]),
    );
  }

  async daysWithDuties(
    stationIds: string[],
    from: string,
    to: string,
    names: Map<string, string>,
    limit?: number,
  ): Promise<
    (ReceptionDay & { duties: (ReceptionDay['duties'][number] & { deputyCode: string | null })[] })[]
  > {
    const days = await this.rosters.daysOf(stationIds, from, to, undefined, limit);
    const duties = await this.rosters.dutiesOfDays(days.map((d) => d.id));
    const byDay = new Map<string, DutyViewRow[]>();
    for (const duty of duties)
      byDay.set(duty.reception_day_id, [...(byDay.get(duty.reception_day_id) ?? []), duty]);
    return days.map((day) => ({
      id: day.id,
      stationId: day.station_id,
      stationName: names.get(day.station_id) ?? '',
      date: day.date,
      weekday: weekdayOf(day.date),
      startTime: day.start_time,
      endTime: day.end_time,
      source: day.source as 'rule' | 'manual',
      duties: (byDay.get(day.id) ?? []).map((d) => ({
        id: d.id,
        deputyId: d.deputy_id,
        deputyName: d.deputy_name,
        deputyCode: d.deputy_code,
        version: d.version,
      })),
    }));
  }

  /** Replaces who is on duty on one reception day (staff editing the rotation by hand). */
  async setDayDuties(actor: Actor, dayId: string, deputyIds: string[]) {
    const day = await this.rosters.findDay(dayId);
    if (!day) throw rosterErrors.staleDuty();
    const station = await this.stations.writable(actor, day.station_id);
    await this.requireOnStation(station.id, deputyIds, 'deputyIds');
    const before = await this.rosters.dutiesOfDays([dayId]);
    const at = this.clock.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await this.rosters.deleteDutiesOfDay(dayId, trx);
      await this.rosters.insertDuties(
        [...new Set(deputyIds)].map((deputyId) => ({
          id: newId(),
          reception_day_id: dayId,
          station_id: station.id,
          deputy_id: deputyId,
          date: day.date,
          version: 0,
          created_at: at,
          updated_at: at,
        })),
        trx,
      );
      await this.audit.record(trx, {
        actor,
        action: 'roster.day_duties',
        targetType: 'reception_day',
        targetId: dayId,
        bodyId: station.body_id,
        before: { deputyIds: before.map((d) => d.deputy_id) },
        after: { deputyIds },
      });
    });
    return this.stationRoster(actor, station.id, day.date, day.date);
  }

  /** Adds a reception day outside the rule (an extra day, e.g. before the session). */
  async addDay(
    actor: Actor,
    stationId: string,
    input: { date: string; startTime: string; endTime: string; deputyIds: string[] },
  ) {
    const station = await this.stations.writable(actor, stationId);
    await this.requireOnStation(station.id, input.deputyIds, 'deputyIds');
    const rule =
      (await this.rules.effectiveRules([station], { id: station.body_id, path: station.body_path })).get(
        station.id,
      )?.rule ?? defaultRule;
    const at = this.clock.now().toISOString();
    const id = newId();
    await this.db.transaction().execute(async (trx) => {
      if ((await this.rosters.existingDates([station.id], input.date, input.date, trx)).size > 0)
        throw rosterErrors.dayExists();
      await this.rosters.insertDays(
        [
          {
            id,
            station_id: station.id,
            date: input.date,
            start_time: input.startTime,
            end_time: input.endTime,
            source: 'manual',
            slot_minutes: rule.slot_minutes,
            created_at: at,
          },
        ],
        trx,
      );
      await this.rosters.insertDuties(
        [...new Set(input.deputyIds)].map((deputyId) => ({
          id: newId(),
          reception_day_id: id,
          station_id: station.id,
          deputy_id: deputyId,
          date: input.date,
          version: 0,
          created_at: at,
          updated_at: at,
        })),
        trx,
      );
      await this.audit.record(trx, {
        actor,
        action: 'roster.add_day',
        targetType: 'reception_day',
        targetId: id,
        bodyId: station.body_id,
        after: input,
      });
    });
    return this.stationRoster(actor, station.id, input.date, input.date);
  }

  /** The signed-in deputy's duties from today on (or in the range), with pending swap requests. */
  async myDuties(actor: Actor, from?: string, to?: string) {
    if (!actor.deputyId) return [];
    const start = from ?? shanghaiDate(this.clock.now());
    const duties = await this.rosters.dutiesOfDeputy(actor.deputyId, start, to ?? plusMonths(start, 12));
    const pending = await this.swaps.pendingSwapOfDuties(duties.map((d) => d.id));
    return duties.map((d) => ({
      id: d.id,
      date: d.date,
      startTime: d.start_time,
      endTime: d.end_time,
      stationId: d.station_id,
      stationName: d.station_name,
      stationAddress: d.station_address,
      version: d.version,
      pendingSwapId: pending.get(d.id) ?? null,
    }));
  }

  private async requireOnStation(stationId: string, deputyIds: string[], field: string) {
    const members = new Set((await this.stationsRepository.deputiesOf([stationId])).map((d) => d.deputy_id));
    if (deputyIds.some((id) => !members.has(id))) throw rosterErrors.notOnStation(field);
  }
}
