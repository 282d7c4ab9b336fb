import type { Db } from '../db/database.js';
import type { ReceptionRuleRow, StationRow } from '../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { coversBody, organisationReaders, requireCoversBody } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { forbidden } from '../platform/errors.js';
import type { BodiesService } from '../organisations/bodies.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { LabelScheme, ReceptionRule, ReceptionRuleInput } from '../../shared/schemas/stations.js';
import type { StationsRepository } from './stations.repository.js';
import type { RostersRepository } from './rosters.repository.js';
import type { StationsService } from './stations.service.js';
import { stationWriters } from './stations.access.js';
import type { RuleFields } from './roster.rules.js';
import { defaultRule, toRuleView } from './roster.rules.js';

const bodyKey = (bodyId: string) => `body:${bodyId}`;

/**
 * Reception-day rules: a station's own, else its body's or an ancestor's, else the reception day of
 * the body's rule profile; and the body's station settings (label scheme, default rule).
 */
export class ReceptionRulesService {
  constructor(
    private readonly db: Db,
    private readonly rosters: RostersRepository,
    private readonly stationsRepository: StationsRepository,
    private readonly stations: StationsService,
    private readonly bodies: BodiesService,
    private readonly settings: SettingsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * The rule each station (all of one body) follows: its own, else its body's or the nearest
   * ancestor's, else the reception day of the body's rule profile (default the 20th).
   */
  async effectiveRules(stations: Pick<StationRow, 'id'>[], body: { id: string; path: string }) {
    const lineage = lineageIds(body.path);
    const keys = [...stations.map((s) => s.id), ...lineage.map(bodyKey)];
    const [stored, fallback] = await Promise.all([
      this.rosters.rulesByScope(keys),
      this.profileRule(body.id),
    ]);
    const rules = new Map(stored.map((r) => [r.scope_key, r]));
    const inherited = lineage.map((id) => rules.get(bodyKey(id))).find((r) => r !== undefined);
    const result = new Map<string, { rule: RuleFields; source: ReceptionRule['source'] }>();
    for (const station of stations) {
      const own = rules.get(station.id);
      result.set(
        station.id,
        own
          ? { rule: own, source: 'station' }
          : inherited
            ? { rule: inherited, source: 'body' }
            : { rule: fallback, source: 'default' },
      );
    }
    return result;
  }

  /** The built-in rule on the day of month set in the body's rule profile (规则设置). */
  private async profileRule(bodyId: string): Promise<RuleFields> {
    const profile = await this.settings.ruleProfile(bodyId);
    return { ...defaultRule, day_of_month: profile.settings.receptionDayOfMonth };
  }

  async stationRule(actor: Actor, stationId: string): Promise<ReceptionRule> {
    const station = await this.stations.visible(actor, stationId);
    const found = (
      await this.effectiveRules([station], { id: station.body_id, path: station.body_path })
    ).get(station.id);
    return toRuleView(found?.rule ?? defaultRule, found?.source ?? 'default');
  }

  /** Sets the station's own rule, or (null) removes it so the body's rule applies again. */
  async putStationRule(actor: Actor, stationId: string, input: ReceptionRuleInput | null) {
    const station = await this.stations.writable(actor, stationId);
    const before = (await this.rosters.rulesByScope([station.id]))[0] ?? null;
    await this.db.transaction().execute(async (trx) => {
      if (input)
        await this.rosters.upsertRule(this.ruleRow(station.id, station.body_id, station.id, input), trx);
      else await this.rosters.deleteRule(station.id, trx);
      await this.audit.record(trx, {
        actor,
        action: 'station.rule',
        targetType: 'station',
        targetId: station.id,
        bodyId: station.body_id,
        before,
        after: input,
      });
    });
    return this.stationRule(actor, stationId);
  }

  async bodySettings(actor: Actor, bodyId: string) {
    const body = await this.bodies.require(bodyId);
    const isDeputy = actor.roles.some((g) => g.role === 'deputy' && g.bodyId === bodyId);
    if (!isDeputy && !coversBody(actor, organisationReaders, body.path))
      throw forbidden({ zh: '您无权查看该人大的联络站设置。', en: 'You may not read these settings.' });
    const lineage = lineageIds(body.path);
    const rules = new Map(
      (await this.rosters.rulesByScope(lineage.map(bodyKey))).map((r) => [r.scope_key, r]),
    );
    const inherited = lineage.map((id) => rules.get(bodyKey(id))).find((r) => r !== undefined);
    return {
      bodyId,
      labelScheme: ((await this.stationsRepository.labelScheme(bodyId)) ?? 'none') as LabelScheme,
      rule: toRuleView(inherited ?? (await this.profileRule(bodyId)), inherited ? 'body' : 'default'),
    };
  }

  /** The body's label scheme (stars, demonstration) and default reception rule for its stations. */
  async putBodySettings(
    actor: Actor,
    bodyId: string,
    input: { labelScheme: LabelScheme; rule: ReceptionRuleInput },
  ) {
    const body = await this.bodies.require(bodyId);
    requireCoversBody(actor, stationWriters, body.path);
    const at = this.clock.now().toISOString();
    const before = await this.bodySettings(actor, bodyId);
    await this.db.transaction().execute(async (trx) => {
      await this.stationsRepository.putLabelScheme(bodyId, input.labelScheme, at, trx);
      await this.rosters.upsertRule(this.ruleRow(bodyKey(bodyId), bodyId, null, input.rule), trx);
      await this.audit.record(trx, {
        actor,
        action: 'station.body_settings',
        targetType: 'body',
        targetId: bodyId,
        bodyId,
        before,
        after: input,
      });
    });
    return this.bodySettings(actor, bodyId);
  }

  private ruleRow(
    scopeKey: string,
    bodyId: string,
    stationId: string | null,
    input: ReceptionRuleInput,
  ): ReceptionRuleRow {
    const at = this.clock.now().toISOString();
    return {
      id: newId(),
      scope_key: scopeKey,
      body_id: bodyId,
      station_id: stationId,
      kind: input.kind,
      day_of_month: input.kind === 'day_of_month' ? (input.dayOfMonth ?? null) : null,
      week_number: input.kind === 'nth_weekday' ? (input.weekNumber ?? null) : null,
      weekday: input.kind === 'nth_weekday' ? (input.weekday ?? null) : null,
      rest_day_rule: input.restDayRule,
      start_time: input.startTime,
      end_time: input.endTime,
      deputies_per_day: input.deputiesPerDay,
      slot_minutes: input.slotMinutes,
      created_at: at,
      updated_at: at,
    };
  }
}

/** The body and its ancestors from a materialised path, nearest first. */
function lineageIds(path: string): string[] {
  return path.split('/').filter(Boolean).reverse();
}
