import type { Db } from '../db/database.js';
import type { AgencyAppointmentRow } from '../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { scopePaths, unitIdsOf } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import { shanghaiDate } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { forbidden, invalidField, notFound } from '../platform/errors.js';
import type { Locale } from '../http/locale.js';
import { plusMonths } from '../calendar/calendar.dates.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { availability, check, staleTransition } from '../workflow/workflow.js';
import type {
  AgencyAppointment,
  AgencyAppointmentCreate,
  AgencyStatus,
} from '../../shared/schemas/appointments.js';
import type { AgencyViewRow, AppointmentsRepository } from './appointments.repository.js';
import type { ReceptionsRepository } from './receptions.repository.js';
import type { StationsRepository } from './stations.repository.js';
import { agencyAppointmentNoun, agencyErrors, receptionErrors } from './stations.errors.js';
import type { StationTimeline } from './station-timeline.js';
import { agencyAppointmentWorkflow } from './agency-appointment.workflow.js';
import type { AgencyContext } from './agency-appointment.workflow.js';

const agencyReaders = ['admin', 'office_staff', 'leader'] as const;

/** Deputies' appointments with heads of state organs (代表法 art. 29). */
export class AgencyAppointmentsService {
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

  private context(actor: Actor, item: AgencyViewRow): AgencyContext {
    return { item, actor, today: shanghaiDate(this.clock.now()) };
  }

  async visible(actor: Actor, id: string): Promise<AgencyContext> {
    const item = await this.appointments.findAgency(id);
    const sees =
      item &&
      (scopePaths(actor, agencyReaders).some((p) => item.body_path.startsWith(p)) ||
        actor.deputyId === item.deputy_id ||
        unitIdsOf(actor).includes(item.unit_id));
    if (!item || !sees) throw notFound(agencyAppointmentNoun, id);
    return this.context(actor, item);
  }

  async get(actor: Actor, id: string, locale: Locale = 'zh'): Promise<AgencyAppointment> {
    const context = await this.visible(actor, id);
    return {
      ...toAgency(context.item),
      actions: availability(agencyAppointmentWorkflow, context).map((a) => ({
        action: a.action,
        label: a.label[locale],
        allowed: a.allowed,
        reason: a.reason?.[locale] ?? null,
      })),
      timeline: await this.timeline.view('agency_appointment', id),
    };
  }

  async list(
    actor: Actor,
    query: { page: number; pageSize: number; bodyId?: string; status?: AgencyStatus; view: 'all' | 'mine' },
  ) {
    const bodyPaths = scopePaths(actor, agencyReaders);
    const unitIds = unitIdsOf(actor);
    if (bodyPaths.length === 0 && unitIds.length === 0 && !actor.deputyId)
      throw forbidden({ zh: '您的角色无权查看约见。', en: 'Your role may not read appointments.' });
    const bodyPath = query.bodyId ? await this.stations.bodyPath(query.bodyId) : undefined;
    const result = await this.appointments.listAgency(
      {
        bodyPaths,
        unitIds,
        deputyId: actor.deputyId,
        mine: query.view === 'mine',
        bodyPath,
        status: query.status,
      },
      query.page,
      query.pageSize,
    );
    return {
      items: result.items.map(toAgency),
      total: result.total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** A deputy asks to meet the head of a state organ of a body they sit in. */
  async create(
    actor: Actor,
    input: AgencyAppointmentCreate,
    locale: Locale = 'zh',
  ): Promise<AgencyAppointment> {
    if (!actor.deputyId) throw agencyErrors.notRequester();
    const seats = await this.stations.activeSeatsOf([actor.deputyId]);
    if (!seats.some((s) => s.body_id === input.bodyId))
      throw invalidField('bodyId', { zh: '您不是该人大的代表', en: 'you hold no seat in this body' });
    const unit = await this.receptions.unitWithPath(input.unitId);
    if (!unit || unit.active !== 1 || unit.body_id !== input.bodyId) throw receptionErrors.unitNotEligible();
    const at = this.clock.now().toISOString();
    const row: AgencyAppointmentRow = {
      id: newId(),
      body_id: input.bodyId,
      deputy_id: actor.deputyId,
      unit_id: unit.id,
      official_title: input.officialTitle,
      official_name: input.officialName ?? null,
      matter: input.matter,
      reasons: input.reasons,
      status: 'requested',
      scheduled_on: null,
      scheduled_time: null,
      place: null,
      first_scheduled_on: null,
      postponed_count: 0,
      postpone_reason: null,
      minutes: null,
      held_on: null,
      follow_up: null,
      closing_note: null,
      closed_at: null,
      created_by: actor.userId,
      version: 0,
      created_at: at,
      updated_at: at,
    };
    await this.db.transaction().execute(async (trx) => {
      await this.appointments.insertAgency(row, trx);
      await this.timeline.record(trx, actor, 'agency_appointment', row.id, {
        action: 'request',
        from: null,
        to: 'requested',
        note: input.matter,
      });
      await this.audit.record(trx, {
        actor,
        action: 'agency_appointment.request',
        targetType: 'agency_appointment',
        targetId: row.id,
        bodyId: row.body_id,
        after: row,
      });
    });
    return this.get(actor, row.id, locale);
  }

  async perform(actor: Actor, id: string, actionName: string, rawInput: unknown, locale: Locale = 'zh') {
    const context = await this.visible(actor, id);
    const { input, from, to } = check(agencyAppointmentWorkflow, actionName, context, rawInput);
    const item = context.item;
    const values = input as Record<string, string | undefined>;
    const at = this.clock.now().toISOString();
    let changes: Partial<AgencyAppointmentRow> = { updated_at: at };
    let note: string | null = null;
    switch (actionName) {
      case 'schedule':
        changes = {
          ...changes,
          scheduled_on: values.scheduledOn ?? null,
          scheduled_time: values.scheduledTime ?? null,
          place: values.place ?? null,
          first_scheduled_on: values.scheduledOn ?? null,
          official_name: values.officialName ?? item.official_name,
        };
        note = `${values.scheduledOn ?? ''} ${values.scheduledTime ?? ''} ${values.place ?? ''}`;
        break;
      case 'postpone': {
        const first = item.first_scheduled_on ?? item.scheduled_on ?? context.today;
        const latest = plusMonths(first, 1);
        const date = values.scheduledOn ?? '';
        if (date <= (item.scheduled_on ?? '')) throw agencyErrors.postponeNotLater();
        if (date > latest) throw agencyErrors.postponeTooLate(latest);
        changes = {
          ...changes,
          scheduled_on: date,
          scheduled_time: values.scheduledTime ?? null,
          postponed_count: item.postponed_count + 1,
          postpone_reason: values.reason ?? null,
        };
        note = `推迟至 ${date}：${values.reason ?? ''}`;
        break;
      }
      case 'hold':
        changes = { ...changes, minutes: values.minutes ?? null, held_on: context.today };
        note = values.minutes ?? null;
        break;
      case 'follow_up':
        changes = { ...changes, follow_up: values.followUp ?? null };
        note = values.followUp ?? null;
        break;
      case 'close':
        changes = { ...changes, closing_note: values.note ?? null, closed_at: at };
        note = values.note ?? null;
        break;
      case 'withdraw':
        note = values.reason ?? null;
        break;
    }
    await this.db.transaction().execute(async (trx) => {
      if (
        !(await this.appointments.transitionAgency(
          item.id,
          { status: from, version: item.version },
          to,
          changes,
          trx,
        ))
      )
        throw staleTransition(agencyAppointmentWorkflow.name);
      await this.timeline.record(trx, actor, 'agency_appointment', item.id, {
        action: actionName,
        from,
        to,
        note,
      });
      await this.audit.record(trx, {
        actor,
        action: `agency_appointment.${actionName}`,
        targetType: 'agency_appointment',
        targetId: item.id,
        bodyId: item.body_id,
        before: { status: from },
        after: { status: to, ...changes },
      });
      if (actionName === 'hold')
        await this.timeline.duty(trx, {
          deputyId: item.deputy_id,
          bodyId: item.body_id,
          kind: 'agency_appointment',
          sourceType: 'agency_appointment',
          sourceId: item.id,
        });
      const link = `/stations/agency-appointments/${item.id}`;
      if (actionName === 'schedule' || actionName === 'postpone') {
        const body = `${item.unit_name}${item.official_title}：${values.scheduledOn ?? ''} ${values.scheduledTime ?? ''}${values.place ? `，${values.place}` : ''}`;
        await this.notifications.notifyDeputies(trx, [item.deputy_id], {
          kind: `agency_appointment.${actionName}`,
          title: actionName === 'schedule' ? '约见已安排' : '约见已推迟',
          body,
          link,
        });
        await this.notifications.notifyUnits(trx, [item.unit_id], {
          kind: `agency_appointment.${actionName}`,
          title: '人大代表约见',
          body: `${item.deputy_name}：${item.matter}`,
          link,
        });
      }
    });
    return this.get(actor, id, locale);
  }
}

export function toAgency(row: AgencyViewRow): Omit<AgencyAppointment, 'actions' | 'timeline'> {
  return {
    id: row.id,
    bodyId: row.body_id,
    deputyId: row.deputy_id,
    deputyName: row.deputy_name,
    unitId: row.unit_id,
    unitName: row.unit_name,
    officialTitle: row.official_title,
    officialName: row.official_name,
    matter: row.matter,
    reasons: row.reasons,
    status: row.status as AgencyStatus,
    scheduledOn: row.scheduled_on,
    scheduledTime: row.scheduled_time,
    place: row.place,
    firstScheduledOn: row.first_scheduled_on,
    postponedCount: row.postponed_count,
    postponeReason: row.postpone_reason,
    latestPostponeOn: row.first_scheduled_on ? plusMonths(row.first_scheduled_on, 1) : null,
    minutes: row.minutes,
    heldOn: row.held_on,
    followUp: row.follow_up,
    closingNote: row.closing_note,
    version: row.version,
    createdAt: row.created_at,
  };
}
