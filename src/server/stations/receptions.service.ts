import type { Readable } from 'node:stream';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import { shanghaiDate } from '../platform/clock.js';
import { notFound } from '../platform/errors.js';
import type { Locale } from '../http/locale.js';
import { dayNumber } from '../calendar/calendar.dates.js';
import { availability } from '../workflow/workflow.js';
import type {
  CitizenCategory,
  ReceptionChannel,
  ReceptionDetail,
  ReceptionOutcome,
  ReceptionQuery,
  ReceptionStatus,
  ReceptionSummary,
} from '../../shared/schemas/receptions.js';
import type {
  ReceptionFilter,
  ReceptionViewRow,
  ReceptionsRepository,
  WorkloadRow,
} from './receptions.repository.js';
import type { StationsRepository } from './stations.repository.js';
import { isEmptyReceptionScope, receptionScope, seesVisitorContact } from './stations.access.js';
import type { ReceptionScope } from './stations.access.js';
import { receptionErrors, receptionNoun } from './stations.errors.js';
import type { StationTimeline } from './station-timeline.js';
import type { ImageStore } from './image-store.js';
import { receptionWorkflow } from './reception.workflow.js';
import type { ReceptionContext } from './reception.workflow.js';

/** Days a matter has been open on `today`; null once answered. */
export function daysOpen(
  row: Pick<ReceptionViewRow, 'status' | 'received_on'>,
  today: string,
): number | null {
  return row.status === 'closed' ? null : Math.max(0, dayNumber(today) - dayNumber(row.received_on));
}

export function toSummary(row: ReceptionViewRow, today: string, photoCount: number): ReceptionSummary {
  return {
    id: row.id,
    trackingCode: row.tracking_code,
    channel: row.channel as ReceptionChannel,
    bodyId: row.body_id,
    stationId: row.station_id,
    stationName: row.station_name,
    deputyId: row.deputy_id,
    deputyName: row.deputy_name,
    escalatedToDeputyId: row.escalated_to_deputy_id,
    escalatedToName: row.escalated_to_name,
    visitorName: row.visitor_name,
    category: row.category as CitizenCategory,
    matter: row.matter,
    receivedOn: row.received_on,
    status: row.status as ReceptionStatus,
    outcome: row.outcome as ReceptionOutcome | null,
    daysOpen: daysOpen(row, today),
    photoCount,
    suggestionId: row.suggestion_id,
    createdAt: row.created_at,
  };
}

const averageHours = (row: WorkloadRow | undefined) =>
  row && row.answered > 0 && row.minutes !== null
    ? Math.round((row.minutes / row.answered / 60) * 10) / 10
    : null;

/** Reading and listing receptions; recording is `ReceptionRecordsService`, actions `ReceptionActionsService`. */
export class ReceptionsService {
  constructor(
    private readonly receptions: ReceptionsRepository,
    private readonly stations: StationsRepository,
    private readonly timeline: StationTimeline,
    private readonly images: ImageStore,
    private readonly clock: Clock,
  ) {}

  async scopeOf(actor: Actor): Promise<{ scope: ReceptionScope; staffStationIds: string[] }> {
    const staffStationIds = await this.stations.stationIdsOfStaff(actor.userId);
    return { scope: receptionScope(actor, staffStationIds), staffStationIds };
  }

  /** The reception with what the workflow needs, if the actor may see it; 404 otherwise. */
  async visible(actor: Actor, id: string): Promise<ReceptionContext> {
    const row = await this.receptions.findView(id);
    if (!row) throw notFound(receptionNoun, id);
    const { scope, staffStationIds } = await this.scopeOf(actor);
    const sees =
      scope.bodyPaths.some((p) => row.body_path.startsWith(p)) ||
      (scope.deputyId !== null &&
        (row.deputy_id === scope.deputyId || row.escalated_to_deputy_id === scope.deputyId)) ||
      (row.station_id !== null && scope.stationIds.includes(row.station_id)) ||
      (row.referred_unit_id !== null && scope.unitIds.includes(row.referred_unit_id));
    if (!sees) throw notFound(receptionNoun, id);
    return { reception: row, actor, staffStationIds };
  }

  async get(actor: Actor, id: string, locale: Locale = 'zh'): Promise<ReceptionDetail> {
    const context = await this.visible(actor, id);
    const row = context.reception;
    const [photos, timeline] = await Promise.all([
      this.receptions.photosOf([row.id]),
      this.timeline.view('reception', row.id),
    ]);
    const today = shanghaiDate(this.clock.now());
    return {
      ...toSummary(row, today, photos.length),
      visitorContact: seesVisitorContact(actor, context.staffStationIds, row) ? row.visitor_contact : null,
      answer: row.answer,
      answeredAt: row.answered_at,
      answeredByName: row.answered_by_name,
      responseMinutes: row.response_minutes,
      referredUnitId: row.referred_unit_id,
      referredUnitName: row.referred_unit_name,
      referralNote: row.referral_note,
      referralAnswer: row.referral_answer,
      referralAnsweredAt: row.referral_answered_at,
      appointmentId: row.appointment_id,
      photos: photos.map((p) => ({
        id: p.id,
        url: `/api/v1/receptions/${row.id}/photos/${p.id}`,
        sizeBytes: p.size_bytes,
      })),
      version: row.version,
      actions: availability(receptionWorkflow, context).map((a) => ({
        action: a.action,
        label: a.label[locale],
        allowed: a.allowed,
        reason: a.reason?.[locale] ?? null,
      })),
      timeline,
    };
  }

  private async filterOf(
    actor: Actor,
    query: Omit<ReceptionQuery, 'page' | 'pageSize'>,
  ): Promise<ReceptionFilter> {
    const { scope } = await this.scopeOf(actor);
    if (isEmptyReceptionScope(scope)) throw receptionErrors.notRecorder();
    let bodyPath: string | undefined;
    if (query.bodyId) {
      const body = await this.stations.bodyPath(query.bodyId);
      if (!body) throw notFound({ zh: '人大机关', en: 'Congress body' }, query.bodyId);
      bodyPath = body;
    }
    return {
      scope,
      mineDeputyId: query.view === 'mine' ? (actor.deputyId ?? '-') : undefined,
      channel: query.channel,
      status: query.status,
      open: query.open === undefined ? undefined : query.open === 'true',
      stationId: query.stationId,
      deputyId: query.deputyId,
      bodyPath,
      suggestionId: query.suggestionId,
    };
  }

  async list(actor: Actor, query: ReceptionQuery) {
    const { page, pageSize, ...rest } = query;
    const result = await this.receptions.list(await this.filterOf(actor, rest), page, pageSize);
    const photos = await this.receptions.photosOf(result.items.map((r) => r.id));
    const today = shanghaiDate(this.clock.now());
    return {
      items: result.items.map((row) =>
        toSummary(row, today, photos.filter((p) => p.owner_id === row.id).length),
      ),
      total: result.total,
      page,
      pageSize,
    };
  }

  /** Workload and average response time per deputy and per station, over what the reader sees. */
  async stats(actor: Actor, query: { bodyId?: string; stationId?: string }) {
    const filter = await this.filterOf(actor, { view: 'all', ...query });
    const [overall, byDeputy, byStation] = await Promise.all([
      this.receptions.workload(filter, 'none'),
      this.receptions.workload(filter, 'deputy'),
      this.receptions.workload(filter, 'station'),
    ]);
    const [deputyNames, stationRows] = await Promise.all([
      this.stations.deputyNames(byDeputy.flatMap((r) => (r.key ? [r.key] : []))),
      this.stations.findViews(byStation.flatMap((r) => (r.key ? [r.key] : []))),
    ]);
    const load = (row: WorkloadRow | undefined) => ({
      total: row?.total ?? 0,
      open: row?.open ?? 0,
      closed: row?.closed ?? 0,
      averageResponseHours: averageHours(row),
    });
    return {
      overall: load(overall[0]),
      byDeputy: byDeputy
        .map((r) => ({ deputyId: r.key ?? '', name: deputyNames.get(r.key ?? '') ?? '', ...load(r) }))
        .sort((a, b) => b.total - a.total),
      byStation: byStation
        .map((r) => ({
          stationId: r.key ?? '',
          name: stationRows.find((s) => s.id === r.key)?.name ?? '',
          ...load(r),
        }))
        .sort((a, b) => b.total - a.total),
    };
  }

  /** A photo of a reception the actor may see. */
  async photo(
    actor: Actor,
    id: string,
    fileId: string,
  ): Promise<{ mimeType: string; sizeBytes: number; sha256: string; stream: Readable }> {
    await this.visible(actor, id);
    const file = await this.images.findFile(fileId);
    const opened =
      file && file.owner_type === 'reception_photo' && file.owner_id === id
        ? this.images.open(file)
        : undefined;
    if (!opened) throw notFound({ zh: '照片', en: 'Photo' }, fileId);
    return opened;
  }
}
