import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { AppointmentRow, ReceptionRow } from '../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import { shanghaiDate } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { notFound } from '../platform/errors.js';
import type { Locale } from '../http/locale.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { availability, check, staleTransition } from '../workflow/workflow.js';
import type { Appointment, AppointmentStatus } from '../../shared/schemas/appointments.js';
import type { AppointmentViewRow, AppointmentsRepository } from './appointments.repository.js';
import type { ReceptionsRepository } from './receptions.repository.js';
import type { StationsRepository } from './stations.repository.js';
import { isEmptyReceptionScope, receptionScope } from './stations.access.js';
import { appointmentNoun, receptionErrors } from './stations.errors.js';
import type { StationTimeline } from './station-timeline.js';
import { appointmentWorkflow } from './appointment.workflow.js';
import type { AppointmentContext } from './appointment.workflow.js';

/** Citizen appointments as deputies and station staff see and handle them; citizens act too. */
export class AppointmentsService {
  constructor(
    private readonly db: Db,
    private readonly appointments: AppointmentsRepository,
    private readonly receptions: ReceptionsRepository,
    private readonly stations: StationsRepository,
    private readonly timeline: StationTimeline,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private async context(
    actor: Actor | null,
    row: AppointmentViewRow,
    citizen: boolean,
  ): Promise<AppointmentContext> {
    return {
      appointment: row,
      actor,
      citizen,
      staffStationIds: actor ? await this.stations.stationIdsOfStaff(actor.userId) : [],
      today: shanghaiDate(this.clock.now()),
    };
  }

  async visible(actor: Actor, id: string): Promise<AppointmentContext> {
    const row = await this.appointments.findView(id);
    if (!row) throw notFound(appointmentNoun, id);
    const context = await this.context(actor, row, false);
    const scope = receptionScope(actor, context.staffStationIds);
    const sees =
      scope.bodyPaths.some((p) => row.body_path.startsWith(p)) ||
      scope.deputyId === row.deputy_id ||
      scope.stationIds.includes(row.station_id);
    if (!sees) throw notFound(appointmentNoun, id);
    return context;
  }

  async get(actor: Actor, id: string, locale: Locale = 'zh'): Promise<Appointment> {
    const context = await this.visible(actor, id);
    return {
      ...toAppointment(context.appointment),
      actions: availability(appointmentWorkflow, context).map((a) => ({
        action: a.action,
        label: a.label[locale],
        allowed: a.allowed,
        reason: a.reason?.[locale] ?? null,
      })),
      timeline: await this.timeline.view('appointment', id),
    };
  }

  async list(
    actor: Actor,
    query: {
      page: number;
      pageSize: number;
      view: 'all' | 'mine';
      status?: AppointmentStatus;
      stationId?: string;
      from?: string;
    },
  ) {
    const scope = receptionScope(actor, await this.stations.stationIdsOfStaff(actor.userId));
    scope.unitIds = [];
    if (isEmptyReceptionScope(scope)) throw receptionErrors.notRecorder();
    const { page, pageSize, view, ...filter } = query;
    const result = await this.appointments.list(
      { scope, mineDeputyId: view === 'mine' ? (actor.deputyId ?? '-') : undefined, ...filter },
      page,
      pageSize,
    );
    return { items: result.items.map(toAppointment), total: result.total, page, pageSize };
  }

  async perform(actor: Actor, id: string, actionName: string, rawInput: unknown, locale: Locale = 'zh') {
    const context = await this.visible(actor, id);
    await this.run(context, actionName, rawInput);
    return this.get(actor, id, locale);
  }

  /** A citizen's action with the tracking code (confirm a proposed time, cancel). */
  async performAsCitizen(row: AppointmentViewRow, actionName: string, rawInput: unknown): Promise<void> {
    await this.run(await this.context(null, row, true), actionName, rawInput);
  }

  private async run(context: AppointmentContext, actionName: string, rawInput: unknown): Promise<void> {
    const { input, from, to } = check(appointmentWorkflow, actionName, context, rawInput);
    const values = input as {
      note?: string;
      reason?: string;
      date?: string;
      startTime?: string;
      summary?: string;
    };
    const row = context.appointment;
    const at = this.clock.now().toISOString();
    let changes: Partial<AppointmentRow> = { updated_at: at };
    let note: string | null = values.note ?? values.reason ?? null;
    if (actionName === 'accept' && values.note) changes.deputy_note = values.note;
    if (actionName === 'propose')
      changes = {
        ...changes,
        proposed_date: values.date ?? null,
        proposed_time: values.startTime ?? null,
        deputy_note: values.note ?? null,
      };
    if (actionName === 'decline') changes.deputy_note = values.reason ?? null;
    if (actionName === 'confirm')
      changes = {
        ...changes,
        date: row.proposed_date ?? row.date,
        start_time: row.proposed_time ?? row.start_time,
        proposed_date: null,
        proposed_time: null,
      };
    const reception =
      actionName === 'hold' ? this.receptionOf(row, context.actor, values.summary ?? null, at) : null;
    if (reception) {
      changes.reception_id = reception.id;
      note = values.summary ?? null;
    }
    await this.db.transaction().execute(async (trx) => {
      if (reception) await this.receptions.insert(reception, trx);
      if (
        !(await this.appointments.transition(
          row.id,
          { status: from, version: row.version },
          to,
          changes,
          trx,
        ))
      )
        throw staleTransition(appointmentWorkflow.name);
      await this.timeline.record(trx, context.actor, 'appointment', row.id, {
        action: actionName,
        from,
        to,
        note,
      });
      await this.audit.record(trx, {
        actor: context.actor,
        action: `appointment.${actionName}`,
        targetType: 'appointment',
        targetId: row.id,
        bodyId: row.body_id,
        before: { status: from },
        after: { status: to, ...changes },
      });
      await this.effects(trx, context, actionName, reception);
    });
  }

  private async effects(
    trx: Executor,
    context: AppointmentContext,
    actionName: string,
    reception: ReceptionRow | null,
  ) {
    const row = context.appointment;
    if (reception) {
      await this.timeline.record(trx, context.actor, 'reception', reception.id, {
        action: 'record',
        from: null,
        to: 'open',
        note: '由群众约见转入',
      });
      await this.timeline.duty(trx, {
        deputyId: row.deputy_id,
        bodyId: row.body_id,
        kind: 'appointment',
        sourceType: 'appointment',
        sourceId: row.id,
      });
    }
    if (context.citizen)
      await this.notifications.notifyDeputies(trx, [row.deputy_id], {
        kind: `appointment.citizen_${actionName}`,
        title: actionName === 'confirm' ? '群众同意了新的约见时间' : '群众取消了约见',
        body: `${row.station_name} ${row.proposed_date ?? row.date}：${row.matter.slice(0, 60)}`,
        link: `/stations/appointments/${row.id}`,
      });
  }

  /** The reception record a held meeting becomes, so its outcome follows the reception workflow. */
  private receptionOf(
    row: AppointmentViewRow,
    actor: Actor | null,
    summary: string | null,
    at: string,
  ): ReceptionRow {
    return {
      id: newId(),
      // The same code: the citizen follows the meeting's outcome with the code they already have.
      tracking_code: row.tracking_code,
      channel: 'appointment',
      body_id: row.body_id,
      station_id: row.station_id,
      deputy_id: row.deputy_id,
      escalated_to_deputy_id: null,
      visitor_name: row.visitor_name,
      visitor_contact: row.visitor_contact,
      contact_key: null,
      address_key: null,
      category: 'other',
      matter: summary ? `${row.matter}\n\n【见面情况】${summary}` : row.matter,
      received_on: row.date,
      status: 'open',
      outcome: null,
      answer: null,
      answered_at: null,
      answered_by_name: null,
      response_minutes: null,
      referred_unit_id: null,
      referral_note: null,
      referral_answer: null,
      referral_answered_at: null,
      suggestion_id: null,
      appointment_id: row.id,
      recorded_by: actor?.userId ?? null,
      version: 0,
      created_at: at,
      updated_at: at,
    };
  }
}

export function toAppointment(row: AppointmentViewRow): Omit<Appointment, 'actions' | 'timeline'> {
  return {
    id: row.id,
    trackingCode: row.tracking_code,
    stationId: row.station_id,
    stationName: row.station_name,
    deputyId: row.deputy_id,
    deputyName: row.deputy_name,
    date: row.date,
    startTime: row.start_time,
    proposedDate: row.proposed_date,
    proposedTime: row.proposed_time,
    visitorName: row.visitor_name,
    visitorContact: row.visitor_contact,
    matter: row.matter,
    status: row.status as AppointmentStatus,
    deputyNote: row.deputy_note,
    receptionId: row.reception_id,
    version: row.version,
    createdAt: row.created_at,
  };
}
