import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Actor } from '../auth/actor.js';
import { coversBody } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { DomainError, notFound } from '../platform/errors.js';
import type { UsersRepository } from '../users/users.repository.js';
import type { Db } from '../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Role } from '../../shared/schemas/roles.js';
import { exportKindLabels } from '../../shared/schemas/exports.js';
import type { ExportKind, ExportRequest, ExportStatus, ExportView } from '../../shared/schemas/exports.js';
import type { ExportRow, ExportsRepository } from './exports.repository.js';

/** A file to produce: writes it while reporting progress (0-100) and says what it wrote. */
export interface ExportJob {
  write(
    out: Writable,
    progress: (percent: number) => Promise<void>,
  ): Promise<{ fileName: string; contentType: string }>;
}

/**
 * One kind of export. `prepare` checks access and parameters as the requester (so a bad request
 * fails at once) and returns the body it concerns and the job; it runs again in the runner.
 */
export interface ExportKindHandler<Params> {
  prepare(actor: Actor, params: Params): Promise<{ bodyId: string | null; job: ExportJob }>;
}
type Handlers = { [K in ExportKind]?: ExportKindHandler<Extract<ExportRequest, { kind: K }>['params']> };

const exportNoun = { zh: '导出文件', en: 'Export' };
/** Who may download another person's export of their body. */
const officeRoles: readonly Role[] = ['admin', 'office_staff'];
const heartbeatMinutes = 10;
const maxAttempts = 3;
/** Finished files are kept this long, then removed with their row (they hold personal data). */
export const exportRetentionDays = 7;

/**
 * Long exports as background work with progress: a row per request, claimed by one runner with a
 * compare-and-set and kept alive by a heartbeat, files under `<dataDir>/exports/`. Started in this
 * process right after the request; a row whose runner died is taken up again by the next kick.
 */
export class ExportsService {
  private readonly handlers: Handlers = {};
  private readonly worker = `${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  private current: Promise<void> | null = null;
  private again = false;
  /** Test hook: awaited after each progress write (e.g. to read the status mid-run). */
  onProgress: ((id: string, percent: number) => Promise<void>) | null = null;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly exports: ExportsRepository,
    private readonly users: UsersRepository,
    private readonly clock: Clock,
    private readonly dataDir: string,
    private readonly log: (error: unknown) => void = () => {},
  ) {}

  register<K extends ExportKind>(
    kind: K,
    handler: ExportKindHandler<Extract<ExportRequest, { kind: K }>['params']>,
  ) {
    (this.handlers as Record<string, unknown>)[kind] = handler;
  }

  /** Queues an export after checking the request as the actor; it starts at once in the background. */
  async start(actor: Actor, request: ExportRequest): Promise<ExportView> {
    const { bodyId } = await this.prepare(actor, request);
    const row: ExportRow = {
      id: newId(),
      kind: request.kind,
      // The parsed parameters: the runner reads them back as they are.
      params_json: JSON.stringify(request.params),
      body_id: bodyId,
      requested_by: actor.userId,
      status: 'queued',
      progress: 0,
      attempts: 0,
      claimed_by: null,
      claimed_until: null,
      error: null,
      file_name: null,
      content_type: null,
      storage_path: null,
      size_bytes: null,
      created_at: this.clock.now().toISOString(),
      started_at: null,
      finished_at: null,
    };
    await this.db.transaction().execute(async (trx) => {
      await this.exports.insert(row, trx);
      await this.audit.record(trx, {
        actor,
        action: 'export.start',
        targetType: 'export',
        targetId: row.id,
        bodyId,
        after: { kind: request.kind, params: request.params },
      });
    });
    this.kick();
    return this.view(row);
  }

  async get(actor: Actor, id: string): Promise<ExportView> {
    const row = await this.visible(actor, id);
    // Someone is looking: take up exports whose runner died.
    if (row.status !== 'done' && row.status !== 'failed') this.kick();
    return this.view(row);
  }

  async mine(actor: Actor): Promise<ExportView[]> {
    const rows = await this.exports.ofRequester(actor.userId, 50);
    if (rows.some((r) => r.status === 'queued' || r.status === 'running')) this.kick();
    return rows.map((r) => this.view(r));
  }

  /** The finished file; 404 for anyone but the requester and the office of the export's body. */
  async download(actor: Actor, id: string) {
    const row = await this.visible(actor, id);
    if (row.status !== 'done' || !row.storage_path || !row.file_name)
      throw new DomainError('conflict', 'export.not_ready', {
        zh: '文件尚未生成完成，请稍后再下载。',
        en: 'The file is not ready yet.',
      });
    const absolute = path.join(this.dataDir, row.storage_path);
    if (!fs.existsSync(absolute)) throw notFound(exportNoun, id);
    return {
      fileName: row.file_name,
      fallbackName: `export-${row.id}${path.extname(row.file_name)}`,
      contentType: row.content_type ?? 'application/octet-stream',
      stream: fs.createReadStream(absolute),
    };
  }

  /** Starts the runner unless it is running (then it looks again when done). */
  kick(): void {
    if (this.current) {
      this.again = true;
      return;
    }
    this.current = (async () => {
      do {
        this.again = false;
        await this.runAll();
      } while (this.again);
    })()
      .catch((error: unknown) => this.log(error))
      .finally(() => {
        this.current = null;
      });
  }

  /** Resolves when the runner has nothing left to do (tests, shutdown). */
  async whenIdle(): Promise<void> {
    while (this.current) await this.current;
  }

  private async runAll(): Promise<void> {
    await this.removeExpired();
    for (;;) {
      const row = await this.exports.nextRunnable(this.clock.now().toISOString());
      if (!row) return;
      if (row.attempts >= maxAttempts) {
        await this.finishFailed(row, '多次生成中断，已停止。Stopped after repeated interruptions.', true);
        continue;
      }
      if (!(await this.exports.claim(row, this.worker, this.clock.now().toISOString(), this.heartbeat())))
        continue;
      await this.runOne(row);
    }
  }

  private async runOne(row: ExportRow): Promise<void> {
    const folder = path.join(this.dataDir, 'exports');
    const storagePath = path.join('exports', row.id);
    const absolute = path.join(this.dataDir, storagePath);
    let reported = 0;
    const progress = async (percent: number) => {
      const value = Math.max(0, Math.min(99, Math.floor(percent)));
      if (value <= reported) return;
      reported = value;
      await this.exports.update(row.id, this.worker, { progress: value, claimed_until: this.heartbeat() });
      await this.onProgress?.(row.id, value);
      // Let requests in between the steps of a long export.
      await new Promise((resolve) => setImmediate(resolve));
    };
    try {
      const actor = await this.requesterActor(row.requested_by);
      const request = { kind: row.kind, params: JSON.parse(row.params_json) as unknown } as ExportRequest;
      const { job } = await this.prepare(actor, request);
      await fs.promises.mkdir(folder, { recursive: true });
      const out = fs.createWriteStream(absolute);
      const written = await job.write(out, progress);
      if (!out.writableEnded) out.end();
      await finished(out);
      const size = (await fs.promises.stat(absolute)).size;
      await this.exports.update(row.id, this.worker, {
        status: 'done',
        progress: 100,
        file_name: written.fileName,
        content_type: written.contentType,
        storage_path: storagePath,
        size_bytes: size,
        finished_at: this.clock.now().toISOString(),
        claimed_until: null,
      });
    } catch (error) {
      await fs.promises.rm(absolute, { force: true });
      // A domain error (no access any more, bad parameters) is the requester's to read; others are faults.
      if (!(error instanceof DomainError)) this.log(error);
      await this.finishFailed(row, errorText(error), false);
    }
  }

  /** Deletes files and rows finished more than the retention period ago. */
  private async removeExpired(): Promise<void> {
    const cutoff = new Date(this.clock.now().getTime() - exportRetentionDays * 86_400_000).toISOString();
    const rows = await this.exports.finishedBefore(cutoff, 200);
    for (const row of rows)
      if (row.storage_path) await fs.promises.rm(path.join(this.dataDir, row.storage_path), { force: true });
    await this.exports.delete(rows.map((r) => r.id));
  }

  private async finishFailed(row: ExportRow, message: string, unclaimed: boolean): Promise<void> {
    if (
      unclaimed &&
      !(await this.exports.claim(row, this.worker, this.clock.now().toISOString(), this.heartbeat()))
    )
      return;
    await this.exports.update(row.id, this.worker, {
      status: 'failed',
      error: message.slice(0, 1000),
      finished_at: this.clock.now().toISOString(),
      claimed_until: null,
    });
  }

  private async prepare(actor: Actor, request: ExportRequest) {
    const handler = this.handlers[request.kind] as ExportKindHandler<ExportRequest['params']> | undefined;
    if (!handler) throw new Error(`no handler for export kind ${request.kind}`);
    return handler.prepare(actor, request.params);
  }

  /** The requester as they are now (roles may have changed since the request). */
  private async requesterActor(userId: string): Promise<Actor> {
    const user = await this.exports.requester(userId);
    if (!user || user.status !== 'active')
      throw new Error('申请人账户已停用。The requester is no longer active.');
    const roles = await this.users.rolesOf([userId]);
    return {
      userId: user.id,
      username: user.username,
      displayName: user.display_name,
      roles: roles.map((r) => ({
        role: r.role as Role,
        bodyId: r.body_id,
        bodyPath: r.body_path,
        unitId: r.unit_id,
        committeeId: r.committee_id,
      })),
      deputyId: user.deputy_id,
      via: 'session',
      sessionId: null,
      ip: null,
    };
  }

  private async visible(actor: Actor, id: string): Promise<ExportRow> {
    const row = await this.exports.findById(id);
    if (!row) throw notFound(exportNoun, id);
    if (row.requested_by === actor.userId) return row;
    const bodyPath = row.body_id ? await this.exports.bodyPath(row.body_id) : undefined;
    if (bodyPath && coversBody(actor, officeRoles, bodyPath)) return row;
    throw notFound(exportNoun, id);
  }

  private heartbeat(): string {
    return new Date(this.clock.now().getTime() + heartbeatMinutes * 60_000).toISOString();
  }

  private view(row: ExportRow): ExportView {
    const kind = row.kind as ExportKind;
    return {
      id: row.id,
      kind,
      kindLabel: exportKindLabels[kind].zh,
      status: row.status as ExportStatus,
      progress: row.progress,
      error: row.error,
      fileName: row.file_name,
      sizeBytes: row.size_bytes,
      createdAt: row.created_at,
      startedAt: row.started_at,
      finishedAt: row.finished_at,
      downloadUrl: row.status === 'done' ? `/api/v1/exports/${row.id}/download` : null,
    };
  }
}

/** A domain error's Chinese text, else the plain message (shown to the requester). */
function errorText(error: unknown): string {
  if (error instanceof DomainError) return error.text.zh;
  return error instanceof Error ? error.message : String(error);
}
