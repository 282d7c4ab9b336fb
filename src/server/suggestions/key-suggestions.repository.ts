import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';

/** The key-suggestion (重点建议) queries: candidates by rule, the status, the published list. */
export class KeySuggestionsRepository {
  constructor(private readonly db: Db) {}

  /** Accepted or handled items not yet key whose signers (lead included) reach `minSigners`. */
  async keyCandidates(bodyId: string, sessionId: string | undefined, minSigners: number) {
    let query = this.db
      .selectFrom('suggestions')
      .innerJoin('deputies', 'deputies.id', 'suggestions.lead_deputy_id')
      .leftJoin('categories', 'categories.id', 'suggestions.category_id')
      .selectAll('suggestions')
      .select(['deputies.name as lead_deputy_name', 'categories.name as category_name'])
      .where('suggestions.body_id', '=', bodyId)
      .where('suggestions.status', 'in', ['accepted', 'handling'])
      .where('suggestions.key_status', '=', 'none')
      .where(
        (eb) =>
          eb
            .selectFrom('suggestion_signers')
            .select((inner) => inner.fn.countAll<number>().as('n'))
            .whereRef('suggestion_signers.suggestion_id', '=', 'suggestions.id')
            .where('suggestion_signers.status', 'in', ['confirmed', 'merged']),
        '>=',
        minSigners - 1,
      );
    if (sessionId) query = query.where('suggestions.session_id', '=', sessionId);
    return query.orderBy('suggestions.serial_number').limit(500).execute();
  }

  async setKeyStatus(id: string, keyStatus: string, at: string, executor: Executor): Promise<void> {
    await executor
      .updateTable('suggestions')
      .set({ key_status: keyStatus, updated_at: at })
      .where('id', '=', id)
      .execute();
  }

  /** Publishes every confirmed key item of a body (and session); returns how many. */
  async publishKeys(
    bodyId: string,
    sessionId: string | undefined,
    at: string,
    executor: Executor,
  ): Promise<number> {
    let query = executor
      .updateTable('suggestions')
      .set({ key_status: 'published', updated_at: at })
      .where('body_id', '=', bodyId)
      .where('key_status', '=', 'confirmed');
    if (sessionId) query = query.where('session_id', '=', sessionId);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** The published key list of a body, for the public portal. */
  async publishedKeys(bodyId: string, sessionId: string | undefined) {
    let query = this.db
      .selectFrom('suggestions')
      .innerJoin('deputies', 'deputies.id', 'suggestions.lead_deputy_id')
      .leftJoin('categories', 'categories.id', 'suggestions.category_id')
      .selectAll('suggestions')
      .select(['deputies.name as lead_deputy_name', 'categories.name as category_name'])
      .where('suggestions.body_id', '=', bodyId)
      .where('suggestions.key_status', '=', 'published');
    if (sessionId) query = query.where('suggestions.session_id', '=', sessionId);
    return query.orderBy('suggestions.serial_number').execute();
  }
}
