import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { SuggestionEventsTable, SuggestionLeadersTable, SuggestionSignersTable } from '../db/schema.js';

export type SignerRow = Selectable<SuggestionSignersTable> & { name: string };
export type EventRow = Selectable<SuggestionEventsTable>;
export type LeaderRow = Selectable<SuggestionLeadersTable>;

/** Co-signers, the timeline and key-suggestion leaders of suggestions. */
export class SuggestionPartsRepository {
  constructor(private readonly db: Db) {}

  async signersOf(suggestionIds: string[], executor: Executor = this.db): Promise<SignerRow[]> {
    if (suggestionIds.length === 0) return [];
    return executor
      .selectFrom('suggestion_signers')
      .innerJoin('deputies', 'deputies.id', 'suggestion_signers.deputy_id')
      .selectAll('suggestion_signers')
      .select('deputies.name')
      .where('suggestion_signers.suggestion_id', 'in', suggestionIds)
      .orderBy('suggestion_signers.invited_at')
      .execute();
  }

  async insertSigners(rows: Insertable<SuggestionSignersTable>[], executor: Executor): Promise<void> {
    if (rows.length === 0) return;
    await executor
      .insertInto('suggestion_signers')
      .values(rows)
      .onConflict((oc) => oc.columns(['suggestion_id', 'deputy_id']).doNothing())
      .execute();
  }

  async respond(
    suggestionId: string,
    deputyId: string,
    status: string,
    at: string,
    executor: Executor,
  ): Promise<boolean> {
    const result = await executor
      .updateTable('suggestion_signers')
      .set({ status, responded_at: at })
      .where('suggestion_id', '=', suggestionId)
      .where('deputy_id', '=', deputyId)
      .where('status', 'in', ['invited', 'confirmed', 'declined'])
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async removeSigner(suggestionId: string, deputyId: string, executor: Executor): Promise<void> {
    await executor
      .deleteFrom('suggestion_signers')
      .where('suggestion_id', '=', suggestionId)
      .where('deputy_id', '=', deputyId)
      .execute();
  }

  /** Invitations still open when the item is submitted lapse: only confirmed signers count. */
  async lapseOpenInvitations(suggestionId: string, at: string, executor: Executor): Promise<void> {
    await executor
      .updateTable('suggestion_signers')
      .set({ status: 'lapsed', responded_at: at })
      .where('suggestion_id', '=', suggestionId)
      .where('status', '=', 'invited')
      .execute();
  }

  async countConfirmed(suggestionIds: string[], executor: Executor = this.db): Promise<Map<string, number>> {
    if (suggestionIds.length === 0) return new Map();
    const rows = await executor
      .selectFrom('suggestion_signers')
      .select(['suggestion_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('suggestion_id', 'in', suggestionIds)
      .where('status', 'in', ['confirmed', 'merged'])
      .groupBy('suggestion_id')
      .execute();
    return new Map(rows.map((r) => [r.suggestion_id, Number(r.n)]));
  }

  async insertEvent(row: EventRow, executor: Executor): Promise<void> {
    await executor.insertInto('suggestion_events').values(row).execute();
  }

  async eventsOf(suggestionId: string): Promise<EventRow[]> {
    return this.db
      .selectFrom('suggestion_events')
      .selectAll()
      .where('suggestion_id', '=', suggestionId)
      .orderBy('at')
      .orderBy('id')
      .execute();
  }

  async leadersOf(suggestionIds: string[], executor: Executor = this.db): Promise<LeaderRow[]> {
    if (suggestionIds.length === 0) return [];
    return executor
      .selectFrom('suggestion_leaders')
      .selectAll()
      .where('suggestion_id', 'in', suggestionIds)
      .orderBy('created_at')
      .execute();
  }

  async replaceLeaders(
    suggestionId: string,
    rows: Insertable<SuggestionLeadersTable>[],
    executor: Executor,
  ): Promise<void> {
    await executor.deleteFrom('suggestion_leaders').where('suggestion_id', '=', suggestionId).execute();
    if (rows.length > 0) await executor.insertInto('suggestion_leaders').values(rows).execute();
  }
}
