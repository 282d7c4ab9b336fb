import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { AuditRow } from '../db/schema.js';
import type { DialectHelpers } from '../db/dialect/dialect.js';

export interface AuditFilter {
  actorId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  bodyIds?: string[];
  fromIso?: string;
  toIso?: string;
  q?: string;
}

export class AuditRepository {
  constructor(
    private readonly db: Db,
    private readonly dialect: DialectHelpers,
  ) {}

  /** Claims the next sequence number; the row lock serialises concurrent appends. */
  async claimNext(executor: Executor): Promise<{ seq: number; previousHash: string }> {
    const row = await executor
      .updateTable('audit_head')
      .set({ seq: sql`seq + 1` })
      .where('id', '=', 1)
      .returning(['seq', 'hash'])
      .executeTakeFirstOrThrow();
    return { seq: Number(row.seq), previousHash: row.hash };
  }

  async insertEntry(executor: Executor, row: AuditRow): Promise<void> {
    await executor.insertInto('audit_log').values(row).execute();
    await executor.updateTable('audit_head').set({ hash: row.hash }).where('id', '=', 1).execute();
  }

  async head(executor: Executor = this.db) {
    return executor.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  }

  /** Entries in chain order, one batch after `afterSeq`. */
  async batchAfter(afterSeq: number, limit: number): Promise<AuditRow[]> {
    return this.db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(limit)
      .execute();
  }

  async list(
    filter: AuditFilter,
    page: number,
    pageSize: number,
  ): Promise<{ items: AuditRow[]; total: number }> {
    let query = this.db.selectFrom('audit_log');
    if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
    if (filter.action) query = query.where('action', '=', filter.action);
    if (filter.targetType) query = query.where('target_type', '=', filter.targetType);
    if (filter.targetId) query = query.where('target_id', '=', filter.targetId);
    if (filter.bodyIds)
      query = query.where('body_id', 'in', filter.bodyIds.length > 0 ? filter.bodyIds : ['-']);
    if (filter.fromIso) query = query.where('at', '>=', filter.fromIso);
    if (filter.toIso) query = query.where('at', '<', filter.toIso);
    if (filter.q) {
      const q = filter.q;
      query = query.where((eb) =>
        eb.or([
          this.dialect.containsInsensitive(eb.ref('actor_name'), q),
          this.dialect.containsInsensitive(eb.ref('action'), q),
          this.dialect.containsInsensitive(eb.ref('after_json'), q),
        ]),
      );
    }
    const [items, count] = await Promise.all([
      query
        .selectAll()
        .orderBy('seq', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.total) };
  }

  /** Deletes entries older than the cut-off and moves the chain anchor past them. */
  async purgeBefore(executor: Executor, cutoffIso: string): Promise<number> {
    const last = await executor
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .where('at', '<', cutoffIso)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!last) return 0;
    const deleted = await executor.deleteFrom('audit_log').where('seq', '<=', last.seq).executeTakeFirst();
    await executor
      .updateTable('audit_head')
      .set({ anchor_seq: last.seq, anchor_hash: last.hash })
      .where('id', '=', 1)
      .execute();
    return Number(deleted.numDeletedRows);
  }
}
