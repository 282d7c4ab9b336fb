import type { Db } from '../db/database.js';
import type { BodyRow } from '../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { coversBody, organisationReaders, requireCoversBody, unitIdsOf } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import { shanghaiDate } from '../platform/clock.js';
import { forbidden, invalidField, notFound } from '../platform/errors.js';
import type { BodiesService } from '../organisations/bodies.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import { appraisalDefaults, appraisalSettingsSchema } from '../../shared/schemas/appraisal.js';
import type {
  AppraisalQuery,
  AppraisalResult,
  AppraisalSettings,
  AppraisalSettingsView,
  UnitAppraisalDetail,
} from '../../shared/schemas/appraisal.js';
import type { AppraisalRepository, AppraisalScope } from './appraisal.repository.js';
import { scoreUnits, unscoredUnit } from './appraisal.scoring.js';
import type { UnitScore } from './appraisal.scoring.js';

const unitNoun = { zh: '承办单位', en: 'Unit' };
const unitRolesHere = ['unit_handler', 'unit_leader'] as const;

/** The full appraisal of a body's units, with every deduction (for reports and exports). */
export interface AppraisalRun {
  scope: AppraisalResult['scope'];
  settings: AppraisalSettings;
  units: UnitScore[];
}

/**
 * The unit appraisal (七台河): scores from weighted criteria with deductions item by item. Staff
 * covering the body see every unit; a unit's own users see only their unit, and when ratings are
 * back to back (背靠背) not which item a satisfaction deduction came from.
 */
export class AppraisalService {
  constructor(
    private readonly db: Db,
    private readonly repository: AppraisalRepository,
    private readonly bodies: BodiesService,
    private readonly settings: SettingsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The effective settings: the body's own, else the nearest ancestor's, else the defaults. */
  async settingsOf(bodyId: string): Promise<AppraisalSettingsView> {
    const body = await this.bodies.require(bodyId);
    const lineage = await this.bodies.lineage(body);
    const stored = await this.repository.settingsOf(lineage.map((b) => b.id));
    for (const ancestor of lineage) {
      const row = stored.find((s) => s.body_id === ancestor.id);
      if (!row) continue;
      const parsed = appraisalSettingsSchema.safeParse(JSON.parse(row.settings));
      return {
        bodyId,
        source: ancestor.id === bodyId ? 'own' : 'inherited',
        settings: parsed.success ? parsed.data : appraisalDefaults,
      };
    }
    return { bodyId, source: 'default', settings: appraisalDefaults };
  }

  async readSettings(actor: Actor, bodyId: string): Promise<AppraisalSettingsView> {
    this.access(actor, await this.bodies.require(bodyId));
    return this.settingsOf(bodyId);
  }

  async updateSettings(
    actor: Actor,
    bodyId: string,
    settings: AppraisalSettings,
  ): Promise<AppraisalSettingsView> {
    const body = await this.bodies.require(bodyId);
    requireCoversBody(actor, ['admin', 'office_staff'], body.path);
    const before = await this.settingsOf(bodyId);
    await this.db.transaction().execute(async (trx) => {
      await this.repository.putSettings(
        bodyId,
        JSON.stringify(settings),
        this.clock.now().toISOString(),
        trx,
      );
      await this.audit.record(trx, {
        actor,
        action: 'appraisal_settings.update',
        targetType: 'appraisal_settings',
        targetId: bodyId,
        bodyId,
        before: before.settings,
        after: settings,
      });
    });
    return this.settingsOf(bodyId);
  }

  /** The ranking; a unit user gets only their own unit's row (with its real rank). */
  async ranking(actor: Actor, query: AppraisalQuery): Promise<AppraisalResult> {
    const body = await this.bodies.require(query.bodyId);
    const ownUnits = this.access(actor, body);
    const run = await this.run(body, query);
    return {
      scope: run.scope,
      settings: run.settings,
      units: run.units.filter((u) => !ownUnits || ownUnits.includes(u.unit.unitId)).map((u) => u.unit),
    };
  }

  /** One unit's score with its deductions item by item; 404 for a unit the actor may not see. */
  async unit(actor: Actor, unitId: string, query: AppraisalQuery): Promise<UnitAppraisalDetail> {
    const body = await this.bodies.require(query.bodyId);
    const ownUnits = this.access(actor, body);
    const unit = await this.repository.unit(unitId);
    if (!unit || unit.body_id !== body.id || (ownUnits && !ownUnits.includes(unitId)))
      throw notFound(unitNoun, unitId);
    const run = await this.run(body, query);
    const found = run.units.find((u) => u.unit.unitId === unitId);
    const score = found ?? { unit: unscoredUnit(unitId, unit.name, run.settings), deductions: [] };
    const hideRatedItems =
      ownUnits !== null && (await this.settings.ruleProfile(body.id)).settings.backToBackRating;
    return {
      scope: run.scope,
      settings: run.settings,
      unit: score.unit,
      deductions: score.deductions.map((d) =>
        hideRatedItems && d.criterion === 'satisfaction'
          ? {
              ...d,
              suggestionId: null,
              serialLabel: null,
              title: null,
              reason: `${d.reason}（背靠背测评，不显示具体建议）`,
            }
          : d,
      ),
    };
  }

  /** Every unit with deductions, for the office (exports and reports check access themselves). */
  async full(actor: Actor, query: AppraisalQuery): Promise<AppraisalRun> {
    return this.run(await this.requireStaff(actor, query.bodyId), query);
  }

  /** The body, if the actor is staff who see every unit's appraisal. */
  async requireStaff(actor: Actor, bodyId: string): Promise<BodyRow> {
    const body = await this.bodies.require(bodyId);
    if (this.access(actor, body) !== null)
      throw forbidden({
        zh: '只有人大机关工作人员可以导出全部单位的考评结果。',
        en: 'Only congress staff export every unit.',
      });
    return body;
  }

  /** Scores without access checks: the caller has checked. */
  async run(body: BodyRow, query: AppraisalQuery): Promise<AppraisalRun> {
    const today = shanghaiDate(this.clock.now());
    const { scope, described } = await this.scope(body, query, today);
    const settings = (await this.settingsOf(body.id)).settings;
    const assignments = await this.repository.assignments(body.id, scope);
    const assignmentIds = assignments.map((a) => a.id);
    const suggestionIds = [...new Set(assignments.map((a) => a.suggestion_id))];
    const [contacts, ratings, records, promises] = await Promise.all([
      this.repository.contacts(assignmentIds),
      this.repository.finalRatings(suggestionIds),
      this.repository.records(suggestionIds),
      this.repository.promises(assignmentIds),
    ]);
    return {
      scope: { ...described, bodyId: body.id, bodyName: body.name, asOf: today },
      settings,
      units: scoreUnits({ assignments, contacts, ratings, records, promises }, settings, today),
    };
  }

  /**
   * Null for staff who see every unit; the actor's unit ids for unit users. Anyone else may not
   * see the appraisal of this body.
   */
  private access(actor: Actor, body: BodyRow): string[] | null {
    if (coversBody(actor, organisationReaders, body.path)) return null;
    if (actor.roles.some((r) => (unitRolesHere as readonly string[]).includes(r.role) && r.unitId))
      return unitIdsOf(actor);
    throw forbidden({
      zh: '您无权查看该人大的承办单位考评。',
      en: 'You may not see the appraisal of this body.',
    });
  }

  private async scope(body: BodyRow, query: AppraisalQuery, today: string) {
    if (query.sessionId) {
      const session = await this.repository.session(query.sessionId);
      if (!session || session.body_id !== body.id)
        throw invalidField('sessionId', {
          zh: '「会议」不存在或不属于该人大',
          en: '"Session" not found in this body',
        });
      return {
        scope: { sessionId: session.id } satisfies AppraisalScope,
        described: { sessionId: session.id, sessionName: session.name, year: null },
      };
    }
    const year = query.year ?? Number(today.slice(0, 4));
    return {
      scope: { fromDay: `${year}-01-01`, toDay: `${year + 1}-01-01` } satisfies AppraisalScope,
      described: { sessionId: null, sessionName: null, year },
    };
  }
}
