import type { Db } from '../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { requireCoversBody } from '../auth/actor.js';
import type { BodiesService } from '../organisations/bodies.service.js';
import type { Clock } from '../platform/clock.js';
import type { RateKey } from '../../shared/stats-definitions.js';
import { definitionText, rateDefinitions, rateKeys } from '../../shared/stats-definitions.js';
import type { IndicatorSet, Publication, PublicStats } from '../../shared/schemas/stats.js';
import type { StatsRepository } from './stats.repository.js';
import type { StatsService } from './stats.service.js';

const publishers = ['office_staff', 'admin'] as const;

function parseKeys(json: string): RateKey[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? rateKeys.filter((key) => parsed.includes(key)) : [];
}

/**
 * The indicators a body publishes (none until its office chooses) and the public figures: only
 * the published rates, over disclosed items only, for bodies that publish.
 */
export class PublicationService {
  constructor(
    private readonly db: Db,
    private readonly repository: StatsRepository,
    private readonly stats: StatsService,
    private readonly bodies: BodiesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async get(actor: Actor, bodyId: string): Promise<Publication> {
    const body = await this.bodies.require(bodyId);
    await this.stats.scope(actor, body.id);
    const row = await this.repository.publication(body.id);
    return {
      bodyId,
      indicators: row ? parseKeys(row.indicators_json) : [],
      updatedAt: row?.updated_at ?? null,
    };
  }

  async put(actor: Actor, bodyId: string, indicators: RateKey[]): Promise<Publication> {
    const body = await this.bodies.require(bodyId);
    requireCoversBody(actor, publishers, body.path);
    const before = await this.repository.publication(body.id);
    const at = this.clock.now().toISOString();
    const keys = rateKeys.filter((key) => indicators.includes(key));
    await this.db.transaction().execute(async (trx) => {
      await this.repository.putPublication(
        { body_id: body.id, indicators_json: JSON.stringify(keys), updated_by: actor.userId, updated_at: at },
        trx,
      );
      await this.audit.record(trx, {
        actor,
        action: 'stats.publication',
        targetType: 'stats_publication',
        targetId: body.id,
        bodyId: body.id,
        before: before ? { indicators: parseKeys(before.indicators_json) } : undefined,
        after: { indicators: keys },
      });
    });
    return { bodyId, indicators: keys, updatedAt: at };
  }

  /** Published indicators of every publishing body (or one), over disclosed items. */
  async publicStats(query: { bodyId?: string; year?: number }): Promise<PublicStats> {
    const rows = (await this.repository.publications()).filter(
      (r) => !query.bodyId || r.body_id === query.bodyId,
    );
    const out: PublicStats['bodies'] = [];
    for (const row of rows) {
      const keys = parseKeys(row.indicators_json);
      if (keys.length === 0) continue;
      const body = await this.bodies.require(row.body_id);
      const base = { bodyId: body.id, includeLowerLevels: true, year: query.year };
      const total = await this.stats.publicTable(body, { ...base, groupBy: 'none' });
      const years = await this.stats.publicTable(body, { ...base, groupBy: 'year' });
      const pick = (set: IndicatorSet) =>
        keys.map((key) => ({
          key,
          label: rateDefinitions[key].label.zh,
          definition: definitionText(rateDefinitions[key]),
          ...set.rates[key],
        }));
      out.push({
        bodyId: body.id,
        bodyName: body.name,
        asOf: total.asOf,
        total: total.totals.indicators.counts.total,
        indicators: pick(total.totals.indicators),
        byYear: years.rows.map((r) => ({ year: Number(r.key), indicators: pick(r.indicators) })),
      });
    }
    return { bodies: out };
  }
}
