import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { FollowupProgressTable, FollowupPromisesTable } from '../db/schema-oversight.js';

export type PromiseRecord = Selectable<FollowupPromisesTable>;

export interface PromiseFilter {
  bodyId: string;
  /** The ledger of a year: entered that year, or entered earlier and still open when it began. */
  year?: number;
  open?: boolean;
  termId?: string;
  unitId?: string;
  suggestionId?: string;
  /** Only these units' promises (unit staff); undefined for office staff. */
  unitIds?: string[];
}

/** The follow-up ledger: promises, their progress reports and the counts for 落实率. */
export class FollowupsRepository {
  constructor(private readonly db: Db) {}

  private withNames(executor: Executor) {
    return executor
      .selectFrom('followup_promises')
      .innerJoin('suggestions', 'suggestions.id', 'followup_promises.suggestion_id')
      .innerJoin('units', 'units.id', 'followup_promises.unit_id')
      .innerJoin('replies', 'replies.id', 'followup_promises.reply_id')
      .selectAll('followup_promises')
      .select([
        'suggestions.title as suggestion_title',
        'suggestions.serial_number',
        'suggestions.timing',
        'suggestions.accepted_at',
        'units.name as unit_name',
        'replies.document_no',
      ]);
  }

  async findById(id: string, executor: Executor = this.db) {
    return this.withNames(executor).where('followup_promises.id', '=', id).executeTakeFirst();
  }

  async list(filter: PromiseFilter, page: number, pageSize: number) {
    let query = this.db
      .selectFrom('followup_promises')
      .where('followup_promises.body_id', '=', filter.bodyId)
      .where('followup_promises.status', '!=', 'superseded');
    if (filter.year !== undefined) {
      const year = filter.year;
      query = query
        .where('followup_promises.entered_year', '<=', year)
        .where((eb) =>
          eb.or([
            eb('followup_promises.entered_year', '=', year),
            eb('followup_promises.status', '=', 'open'),
            eb('followup_promises.fulfilled_on', '>=', `${year}-01-01`),
          ]),
        );
    }
    if (filter.open !== undefined)
      query = query.where('followup_promises.status', '=', filter.open ? 'open' : 'fulfilled');
    if (filter.termId) query = query.where('followup_promises.term_id', '=', filter.termId);
    if (filter.unitId) query = query.where('followup_promises.unit_id', '=', filter.unitId);
    if (filter.suggestionId) query = query.where('followup_promises.suggestion_id', '=', filter.suggestionId);
    if (filter.unitIds)
      query = query.where(
        'followup_promises.unit_id',
        'in',
        filter.unitIds.length > 0 ? filter.unitIds : ['-'],
      );
    const ids = query.select('followup_promises.id');
    const [items, count] = await Promise.all([
      this.withNames(this.db)
        .where('followup_promises.id', 'in', ids)
        .orderBy('followup_promises.entered_on')
        .orderBy('followup_promises.id')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.total) };
  }

  /** A reply with what the ledger needs of its item, to decide whether it holds a promise. */
  async replyForLedger(replyId: string) {
    return this.db
      .selectFrom('replies')
      .innerJoin('suggestions', 'suggestions.id', 'replies.suggestion_id')
      .select([
        'replies.id',
        'replies.status',
        'replies.round',
        'replies.outcome_class',
        'replies.body',
        'replies.sent_at',
        'replies.assignment_id',
        'replies.unit_id',
        'replies.suggestion_id',
        'suggestions.body_id',
        'suggestions.session_id',
      ])
      .where('replies.id', '=', replyId)
      .executeTakeFirst();
  }

  /** Whether the unit has already sent a reply of a later round (the earlier one holds no promise). */
  async laterReplySent(assignmentId: string, round: number): Promise<boolean> {
    const row = await this.db
      .selectFrom('replies')
      .select('id')
      .where('assignment_id', '=', assignmentId)
      .where('round', '>', round)
      .where('status', '=', 'sent')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The term of a session, or the body's term running on `day` (recess items have no session). */
  async termFor(bodyId: string, sessionId: string | null, day: string): Promise<string | null> {
    if (sessionId) {
      const session = await this.db
        .selectFrom('congress_sessions')
        .select('term_id')
        .where('id', '=', sessionId)
        .executeTakeFirst();
      if (session) return session.term_id;
    }
    const term = await this.db
      .selectFrom('terms')
      .select('id')
      .where('body_id', '=', bodyId)
      .where('start_date', '<=', day)
      .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', day)]))
      .orderBy('start_date', 'desc')
      .executeTakeFirst();
    return term?.id ?? null;
  }

  /** Enters a promise once per reply; false when it is already in the ledger. */
  async insertOnce(row: PromiseRecord, executor: Executor): Promise<boolean> {
    const result = await executor
      .insertInto('followup_promises')
      .values(row)
      .onConflict((oc) => oc.column('reply_id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  /** Open promises of an assignment from rounds before `round` (a later reply replaces them). */
  async openBefore(
    assignmentId: string,
    round: number,
    executor: Executor = this.db,
  ): Promise<PromiseRecord[]> {
    return executor
      .selectFrom('followup_promises')
      .selectAll()
      .where('assignment_id', '=', assignmentId)
      .where('round', '<', round)
      .where('status', '=', 'open')
      .execute();
  }

  /** Compare-and-set on the version, for edits that leave the status alone. */
  async update(
    id: string,
    version: number,
    changes: Updateable<FollowupPromisesTable>,
    executor: Executor,
  ): Promise<boolean> {
    const result = await executor
      .updateTable('followup_promises')
      .set({ ...changes, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** The only writer of `status`: moves the promise only if nobody moved it since it was read. */
  async transition(
    id: string,
    from: { status: string; version: number },
    to: string,
    changes: Updateable<FollowupPromisesTable>,
    executor: Executor,
  ): Promise<boolean> {
    const result = await executor
      .updateTable('followup_promises')
      .set({ ...changes, status: to, version: from.version + 1 })
      .where('id', '=', id)
      .where('status', '=', from.status)
      .where('version', '=', from.version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async progressOf(promiseId: string) {
    return this.db
      .selectFrom('followup_progress')
      .selectAll()
      .where('promise_id', '=', promiseId)
      .orderBy('report_on')
      .orderBy('created_at')
      .execute();
  }

  async insertProgress(row: Insertable<FollowupProgressTable>, executor: Executor): Promise<void> {
    await executor.insertInto('followup_progress').values(row).execute();
  }

  /** Promises and fulfilled promises per unit (superseded ones do not count). */
  async counts(filter: { bodyId: string; year?: number; termId?: string }) {
    let query = this.db
      .selectFrom('followup_promises')
      .innerJoin('units', 'units.id', 'followup_promises.unit_id')
      .select([
        'followup_promises.unit_id',
        'units.name as unit_name',
        'followup_promises.status',
        (eb) => eb.fn.countAll<number>().as('n'),
      ])
      .where('followup_promises.body_id', '=', filter.bodyId)
      .where('followup_promises.status', '!=', 'superseded');
    if (filter.year !== undefined) query = query.where('followup_promises.entered_year', '=', filter.year);
    if (filter.termId) query = query.where('followup_promises.term_id', '=', filter.termId);
    const rows = await query
      .groupBy(['followup_promises.unit_id', 'units.name', 'followup_promises.status'])
      .orderBy('units.name')
      .execute();
    return rows.map((r) => ({ ...r, n: Number(r.n) }));
  }
}
