import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Executor } from '../db/executor.js';
import { newId } from '../platform/ids.js';
import { detectPhotoType } from '../deputies/deputy-photos.service.js';
import type { FileRow, FilesRepository } from '../deputies/files.repository.js';
import { stationErrors } from './stations.errors.js';

const allowedExtensions = new Set(['', '.jpg', '.jpeg', '.png', '.webp']);

/** A checked image, written to disk but not yet recorded: `commit` records it in a transaction. */
export interface StagedImage {
  file: FileRow;
  absolutePath: string;
}

/**
 * Photos of stations and of citizens' messages, stored under `<dataDir>/uploads/<file id>` like
 * deputy photos. The type is read from the first bytes: the name and declared type can lie.
 */
export class ImageStore {
  constructor(
    private readonly files: FilesRepository,
    private readonly dataDir: string,
  ) {}

  /** Checks type and size and writes the bytes; throws before anything is written when invalid. */
  async stage(
    upload: { fileName: string; data: Buffer },
    owner: { type: string; id: string; uploadedBy: string | null; at: string },
    maxBytes: number,
    tooLarge: () => Error,
  ): Promise<StagedImage> {
    const type = detectPhotoType(upload.data);
    if (!type || !allowedExtensions.has(path.extname(upload.fileName).toLowerCase()))
      throw stationErrors.photoType();
    if (upload.data.length > maxBytes) throw tooLarge();
    const id = newId();
    const storagePath = path.join('uploads', id);
    const absolutePath = path.join(this.dataDir, storagePath);
    fs.mkdirSync(path.dirname(absolutePath), { recursive: true });
    await fs.promises.writeFile(absolutePath, upload.data, { flag: 'wx' });
    return {
      absolutePath,
      file: {
        id,
        owner_type: owner.type,
        owner_id: owner.id,
        // Never the uploader's file name: it may carry personal data and ends up in headers.
        file_name: `${id}.${type.slice('image/'.length)}`,
        mime_type: type,
        size_bytes: upload.data.length,
        storage_path: storagePath,
        sha256: crypto.createHash('sha256').update(upload.data).digest('hex'),
        uploaded_by: owner.uploadedBy,
        created_at: owner.at,
      },
    };
  }

  async commit(staged: StagedImage, executor: Executor): Promise<void> {
    await this.files.insert(staged.file, executor);
  }

  /** Removes the bytes of a staged image whose transaction failed. */
  async discard(staged: StagedImage): Promise<void> {
    await fs.promises.rm(staged.absolutePath, { force: true });
  }

  async removeFile(file: FileRow): Promise<void> {
    await fs.promises.rm(path.join(this.dataDir, file.storage_path), { force: true });
  }

  async findFile(id: string, executor?: Executor): Promise<FileRow | undefined> {
    return this.files.findById(id, executor);
  }

  async deleteRecord(id: string, executor: Executor): Promise<void> {
    await this.files.delete(id, executor);
  }

  /** The stored bytes of a file, or undefined when the row or the bytes are gone. */
  open(
    file: FileRow | undefined,
  ): { mimeType: string; sizeBytes: number; sha256: string; stream: Readable } | undefined {
    if (!file) return undefined;
    const absolute = path.join(this.dataDir, file.storage_path);
    if (!fs.existsSync(absolute)) return undefined;
    return {
      mimeType: file.mime_type,
      sizeBytes: file.size_bytes,
      sha256: file.sha256,
      stream: fs.createReadStream(absolute),
    };
  }
}
