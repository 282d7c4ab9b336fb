import type { Db } from '../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import { shanghaiDate } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { invalidField, notFound } from '../platform/errors.js';
import type { Locale } from '../http/locale.js';
import { check } from '../workflow/workflow.js';
import type { ReceptionCreate, ReceptionDetail } from '../../shared/schemas/receptions.js';
import type { ReceptionViewRow, ReceptionsRepository } from './receptions.repository.js';
import type { ReceptionsService } from './receptions.service.js';
import type { StationsRepository } from './stations.repository.js';
import { writesStation } from './stations.access.js';
import { receptionErrors, stationNoun } from './stations.errors.js';
import type { StationTimeline } from './station-timeline.js';
import { receptionWorkflow } from './reception.workflow.js';
import { randomCode } from './roster.rules.js';
import type { SearchIndexer } from '../search/search.indexer.js';

/** Visits and calls recorded by deputies and station staff (来站接待、电话). */
export class ReceptionRecordsService {
  constructor(
    private readonly db: Db,
    private readonly receptions: ReceptionsRepository,
    private readonly stations: StationsRepository,
    private readonly reader: ReceptionsService,
    private readonly timeline: StationTimeline,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly searchIndexer: SearchIndexer,
  ) {}

  /**
   * Records a visit or call. Deputies record their own; station staff and office staff record for
   * their stations. Solved on the spot (`solvedAnswer`) closes it at once through the workflow.
   */
  async create(actor: Actor, input: ReceptionCreate, locale: Locale = 'zh'): Promise<ReceptionDetail> {
    const today = shanghaiDate(this.clock.now());
    if (input.receivedOn > today)
      throw invalidField('receivedOn', {
        zh: '「接待日期」不能晚于今天',
        en: '"Date" must not be in the future',
      });
    const deputyId = input.deputyId ?? actor.deputyId;
    const staffStationIds = await this.stations.stationIdsOfStaff(actor.userId);
    let bodyId: string;
    let bodyPath: string;
    if (input.stationId) {
      const station = await this.stations.findView(input.stationId);
      if (!station) throw notFound(stationNoun, input.stationId);
      const members = (await this.stations.deputiesOf([station.id])).map((d) => d.deputy_id);
      const mayRecord =
        writesStation(actor, station.body_path) ||
        staffStationIds.includes(station.id) ||
        (actor.deputyId !== null && members.includes(actor.deputyId));
      if (!mayRecord) throw receptionErrors.notRecorder();
      if (deputyId && !members.includes(deputyId) && deputyId !== actor.deputyId)
        throw invalidField('deputyId', { zh: '该代表未编入本站', en: 'the deputy is not on this station' });
      bodyId = station.body_id;
      bodyPath = station.body_path;
    } else {
      if (!deputyId)
        throw invalidField('deputyId', { zh: '请选择接待代表或联络站', en: 'choose a deputy or station' });
      const seat = (await this.stations.activeSeatsOf([deputyId])).at(-1);
      if (!seat)
        throw invalidField('deputyId', { zh: '该代表没有在任席位', en: 'the deputy has no active seat' });
      if (deputyId !== actor.deputyId && !writesStation(actor, seat.body_path))
        throw receptionErrors.notRecorder();
      bodyId = seat.body_id;
      bodyPath = seat.body_path;
    }
    const at = this.clock.now().toISOString();
    const row = {
      id: newId(),
      tracking_code: `V${randomCode(10)}`,
      channel: input.channel,
      body_id: bodyId,
      station_id: input.stationId ?? null,
      deputy_id: deputyId ?? null,
      escalated_to_deputy_id: null,
      visitor_name: input.visitorName ?? null,
      visitor_contact: input.visitorContact ?? null,
      contact_key: null,
      address_key: null,
      category: input.category,
      matter: input.matter,
      received_on: input.receivedOn,
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
      appointment_id: null,
      recorded_by: actor.userId,
      version: 0,
      created_at: at,
      updated_at: at,
    };
    const view: ReceptionViewRow = {
      ...row,
      body_path: bodyPath,
      station_name: null,
      deputy_name: null,
      escalated_to_name: null,
      referred_unit_name: null,
    };
    // Checked before the transaction: a solved-on-the-spot record is closed by the workflow.
    const solved = input.solvedAnswer
      ? check(
          receptionWorkflow,
          'answer',
          { reception: view, actor, staffStationIds },
          { answer: input.solvedAnswer, outcome: 'solved' },
        )
      : null;
    await this.db.transaction().execute(async (trx) => {
      await this.receptions.insert(row, trx);
      await this.timeline.record(trx, actor, 'reception', row.id, {
        action: 'record',
        from: null,
        to: 'open',
      });
      await this.audit.record(trx, {
        actor,
        action: 'reception.create',
        targetType: 'reception',
        targetId: row.id,
        bodyId,
        after: { ...row, visitor_contact: row.visitor_contact ? '（已登记）' : null },
      });
      if (row.deputy_id)
        await this.timeline.duty(trx, {
          deputyId: row.deputy_id,
          bodyId,
          kind: 'reception',
          sourceType: 'reception',
          sourceId: row.id,
        });
      if (solved && input.solvedAnswer) {
        const changes = {
          answer: input.solvedAnswer,
          outcome: 'solved',
          answered_at: at,
          answered_by_name: actor.displayName,
          response_minutes: 0,
          updated_at: at,
        };
        await this.receptions.transition(row.id, { status: 'open', version: 0 }, solved.to, changes, trx);
        await this.timeline.record(trx, actor, 'reception', row.id, {
          action: 'answer',
          from: 'open',
          to: solved.to,
          note: input.solvedAnswer,
        });
      }
      await this.searchIndexer.reception(trx, row.id);
    });
    return this.reader.get(actor, row.id, locale);
  }
}
