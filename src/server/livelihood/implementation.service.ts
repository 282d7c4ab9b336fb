import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Db } from '../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { DomainError, notFound } from '../platform/errors.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { detectPhotoType } from '../deputies/deputy-photos.service.js';
import type { Upload } from '../http/uploads.js';
import type {
  PlanInput,
  ProgressInput,
  ProjectDetail,
  SupervisorsInput,
} from '../../shared/schemas/livelihood.js';
import { milestoneSchema } from '../../shared/schemas/livelihood.js';
import type { LivelihoodRepository } from './livelihood.repository.js';
import type { NominationsRepository } from './nominations.repository.js';
import type { ImplementationRepository } from './implementation.repository.js';
import { progressPhotoOwner } from './implementation.repository.js';
import type { RoundsService } from './rounds.service.js';
import { livelihoodErrors, projectNoun } from './livelihood.errors.js';
import { managesLivelihood, reportsOn, toProjectSummary } from './livelihood.views.js';

export const progressPhotoMaxBytes = 8 * 1024 * 1024;

/** 政府办、人大评 in between: plans, progress with photos, and one deputy supervision group per project. */
export class ImplementationService {
  constructor(
    private readonly db: Db,
    private readonly rounds: LivelihoodRepository,
    private readonly nominations: NominationsRepository,
    private readonly work: ImplementationRepository,
    private readonly reader: RoundsService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly dataDir: string,
  ) {}

  private async load(actor: Actor, projectId: string) {
    const project = await this.rounds.project(projectId);
    if (!project) throw notFound(projectNoun, projectId);
    const { round, body } = await this.reader.visible(actor, project.round_id);
    const plan = await this.work.plan(projectId);
    const canReport = reportsOn(actor, body.path, [project.unit_id, ...(plan ? [plan.unit_id] : [])]);
    return { project, round, body, plan, canReport };
  }

  private async reportable(actor: Actor, projectId: string) {
    const loaded = await this.load(actor, projectId);
    if (loaded.project.status !== 'selected') throw livelihoodErrors.notSelected();
    if (!loaded.canReport)
      throw new DomainError('forbidden', 'forbidden', {
        zh: '只有承办单位或代表工委可以填报。',
        en: 'Only the implementing unit or office staff may report.',
      });
    return loaded;
  }

  async detail(actor: Actor, projectId: string): Promise<ProjectDetail> {
    const { project, body, plan, canReport } = await this.load(actor, projectId);
    const [progress, supervisors, nominationTitles] = await Promise.all([
      this.work.progressOf([projectId]),
      this.work.supervisors([projectId]),
      this.nominations.titlesOfProject(projectId),
    ]);
    const photos = await this.work.photosOf(progress.map((p) => p.id));
    return {
      ...toProjectSummary(project),
      plan: plan
        ? {
            unitId: plan.unit_id,
            unitName: plan.unit_name,
            targets: plan.targets,
            milestones: milestoneSchema.array().parse(JSON.parse(plan.milestones_json)),
            fundsFen: plan.funds_fen,
            fundingSource: plan.funding_source,
            updatedAt: plan.updated_at,
          }
        : null,
      progress: progress.map((p) => ({
        id: p.id,
        reportedOn: p.reported_on,
        percent: p.percent,
        summary: p.summary,
        photoIds: photos.filter((photo) => photo.owner_id === p.id).map((photo) => photo.id),
        createdAt: p.created_at,
      })),
      supervisors: supervisors.map((s) => ({
        deputyId: s.deputy_id,
        name: s.name,
        leader: s.is_leader === 1,
      })),
      nominationTitles,
      canReport: canReport && project.status === 'selected',
      canManage: managesLivelihood(actor, body.path),
    };
  }

  /** The implementation plan: unit, targets, milestones, funds. */
  async putPlan(actor: Actor, projectId: string, input: PlanInput): Promise<ProjectDetail> {
    const { project, round, plan } = await this.reportable(actor, projectId);
    if (!(await this.rounds.unitInBody(input.unitId, round.body_id))) throw livelihoodErrors.unitNotInBody();
    const at = this.clock.now().toISOString();
    const row = {
      project_id: projectId,
      unit_id: input.unitId,
      targets: input.targets,
      milestones_json: JSON.stringify(input.milestones),
      funds_fen: input.fundsFen,
      funding_source: input.fundingSource ?? null,
      updated_by: actor.userId,
      created_at: plan?.created_at ?? at,
      updated_at: at,
    };
    await this.db.transaction().execute(async (trx) => {
      await this.work.putPlan(row, trx);
      await this.audit.record(trx, {
        actor,
        action: 'livelihood.plan',
        targetType: 'livelihood_project',
        targetId: project.id,
        bodyId: round.body_id,
        before: plan ?? null,
        after: row,
      });
    });
    return this.detail(actor, projectId);
  }

  /** A progress report; the project shows the latest percentage, and its supervisors are told. */
  async addProgress(actor: Actor, projectId: string, input: ProgressInput) {
    const { project, round } = await this.reportable(actor, projectId);
    const at = this.clock.now().toISOString();
    const row = {
      id: newId(),
      project_id: projectId,
      ...toRow(input),
      created_by: actor.userId,
      created_at: at,
    };
    const supervisors = await this.work.supervisors([projectId]);
    await this.db.transaction().execute(async (trx) => {
      await this.work.insertProgress(row, trx);
      await this.rounds.updateProject(
        projectId,
        null,
        { progress_percent: input.percent, updated_at: at },
        trx,
      );
      await this.notifications.notifyDeputies(
        trx,
        supervisors.map((s) => s.deputy_id),
        {
          kind: 'livelihood.progress',
          title: `民生实事项目进度：${project.title}`,
          body: `已完成 ${input.percent}%：${input.summary.slice(0, 80)}`,
          link: `/livelihood/projects/${projectId}`,
        },
      );
      await this.audit.record(trx, {
        actor,
        action: 'livelihood.progress',
        targetType: 'livelihood_project',
        targetId: projectId,
        bodyId: round.body_id,
        after: row,
      });
    });
    return this.detail(actor, projectId);
  }

  /** A photo for a progress report (JPEG, PNG or WebP). */
  async addPhoto(actor: Actor, progressId: string, upload: Upload) {
    const progress = await this.work.progressById(progressId);
    if (!progress) throw notFound({ zh: '进度报告', en: 'Progress report' }, progressId);
    const { round } = await this.reportable(actor, progress.project_id);
    const type = detectPhotoType(upload.data);
    if (!type)
      throw new DomainError('validation', 'livelihood.photo_type', {
        zh: '照片须为 JPEG、PNG 或 WebP 格式。',
        en: 'Photos must be JPEG, PNG or WebP.',
      });
    const id = newId();
    const storagePath = path.join('uploads', id);
    const absolute = path.join(this.dataDir, storagePath);
    fs.mkdirSync(path.dirname(absolute), { recursive: true });
    await fs.promises.writeFile(absolute, upload.data, { flag: 'wx' });
    const file = {
      id,
      owner_type: progressPhotoOwner,
      owner_id: progressId,
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
    try {
      await this.db.transaction().execute(async (trx) => {
        await this.work.insertPhoto(file, trx);
        await this.audit.record(trx, {
          actor,
          action: 'livelihood.progress_photo',
          targetType: 'livelihood_project',
          targetId: progress.project_id,
          bodyId: round.body_id,
          after: { progressId, fileId: id, mimeType: type, sizeBytes: file.size_bytes, sha256: file.sha256 },
        });
      });
    } catch (error) {
      await fs.promises.rm(absolute, { force: true });
      throw error;
    }
    return this.detail(actor, progress.project_id);
  }

  /** A progress photo: for whoever follows the round, or anyone once its results are published. */
  async photo(
    actor: Actor | null,
    fileId: string,
  ): Promise<{ mimeType: string; sizeBytes: number; stream: Readable }> {
    const file = await this.work.photo(fileId);
    const progress = file?.owner_id ? await this.work.progressById(file.owner_id) : undefined;
    const project = progress ? await this.rounds.project(progress.project_id) : undefined;
    const round = project ? await this.rounds.round(project.round_id) : undefined;
    if (!file || !round) throw notFound({ zh: '照片', en: 'Photo' }, fileId);
    if (!(actor === null && round.published_at)) {
      if (!actor) throw notFound({ zh: '照片', en: 'Photo' }, fileId);
      await this.reader.visible(actor, round.id);
    }
    const absolute = path.join(this.dataDir, file.storage_path);
    if (!fs.existsSync(absolute)) throw notFound({ zh: '照片', en: 'Photo' }, fileId);
    return { mimeType: file.mime_type, sizeBytes: file.size_bytes, stream: fs.createReadStream(absolute) };
  }

  /** One supervision group of deputies per project: a leader and members. */
  async putSupervisors(actor: Actor, projectId: string, input: SupervisorsInput): Promise<ProjectDetail> {
    const { project, round } = await this.load(actor, projectId);
    await this.reader.managed(actor, round.id);
    if (project.status !== 'selected') throw livelihoodErrors.notSelected();
    const deputyIds = [...new Set([input.leaderDeputyId, ...input.memberDeputyIds])];
    const seated = await this.work.seatedDeputies(round.term_id, deputyIds);
    if (seated.length !== deputyIds.length) throw livelihoodErrors.supervisorsNotSeated();
    const before = await this.work.supervisors([projectId]);
    const at = this.clock.now().toISOString();
    const rows = deputyIds.map((deputyId) => ({
      project_id: projectId,
      deputy_id: deputyId,
      is_leader: deputyId === input.leaderDeputyId ? 1 : 0,
      created_at: at,
    }));
    await this.db.transaction().execute(async (trx) => {
      await this.work.replaceSupervisors(projectId, rows, trx);
      const added = deputyIds.filter((id) => !before.some((b) => b.deputy_id === id));
      await this.notifications.notifyDeputies(trx, added, {
        kind: 'livelihood.supervision',
        title: `您已加入民生实事项目监督小组：${project.title}`,
        body: '请跟踪项目实施进度，年终参加满意度测评。',
        link: `/livelihood/projects/${projectId}`,
      });
      await this.audit.record(trx, {
        actor,
        action: 'livelihood.supervisors',
        targetType: 'livelihood_project',
        targetId: projectId,
        bodyId: round.body_id,
        before: before.map((b) => ({ deputyId: b.deputy_id, leader: b.is_leader === 1 })),
        after: rows.map((r) => ({ deputyId: r.deputy_id, leader: r.is_leader === 1 })),
      });
    });
    return this.detail(actor, projectId);
  }
}

function toRow(input: ProgressInput) {
  return { reported_on: input.reportedOn, percent: input.percent, summary: input.summary };
}
