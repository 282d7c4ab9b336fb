import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Db } from '../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import type { Actor } from '../auth/actor.js';
import { photoMaxBytes } from '../../shared/schemas/deputies.js';
import type { Deputy } from '../../shared/schemas/deputies.js';
import type { DeputiesRepository } from './deputies.repository.js';
import type { DeputiesService } from './deputies.service.js';
import type { FileRow, FilesRepository } from './files.repository.js';
import { deputyErrors } from './deputies.errors.js';

type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp';

/** The image type from the first bytes; the name and declared type of an upload can lie. */
export function detectPhotoType(data: Buffer): PhotoType | undefined {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (data.subarray(0, 4).toString('latin1') === 'RIFF' && data.subarray(8, 12).toString('latin1') === 'WEBP')
    return 'image/webp';
  return undefined;
}

const allowedExtensions = new Set(['', '.jpg', '.jpeg', '.png', '.webp']);

/** Deputy photos, stored under `<dataDir>/uploads/<file id>` with their SHA-256. */
export class DeputyPhotosService {
  constructor(
    private readonly db: Db,
    private readonly deputies: DeputiesRepository,
    private readonly deputiesService: DeputiesService,
    private readonly files: FilesRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly dataDir: string,
  ) {}

  async upload(actor: Actor, deputyId: string, upload: { fileName: string; data: Buffer }): Promise<Deputy> {
    const { row, seats } = await this.deputiesService.writable(actor, deputyId);
    const type = detectPhotoType(upload.data);
    if (!type || !allowedExtensions.has(path.extname(upload.fileName).toLowerCase()))
      throw deputyErrors.photoType();
    if (upload.data.length > photoMaxBytes) throw deputyErrors.photoTooLarge(photoMaxBytes);

    const id = newId();
    const storagePath = path.join('uploads', id);
    const absolute = path.join(this.dataDir, storagePath);
    fs.mkdirSync(path.dirname(absolute), { recursive: true });
    await fs.promises.writeFile(absolute, upload.data, { flag: 'wx' });
    const file: FileRow = {
      id,
      owner_type: 'deputy_photo',
      owner_id: deputyId,
      // Only the base name, without control characters: it ends up in a download header.
      file_name:
        path
          .basename(upload.fileName)
          .replace(/[\p{Cc}"\\]/gu, '')
          .slice(0, 200) || 'photo',
      mime_type: type,
      size_bytes: upload.data.length,
      storage_path: storagePath,
      sha256: crypto.createHash('sha256').update(upload.data).digest('hex'),
      uploaded_by: actor.userId,
      created_at: this.clock.now().toISOString(),
    };
    let replaced: FileRow | undefined;
    try {
      await this.db.transaction().execute(async (trx) => {
        replaced = row.photo_file_id ? await this.files.findById(row.photo_file_id, trx) : undefined;
        await this.files.insert(file, trx);
        await this.deputies.update(deputyId, { photo_file_id: id, updated_at: file.created_at }, trx);
        if (replaced) await this.files.delete(replaced.id, trx);
        await this.audit.record(trx, {
          actor,
          action: 'deputy.photo',
          targetType: 'deputy',
          targetId: deputyId,
          bodyId: seats[0]?.body_id ?? null,
          before: { photoFileId: row.photo_file_id },
          after: { photoFileId: id, mimeType: type, sizeBytes: file.size_bytes, sha256: file.sha256 },
        });
      });
    } catch (error) {
      await fs.promises.rm(absolute, { force: true });
      throw error;
    }
    // The old bytes go only once the new photo is committed; a failure here just leaves a stray file.
    if (replaced) await fs.promises.rm(path.join(this.dataDir, replaced.storage_path), { force: true });
    return this.deputiesService.get(actor, deputyId);
  }

  /** The photo of a deputy the actor may see. */
  async download(
    actor: Actor,
    deputyId: string,
  ): Promise<{ mimeType: string; sizeBytes: number; sha256: string; stream: Readable }> {
    const { row } = await this.deputiesService.visible(actor, deputyId);
    const file = row.photo_file_id ? await this.files.findById(row.photo_file_id) : undefined;
    if (!file) throw deputyErrors.noPhoto(deputyId);
    const absolute = path.join(this.dataDir, file.storage_path);
    if (!fs.existsSync(absolute)) throw deputyErrors.noPhoto(deputyId);
    return {
      mimeType: file.mime_type,
      sizeBytes: file.size_bytes,
      sha256: file.sha256,
      stream: fs.createReadStream(absolute),
    };
  }
}
