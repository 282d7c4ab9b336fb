import type { Db } from '../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import { DomainError } from '../platform/errors.js';
import { stationPhotoMaxBytes } from '../../shared/schemas/stations.js';
import type { StationDetail } from '../../shared/schemas/stations.js';
import type { StationsRepository } from './stations.repository.js';
import type { StationsService } from './stations.service.js';
import type { ImageStore } from './image-store.js';
import { stationErrors } from './stations.errors.js';

/** The photo of a station, shown on its public page. */
export class StationPhotosService {
  constructor(
    private readonly db: Db,
    private readonly stations: StationsRepository,
    private readonly stationsService: StationsService,
    private readonly images: ImageStore,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async upload(
    actor: Actor,
    stationId: string,
    upload: { fileName: string; data: Buffer },
  ): Promise<StationDetail> {
    const station = await this.stationsService.writable(actor, stationId);
    const at = this.clock.now().toISOString();
    const staged = await this.images.stage(
      upload,
      { type: 'station_photo', id: stationId, uploadedBy: actor.userId, at },
      stationPhotoMaxBytes,
      () =>
        new DomainError(
          'payload_too_large',
          'file_too_large',
          stationErrors.photoTooLarge(stationPhotoMaxBytes),
        ),
    );
    const replaced = station.photo_file_id ? await this.images.findFile(station.photo_file_id) : undefined;
    try {
      await this.db.transaction().execute(async (trx) => {
        await this.images.commit(staged, trx);
        if (
          !(await this.stations.update(
            stationId,
            station.version,
            { photo_file_id: staged.file.id, updated_at: at },
            trx,
          ))
        )
          throw stationErrors.staleStation();
        if (replaced) await this.images.deleteRecord(replaced.id, trx);
        await this.audit.record(trx, {
          actor,
          action: 'station.photo',
          targetType: 'station',
          targetId: stationId,
          bodyId: station.body_id,
          before: { photoFileId: station.photo_file_id },
          after: {
            photoFileId: staged.file.id,
            sizeBytes: staged.file.size_bytes,
            sha256: staged.file.sha256,
          },
        });
      });
    } catch (error) {
      await this.images.discard(staged);
      throw error;
    }
    // The old bytes go only once the new photo is committed.
    if (replaced) await this.images.removeFile(replaced);
    return this.stationsService.get(actor, stationId);
  }

  async download(actor: Actor, stationId: string) {
    const station = await this.stationsService.visible(actor, stationId);
    const opened = station.photo_file_id
      ? this.images.open(await this.images.findFile(station.photo_file_id))
      : undefined;
    if (!opened) throw stationErrors.noPhoto(stationId);
    return opened;
  }
}
