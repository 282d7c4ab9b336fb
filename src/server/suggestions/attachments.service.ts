import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Db } from '../db/database.js';
import type { SuggestionRow } from '../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import type { FileRow } from '../deputies/files.repository.js';
import { attachmentMaxBytes, attachmentsPerSuggestion } from '../../shared/schemas/suggestion-files.js';
import type { Attachment } from '../../shared/schemas/suggestion-files.js';
import type { SuggestionsService } from './suggestions.service.js';
import type { SuggestionAttachmentsRepository } from './attachments.repository.js';
import { detectAttachmentType } from './attachments.detect.js';
import { attachmentErrors } from './attachments.errors.js';

const editableStates = ['draft', 'returned'];

function toAttachment(row: FileRow): Attachment {
  return {
    id: row.id,
    fileName: row.file_name,
    mimeType: row.mime_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    createdAt: row.created_at,
  };
}

/** The base name without control characters or quotes (it ends up in a download header), ≤ 200 chars. */
function cleanFileName(fileName: string): string {
  const base = path.basename(fileName.replace(/\\/g, '/')).replace(/[\p{Cc}"\\/]/gu, '');
  const extension = path.extname(base).slice(0, 12);
  const stem = base.slice(0, base.length - extension.length).slice(0, 200 - extension.length);
  return `${stem || '附件'}${extension}`;
}

/**
 * Attachments of a suggestion (PDF, images, Office files), stored under
 * `<dataDir>/uploads/<file id>`. Whoever may see the item may list and download them; only the
 * lead deputy may change them, and only while the item is a draft or returned.
 */
export class SuggestionAttachmentsService {
  constructor(
    private readonly db: Db,
    private readonly repository: SuggestionAttachmentsRepository,
    private readonly suggestions: SuggestionsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly dataDir: string,
  ) {}

  /** Attachments of an item the actor may see, oldest first. */
  async list(actor: Actor, suggestionId: string): Promise<Attachment[]> {
    await this.suggestions.visible(actor, suggestionId);
    return (await this.repository.listOf(suggestionId)).map(toAttachment);
  }

  /** Stores one upload after checking its bytes, size and the per-item limit. */
  async add(actor: Actor, suggestionId: string, upload: { fileName: string; data: Buffer }) {
    const suggestion = await this.writable(actor, suggestionId);
    if (upload.data.length === 0) throw attachmentErrors.empty();
    if (upload.data.length > attachmentMaxBytes) throw attachmentErrors.tooLarge(attachmentMaxBytes);
    const fileName = cleanFileName(upload.fileName);
    const mimeType = detectAttachmentType(upload.data, fileName);
    if (!mimeType) throw attachmentErrors.type();
    // Checked again in the transaction; this spares writing the bytes of a refused upload.
    if ((await this.repository.countOf(suggestionId)) >= attachmentsPerSuggestion)
      throw attachmentErrors.tooMany(attachmentsPerSuggestion);

    const id = newId();
    const storagePath = path.join('uploads', id);
    const absolute = path.join(this.dataDir, storagePath);
    await fs.promises.mkdir(path.dirname(absolute), { recursive: true });
    await fs.promises.writeFile(absolute, upload.data, { flag: 'wx' });
    const at = this.clock.now().toISOString();
    const file: FileRow = {
      id,
      owner_type: 'suggestion',
      owner_id: suggestionId,
      file_name: fileName,
      mime_type: mimeType,
      size_bytes: upload.data.length,
      storage_path: storagePath,
      sha256: crypto.createHash('sha256').update(upload.data).digest('hex'),
      uploaded_by: actor.userId,
      created_at: at,
    };
    try {
      await this.db.transaction().execute(async (trx) => {
        // Still editable (it may have been submitted meanwhile), and locked for the count below.
        if (!(await this.repository.touchIfIn(suggestionId, editableStates, at, trx)))
          throw attachmentErrors.notEditable();
        if ((await this.repository.countOf(suggestionId, trx)) >= attachmentsPerSuggestion)
          throw attachmentErrors.tooMany(attachmentsPerSuggestion);
        await this.repository.insert(file, trx);
        await this.audit.record(trx, {
          actor,
          action: 'suggestion.attachment.add',
          targetType: 'suggestion',
          targetId: suggestionId,
          bodyId: suggestion.body_id,
          after: toAttachment(file),
        });
      });
    } catch (error) {
      await fs.promises.rm(absolute, { force: true });
      throw error;
    }
    return toAttachment(file);
  }

  /** The bytes of an attachment of an item the actor may see. */
  async download(
    actor: Actor,
    suggestionId: string,
    fileId: string,
  ): Promise<{ file: Attachment; stream: Readable }> {
    await this.suggestions.visible(actor, suggestionId);
    const file = await this.repository.find(suggestionId, fileId);
    if (!file) throw attachmentErrors.notFound(fileId);
    const absolute = path.join(this.dataDir, file.storage_path);
    if (!fs.existsSync(absolute)) throw attachmentErrors.notFound(fileId);
    return { file: toAttachment(file), stream: fs.createReadStream(absolute) };
  }

  /** Removes an attachment (lead deputy, draft or returned), then its bytes. */
  async remove(actor: Actor, suggestionId: string, fileId: string): Promise<void> {
    const suggestion = await this.writable(actor, suggestionId);
    const file = await this.repository.find(suggestionId, fileId);
    if (!file) throw attachmentErrors.notFound(fileId);
    await this.db.transaction().execute(async (trx) => {
      if (
        !(await this.repository.touchIfIn(suggestionId, editableStates, this.clock.now().toISOString(), trx))
      )
        throw attachmentErrors.notEditable();
      if (!(await this.repository.delete(suggestionId, fileId, trx))) throw attachmentErrors.notFound(fileId);
      await this.audit.record(trx, {
        actor,
        action: 'suggestion.attachment.remove',
        targetType: 'suggestion',
        targetId: suggestionId,
        bodyId: suggestion.body_id,
        before: toAttachment(file),
      });
    });
    // The bytes go once the row is gone; a failure here only leaves a stray file.
    await fs.promises.rm(path.join(this.dataDir, file.storage_path), { force: true });
  }

  /** An item the actor may see (else 404) whose attachments they may change now. */
  private async writable(actor: Actor, suggestionId: string): Promise<SuggestionRow> {
    const suggestion = await this.suggestions.visible(actor, suggestionId);
    if (!(await this.suggestions.mayWriteDraft(actor, suggestion))) throw attachmentErrors.notLead();
    if (!editableStates.includes(suggestion.status)) throw attachmentErrors.notEditable();
    return suggestion;
  }
}
