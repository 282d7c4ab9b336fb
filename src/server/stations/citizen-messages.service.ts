import type { Db } from '../db/database.js';
import type { ReceptionRow } from '../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../platform/clock.js';
import { shanghaiDate } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { DomainError, notFound } from '../platform/errors.js';
import type { Locale } from '../http/locale.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type {
  CitizenCategory,
  CitizenMessage,
  PublicReception,
  ReceptionChannel,
  ReceptionOutcome,
  ReceptionStatus,
} from '../../shared/schemas/receptions.js';
import {
  citizenLimits,
  receptionOutcomeLabels,
  receptionStatusLabels,
} from '../../shared/schemas/receptions.js';
import type { ReceptionsRepository } from './receptions.repository.js';
import type { StationsRepository } from './stations.repository.js';
import type { CitizenGuard } from './citizen.guard.js';
import type { ImageStore } from './image-store.js';
import type { StationTimeline } from './station-timeline.js';
import { citizenErrors, publicCodeNoun, trackingNoun } from './stations.errors.js';
import { randomCode } from './roster.rules.js';
import type { SearchIndexer } from '../search/search.indexer.js';

/** Tracking codes are shown in groups of four; any case, spaces or dashes are accepted back. */
export function normaliseTracking(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

/**
 * Messages citizens leave without an account, from a deputy's or a station's QR code: checked
 * (challenge, content, limits), stored as plain text, and answered through the reception workflow.
 * The citizen follows them with the tracking code.
 */
export class CitizenMessagesService {
  constructor(
    private readonly db: Db,
    private readonly receptions: ReceptionsRepository,
    private readonly stations: StationsRepository,
    private readonly guard: CitizenGuard,
    private readonly images: ImageStore,
    private readonly timeline: StationTimeline,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly searchIndexer: SearchIndexer,
  ) {}

  /** Where a message goes: a deputy (from their QR code), a station, or a deputy at a station. */
  private async target(input: Pick<CitizenMessage, 'deputyCode' | 'stationCode'>) {
    const station = input.stationCode
      ? await this.stations.findByCode(input.stationCode.toUpperCase())
      : undefined;
    if (input.stationCode && (!station || station.active !== 1))
      throw notFound(publicCodeNoun, input.stationCode);
    const deputyId = input.deputyCode
      ? await this.stations.deputyIdByCode(input.deputyCode.toUpperCase())
      : undefined;
    if (input.deputyCode && !deputyId) throw notFound(publicCodeNoun, input.deputyCode);
    if (!station && !deputyId) throw citizenErrors.targetRequired();
    if (station) {
      if (deputyId && !(await this.stations.stationIdsOfDeputy(deputyId)).includes(station.id))
        throw notFound(publicCodeNoun, input.deputyCode);
      return {
        stationId: station.id,
        stationName: station.name,
        deputyId: deputyId ?? null,
        bodyId: station.body_id,
      };
    }
    // A deputy's own code: the matter belongs to the most local body the deputy sits in.
    const seat = (await this.stations.activeSeatsOf([deputyId ?? ''])).at(-1);
    if (!seat || !deputyId) throw notFound(publicCodeNoun, input.deputyCode);
    return { stationId: null, stationName: null, deputyId, bodyId: seat.body_id };
  }

  /** A single-use question to answer before submitting (messages and bookings alike). */
  async challenge() {
    return this.guard.issueChallenge();
  }

  async submit(input: CitizenMessage, clientAddress: string | null) {
    const target = await this.target(input);
    this.guard.checkContent('matter', input.matter);
    if (input.name) this.guard.checkContent('name', input.name);
    const contactKey = await this.guard.keyOf('contact', input.contact);
    const addressKey = clientAddress ? await this.guard.keyOf('address', clientAddress) : null;
    await this.guard.enforceLimits(contactKey, addressKey);
    await this.guard.verifyChallenge(input.challengeToken, input.challengeAnswer);
    const now = this.clock.now();
    const at = now.toISOString();
    const row: ReceptionRow = {
      id: newId(),
      tracking_code: `M${randomCode(11)}`,
      channel: 'message',
      body_id: target.bodyId,
      station_id: target.stationId,
      deputy_id: target.deputyId,
      escalated_to_deputy_id: null,
      visitor_name: input.name ?? null,
      visitor_contact: input.contact,
      contact_key: contactKey,
      address_key: addressKey,
      category: input.category,
      matter: input.matter,
      received_on: shanghaiDate(now),
      status: 'new',
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
      recorded_by: null,
      version: 0,
      created_at: at,
      updated_at: at,
    };
    const staff = target.stationId && !target.deputyId ? await this.stations.staffOf([target.stationId]) : [];
    await this.db.transaction().execute(async (trx) => {
      await this.receptions.insert(row, trx);
      await this.timeline.record(trx, null, 'reception', row.id, { action: 'submit', from: null, to: 'new' });
      await this.searchIndexer.reception(trx, row.id);
      await this.audit.record(trx, {
        actor: null,
        action: 'reception.citizen_submit',
        targetType: 'reception',
        targetId: row.id,
        bodyId: row.body_id,
        // The citizen's name and contact stay out of the tamper-evident log (kept for years).
        after: {
          channel: row.channel,
          deputyId: row.deputy_id,
          stationId: row.station_id,
          category: row.category,
          length: row.matter.length,
        },
      });
      const notice = {
        kind: 'reception.citizen_message',
        title: '收到群众留言',
        body: `${target.stationName ? `${target.stationName}：` : ''}${row.matter.slice(0, 80)}`,
        link: `/stations/receptions/${row.id}`,
      };
      if (target.deputyId) await this.notifications.notifyDeputies(trx, [target.deputyId], notice);
      else
        await this.notifications.notifyUsers(
          trx,
          staff.map((s) => s.user_id),
          notice,
        );
    });
    return {
      trackingCode: row.tracking_code,
      photosUntil: new Date(now.getTime() + citizenLimits.photoWindowMinutes * 60_000).toISOString(),
    };
  }

  /** Adds a photo to a message shortly after it was left (the tracking code is the key). */
  async addPhoto(
    trackingCode: string,
    upload: { fileName: string; data: Buffer },
  ): Promise<{ photoCount: number }> {
    const row = await this.receptions.findByTracking(normaliseTracking(trackingCode));
    if (!row || row.channel !== 'message') throw notFound(trackingNoun);
    const now = this.clock.now();
    if (now.getTime() - Date.parse(row.created_at) > citizenLimits.photoWindowMinutes * 60_000)
      throw citizenErrors.photoWindowClosed();
    const existing = await this.receptions.photosOf([row.id]);
    if (existing.length >= citizenLimits.photosPerMessage)
      throw citizenErrors.tooManyPhotos(citizenLimits.photosPerMessage);
    const staged = await this.images.stage(
      upload,
      { type: 'reception_photo', id: row.id, uploadedBy: null, at: now.toISOString() },
      citizenLimits.photoMaxBytes,
      () =>
        new DomainError('payload_too_large', 'file_too_large', {
          zh: '照片不能超过 5 MB。',
          en: 'A photo must not exceed 5 MB.',
        }),
    );
    try {
      await this.db.transaction().execute(async (trx) => {
        // Counted again inside the transaction: two uploads at once must not make a fourth photo.
        if ((await this.receptions.photosOf([row.id], trx)).length >= citizenLimits.photosPerMessage)
          throw citizenErrors.tooManyPhotos(citizenLimits.photosPerMessage);
        await this.images.commit(staged, trx);
        await this.timeline.record(trx, null, 'reception', row.id, { action: 'photo', from: null, to: null });
        await this.audit.record(trx, {
          actor: null,
          action: 'reception.citizen_photo',
          targetType: 'reception',
          targetId: row.id,
          bodyId: row.body_id,
          after: {
            fileId: staged.file.id,
            mimeType: staged.file.mime_type,
            sizeBytes: staged.file.size_bytes,
            sha256: staged.file.sha256,
          },
        });
      });
    } catch (error) {
      await this.images.discard(staged);
      throw error;
    }
    return { photoCount: existing.length + 1 };
  }

  /** What the citizen sees with the tracking code: status and the answer, never contacts. */
  async track(trackingCode: string, locale: Locale = 'zh'): Promise<PublicReception> {
    const row = await this.receptions.findByTracking(normaliseTracking(trackingCode));
    if (!row) throw notFound(trackingNoun);
    const photos = await this.receptions.photosOf([row.id]);
    const status = row.status as ReceptionStatus;
    const outcome = row.outcome as ReceptionOutcome | null;
    return {
      trackingCode: row.tracking_code,
      channel: row.channel as ReceptionChannel,
      deputyName: row.escalated_to_name ?? row.deputy_name,
      stationName: row.station_name,
      category: row.category as CitizenCategory,
      matter: row.matter,
      receivedOn: row.received_on,
      status,
      statusLabel: receptionStatusLabels[status][locale],
      outcome,
      outcomeLabel: outcome ? receptionOutcomeLabels[outcome][locale] : null,
      answer: row.answer,
      answeredAt: row.answered_at,
      referralAnswer: row.referral_answer,
      photoCount: photos.length,
    };
  }
}
