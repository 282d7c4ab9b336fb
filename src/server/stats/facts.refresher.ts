import type { Db } from '../db/database.js';
import type { Clock } from '../platform/clock.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { ProfileFacts } from './facts.builder.js';
import { buildFacts } from './facts.builder.js';
import type { FactsRepository } from './facts.repository.js';

const batchSize = 1000;

/**
 * Keeps `stats_facts` up to date. Every write of the handling is audited in its own transaction
 * (suggestion, assignment, reply, follow-up promise, rule profile), so the audit log is a change
 * feed: before answering, the stats service recomputes the facts of the suggestions touched since
 * the watermark. The first call, or a call after the audit log was purged past the watermark,
 * rebuilds everything; `rebuild()` is also the CLI's `minyi stats rebuild` for data loaded
 * without the services (imports into the database, benchmark generators).
 */
export class FactsRefresher {
  private running: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly facts: FactsRepository,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {}

  /** Brings the facts up to the newest audited write; concurrent callers share one run. */
  async refresh(): Promise<void> {
    this.running ??= this.catchUp().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async catchUp(): Promise<void> {
    const mark = await this.facts.watermark();
    const { newest, oldest } = await this.facts.auditBounds();
    if (mark === null || (oldest > mark + 1 && newest > mark)) {
      await this.rebuild(mark);
      return;
    }
    if (newest <= mark) return;
    const ids = await this.facts.touchedSince(mark, newest);
    const rows = await this.derive(ids);
    const at = this.clock.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      // Only one refresher applies a given span; a loser leaves the winner's rows alone.
      if (!(await this.facts.advance(mark, newest, at, false, trx))) return;
      await this.facts.replace(ids, rows, trx);
    });
  }

  /** Recomputes every suggestion's facts (in batches; the swap is one transaction per batch). */
  async rebuild(knownMark?: number | null): Promise<{ suggestions: number }> {
    const mark = knownMark === undefined ? await this.facts.watermark() : knownMark;
    const { newest } = await this.facts.auditBounds();
    const at = this.clock.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await this.facts.clear(trx);
      await this.facts.advance(mark, newest, at, true, trx);
    });
    let after = '';
    let count = 0;
    const profiles = new Map<string, ProfileFacts>();
    for (;;) {
      const ids = await this.facts.assignedIdsAfter(after, batchSize);
      if (ids.length === 0) break;
      const rows = await this.derive(ids, profiles);
      await this.db.transaction().execute((trx) => this.facts.replace(ids, rows, trx, false));
      count += ids.length;
      after = ids[ids.length - 1] ?? after;
    }
    await this.db.transaction().execute((trx) => this.facts.sumCells(trx));
    return { suggestions: count };
  }

  private async derive(ids: string[], profiles = new Map<string, ProfileFacts>()) {
    const out = [];
    for (let i = 0; i < ids.length; i += batchSize) {
      const sources = await this.facts.sources(ids.slice(i, i + batchSize));
      for (const bodyId of new Set(sources.suggestions.map((s) => s.body_id))) {
        if (profiles.has(bodyId)) continue;
        const profile = (await this.settings.ruleProfile(bodyId)).settings;
        profiles.set(bodyId, {
          outcomeCounts: new Map(profile.outcomeClasses.map((c) => [c.code, c.counts])),
          warningSharePercent: profile.warningSharePercent,
        });
      }
      out.push(...buildFacts(sources, profiles));
    }
    return out;
  }
}
