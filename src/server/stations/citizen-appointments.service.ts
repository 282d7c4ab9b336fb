import type { Db } from '../db/database.js';
import type { AppointmentRow } from '../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../platform/clock.js';
import { shanghaiDate } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { notFound } from '../platform/errors.js';
import type { Locale } from '../http/locale.js';
import { constraintViolation } from '../db/dialect/constraint-errors.js';
import { plusDays } from '../calendar/calendar.dates.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { availability } from '../workflow/workflow.js';
import type {
  AppointmentStatus,
  CitizenAppointment,
  PublicAppointment,
  Slot,
} from '../../shared/schemas/appointments.js';
import { appointmentStatusLabels } from '../../shared/schemas/appointments.js';
import type { AppointmentsRepository } from './appointments.repository.js';
import type { AppointmentsService } from './appointments.service.js';
import type { RostersRepository } from './rosters.repository.js';
import type { StationsRepository } from './stations.repository.js';
import type { CitizenGuard } from './citizen.guard.js';
import type { StationTimeline } from './station-timeline.js';
import { citizenErrors, publicCodeNoun, trackingNoun } from './stations.errors.js';
import { randomCode, slotTimes } from './roster.rules.js';
import { appointmentWorkflow } from './appointment.workflow.js';
import { normaliseTracking } from './citizen-messages.service.js';

/** How far ahead citizens can book. */
const bookingHorizonDays = 60;

/** Booking a meeting with a deputy on a reception day (约见卡), without an account. */
export class CitizenAppointmentsService {
  constructor(
    private readonly db: Db,
    private readonly appointments: AppointmentsRepository,
    private readonly appointmentActions: AppointmentsService,
    private readonly rosters: RostersRepository,
    private readonly stations: StationsRepository,
    private readonly guard: CitizenGuard,
    private readonly timeline: StationTimeline,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private async deputyOf(code: string): Promise<{ id: string; name: string }> {
    const id = await this.stations.deputyIdByCode(code.toUpperCase());
    const name = id ? (await this.stations.deputyNames([id])).get(id) : undefined;
    if (!id || name === undefined) throw notFound(publicCodeNoun, code);
    return { id, name };
  }

  /** Free slots from tomorrow on: of one deputy, or of everyone on duty at one station. */
  async slots(query: { deputyCode?: string; stationCode?: string }): Promise<Slot[]> {
    const from = plusDays(shanghaiDate(this.clock.now()), 1);
    const to = plusDays(from, bookingHorizonDays);
    let duties: {
      deputy_id: string;
      reception_day_id: string;
      date: string;
      start_time: string;
      end_time: string;
      slot_minutes: number;
      station_name: string;
      station_id: string;
    }[];
    if (query.deputyCode) {
      const deputy = await this.deputyOf(query.deputyCode);
      duties = await this.rosters.dutiesOfDeputy(deputy.id, from, to);
    } else {
      const station = query.stationCode
        ? await this.stations.findByCode(query.stationCode.toUpperCase())
        : undefined;
      if (!station || station.active !== 1) throw notFound(publicCodeNoun, query.stationCode);
      const days = await this.rosters.daysOf([station.id], from, to);
      duties = (await this.rosters.dutiesOfDays(days.map((d) => d.id))).flatMap((duty) => {
        const day = days.find((d) => d.id === duty.reception_day_id);
        return day
          ? [
              {
                ...duty,
                start_time: day.start_time,
                end_time: day.end_time,
                slot_minutes: day.slot_minutes,
                station_name: station.name,
              },
            ]
          : [];
      });
    }
    const deputyIds = [...new Set(duties.map((d) => d.deputy_id))];
    const [booked, codes, names] = await Promise.all([
      this.appointments.bookedSlots(deputyIds, from, to),
      this.stations.deputyCodes(deputyIds),
      this.stations.deputyNames(deputyIds),
    ]);
    return duties
      .flatMap((duty) =>
        slotTimes(duty.start_time, duty.end_time, duty.slot_minutes)
          .filter((time) => !booked.has(`${duty.deputy_id}|${duty.date}|${time}`))
          .map((time) => ({
            receptionDayId: duty.reception_day_id,
            date: duty.date,
            startTime: time,
            stationName: duty.station_name,
            deputyCode: codes.get(duty.deputy_id) ?? '',
            deputyName: names.get(duty.deputy_id) ?? '',
          })),
      )
      .filter((slot) => slot.deputyCode !== '')
      .sort((a, b) => `${a.date}${a.startTime}`.localeCompare(`${b.date}${b.startTime}`));
  }

  async book(input: CitizenAppointment, clientAddress: string | null) {
    const deputy = await this.deputyOf(input.deputyCode);
    const day = await this.rosters.findDay(input.receptionDayId);
    const station = day ? (await this.stations.findViews([day.station_id]))[0] : undefined;
    if (!day || !station || !(await this.rosters.deputyOnDay(day.id, deputy.id)))
      throw citizenErrors.slotUnavailable();
    if (day.date <= shanghaiDate(this.clock.now())) throw citizenErrors.bookingTooLate();
    if (!slotTimes(day.start_time, day.end_time, day.slot_minutes).includes(input.startTime))
      throw citizenErrors.slotUnavailable();
    if (
      (await this.appointments.bookedSlots([deputy.id], day.date, day.date)).has(
        `${deputy.id}|${day.date}|${input.startTime}`,
      )
    )
      throw citizenErrors.slotUnavailable();
    this.guard.checkContent('matter', input.matter);
    if (input.name) this.guard.checkContent('name', input.name);
    const contactKey = await this.guard.keyOf('contact', input.contact);
    const addressKey = clientAddress ? await this.guard.keyOf('address', clientAddress) : null;
    await this.guard.enforceLimits(contactKey, addressKey);
    await this.guard.verifyChallenge(input.challengeToken, input.challengeAnswer);
    const at = this.clock.now().toISOString();
    const row: AppointmentRow = {
      id: newId(),
      tracking_code: `A${randomCode(11)}`,
      body_id: station.body_id,
      station_id: station.id,
      deputy_id: deputy.id,
      reception_day_id: day.id,
      date: day.date,
      start_time: input.startTime,
      proposed_date: null,
      proposed_time: null,
      visitor_name: input.name ?? null,
      visitor_contact: input.contact,
      contact_key: contactKey,
      address_key: addressKey,
      matter: input.matter,
      status: 'requested',
      deputy_note: null,
      reception_id: null,
      version: 0,
      created_at: at,
      updated_at: at,
    };
    try {
      await this.db.transaction().execute(async (trx) => {
        await this.appointments.insert(row, trx);
        await this.timeline.record(trx, null, 'appointment', row.id, {
          action: 'book',
          from: null,
          to: 'requested',
        });
        await this.audit.record(trx, {
          actor: null,
          action: 'appointment.citizen_book',
          targetType: 'appointment',
          targetId: row.id,
          bodyId: row.body_id,
          after: {
            deputyId: row.deputy_id,
            stationId: row.station_id,
            date: row.date,
            startTime: row.start_time,
          },
        });
        await this.notifications.notifyDeputies(trx, [deputy.id], {
          kind: 'appointment.booked',
          title: '群众预约见面',
          body: `${station.name} ${row.date} ${row.start_time}：${row.matter.slice(0, 60)}`,
          link: `/stations/appointments/${row.id}`,
        });
      });
    } catch (error) {
      // Two citizens took the same slot at once: the partial unique index let only one in.
      if (constraintViolation(error) === 'unique') throw citizenErrors.slotUnavailable();
      throw error;
    }
    return {
      trackingCode: row.tracking_code,
      date: row.date,
      startTime: row.start_time,
      stationName: station.name,
      deputyName: deputy.name,
    };
  }

  private async byTracking(code: string) {
    const row = await this.appointments.findByTracking(normaliseTracking(code));
    if (!row) throw notFound(trackingNoun);
    return row;
  }

  async track(code: string, locale: Locale = 'zh'): Promise<PublicAppointment> {
    const row = await this.byTracking(code);
    const status = row.status as AppointmentStatus;
    const actions = availability(appointmentWorkflow, {
      appointment: row,
      actor: null,
      citizen: true,
      staffStationIds: [],
      today: shanghaiDate(this.clock.now()),
    });
    return {
      trackingCode: row.tracking_code,
      deputyName: row.deputy_name,
      stationName: row.station_name,
      stationAddress: row.station_address,
      date: row.date,
      startTime: row.start_time,
      proposedDate: row.proposed_date,
      proposedTime: row.proposed_time,
      matter: row.matter,
      status,
      statusLabel: appointmentStatusLabels[status][locale],
      deputyNote: row.deputy_note,
      actions: actions.filter((a) => a.allowed).map((a) => a.action),
    };
  }

  async act(code: string, actionName: string, locale: Locale = 'zh'): Promise<PublicAppointment> {
    const row = await this.byTracking(code);
    await this.appointmentActions.performAsCitizen(row, actionName, {});
    return this.track(code, locale);
  }
}
