import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { Clock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import type { Actor } from '../auth/actor.js';
import type { AuditFilter, AuditRepository } from './audit.repository.js';
import { auditHashAlgorithm, chainHash } from './audit.hash.js';

export interface AuditEntryInput {
  actor: Pick<Actor, 'userId' | 'displayName' | 'ip'> | null;
  action: string;
  targetType: string;
  targetId: string | null;
  bodyId?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditVerification {
  ok: boolean;
  algorithm: 'sm3' | 'sha256';
  checked: number;
  headSeq: number;
  /** The first entry that fails, with why. */
  failure?: { seq: number; reason: string };
}

function toJson(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

export class AuditService {
  constructor(
    private readonly db: Db,
    private readonly repository: AuditRepository,
    private readonly clock: Clock,
  ) {}

  /** Appends one entry inside the caller's transaction, so it commits or fails with the write. */
  async record(executor: Executor, input: AuditEntryInput): Promise<void> {
    const { seq, previousHash } = await this.repository.claimNext(executor);
    const fields = {
      seq,
      id: newId(),
      at: this.clock.now().toISOString(),
      actor_id: input.actor?.userId ?? null,
      actor_name: input.actor?.displayName ?? null,
      action: input.action,
      target_type: input.targetType,
      target_id: input.targetId,
      body_id: input.bodyId ?? null,
      before_json: toJson(input.before),
      after_json: toJson(input.after),
      ip: input.actor?.ip ?? null,
    };
    await this.repository.insertEntry(executor, {
      ...fields,
      prev_hash: previousHash,
      hash: chainHash(previousHash, fields),
    });
  }

  /** Walks the whole chain: any edited, inserted or deleted entry breaks it. */
  async verify(): Promise<AuditVerification> {
    const head = await this.repository.head();
    let expectedPrevious = head.anchor_hash;
    let expectedSeq = Number(head.anchor_seq) + 1;
    let checked = 0;
    let afterSeq = Number(head.anchor_seq);
    const result = (failure?: { seq: number; reason: string }): AuditVerification => ({
      ok: !failure,
      algorithm: auditHashAlgorithm,
      checked,
      headSeq: Number(head.seq),
      ...(failure ? { failure } : {}),
    });
    for (;;) {
      const batch = await this.repository.batchAfter(afterSeq, 2000);
      if (batch.length === 0) break;
      for (const row of batch) {
        const seq = Number(row.seq);
        if (seq !== expectedSeq)
          return result({ seq: expectedSeq, reason: `entry ${expectedSeq} is missing` });
        if (row.prev_hash !== expectedPrevious)
          return result({
            seq,
            reason: 'previous-hash link broken (an earlier entry was changed or removed)',
          });
        if (chainHash(row.prev_hash, { ...row, seq }) !== row.hash)
          return result({ seq, reason: 'content does not match its hash (entry was edited)' });
        expectedPrevious = row.hash;
        expectedSeq += 1;
        checked += 1;
      }
      afterSeq = Number(batch[batch.length - 1]?.seq ?? afterSeq);
    }
    if (expectedSeq - 1 !== Number(head.seq))
      return result({
        seq: expectedSeq,
        reason: `chain ends at ${expectedSeq - 1} but head says ${head.seq} (entries removed)`,
      });
    if (expectedPrevious !== head.hash)
      return result({ seq: expectedSeq - 1, reason: 'last hash does not match head' });
    return result();
  }

  /** Lists entries; `visibleBodyIds` null means every entry (a top-level administrator). */
  async list(filter: AuditFilter, page: number, pageSize: number, visibleBodyIds: string[] | null) {
    return this.repository.list(
      { ...filter, ...(visibleBodyIds ? { bodyIds: visibleBodyIds } : {}) },
      page,
      pageSize,
    );
  }

  /** Deletes entries older than the retention period; the purge itself is recorded. */
  async purgeOlderThan(months: number, actor: AuditEntryInput['actor']): Promise<number> {
    const cutoff = this.clock.now();
    cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
    return this.db.transaction().execute(async (trx) => {
      const removed = await this.repository.purgeBefore(trx, cutoff.toISOString());
      if (removed > 0)
        await this.record(trx, {
          actor,
          action: 'audit.purge',
          targetType: 'audit_log',
          targetId: null,
          after: { removed, cutoff: cutoff.toISOString() },
        });
      return removed;
    });
  }
}
