import type { Selectable, Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type {
  HandlingRecordReturnsTable,
  HandlingRecordSignaturesTable,
  HandlingRecordsTable,
} from '../db/schema.js';

export type RecordRow = Selectable<HandlingRecordsTable>;
export type SignatureRow = Selectable<HandlingRecordSignaturesTable> & { unit_name: string | null };
export type ReturnRow = Selectable<HandlingRecordReturnsTable>;

export interface RecordListFilter {
  bodyPath: string;
  /** Unit users see only the items their unit handles (lead or separate). */
  unitIds?: string[];
  missing: boolean;
}

/** Handling records (全程纪实表), their signatures and returns, and what the record reads around them. */
export class RecordsRepository {
  constructor(private readonly db: Db) {}

  async find(suggestionId: string, executor: Executor = this.db): Promise<RecordRow | undefined> {
    return executor
      .selectFrom('handling_records')
      .selectAll()
      .where('suggestion_id', '=', suggestionId)
      .executeTakeFirst();
  }

  /** Creates the record in its first state unless it exists (two first signers cannot both create it). */
  async ensure(row: RecordRow, executor: Executor): Promise<void> {
    await executor
      .insertInto('handling_records')
      .values(row)
      .onConflict((oc) => oc.column('suggestion_id').doNothing())
      .execute();
  }

  /** The only writer of a record's status: compare-and-set on status and version. */
  async transition(
    suggestionId: string,
    from: { status: string; version: number },
    to: string,
    changes: Updateable<HandlingRecordsTable>,
    executor: Executor,
  ): Promise<boolean> {
    const result = await executor
      .updateTable('handling_records')
      .set({ ...changes, status: to, version: from.version + 1 })
      .where('suggestion_id', '=', suggestionId)
      .where('status', '=', from.status)
      .where('version', '=', from.version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async signatures(suggestionIds: string[], executor: Executor = this.db): Promise<SignatureRow[]> {
    if (suggestionIds.length === 0) return [];
    return executor
      .selectFrom('handling_record_signatures')
      .leftJoin('units', 'units.id', 'handling_record_signatures.unit_id')
      .selectAll('handling_record_signatures')
      .select('units.name as unit_name')
      .where('handling_record_signatures.suggestion_id', 'in', suggestionIds)
      .orderBy('handling_record_signatures.signed_at')
      .execute();
  }

  async insertSignature(row: Selectable<HandlingRecordSignaturesTable>, executor: Executor): Promise<void> {
    await executor.insertInto('handling_record_signatures').values(row).execute();
  }

  async returns(suggestionIds: string[], executor: Executor = this.db): Promise<ReturnRow[]> {
    if (suggestionIds.length === 0) return [];
    return executor
      .selectFrom('handling_record_returns')
      .selectAll()
      .where('suggestion_id', 'in', suggestionIds)
      .orderBy('returned_at')
      .execute();
  }

  async insertReturn(row: ReturnRow, executor: Executor): Promise<void> {
    await executor.insertInto('handling_record_returns').values(row).execute();
  }

  /** Names around a suggestion: body, session, category, lead deputy. */
  async header(suggestionId: string) {
    return this.db
      .selectFrom('suggestions')
      .innerJoin('bodies', 'bodies.id', 'suggestions.body_id')
      .innerJoin('deputies', 'deputies.id', 'suggestions.lead_deputy_id')
      .leftJoin('congress_sessions', 'congress_sessions.id', 'suggestions.session_id')
      .leftJoin('categories', 'categories.id', 'suggestions.category_id')
      .select([
        'bodies.name as body_name',
        'bodies.level as body_level',
        'bodies.path as body_path',
        'deputies.name as lead_deputy_name',
        'congress_sessions.name as session_name',
        'categories.name as category_name',
      ])
      .where('suggestions.id', '=', suggestionId)
      .executeTakeFirst();
  }

  /** Accounts holding `leader` in the body or one of its ancestors (they cover it). */
  async leaderUserIds(bodyPath: string, executor: Executor): Promise<string[]> {
    const bodyIds = bodyPath.split('/').filter(Boolean);
    if (bodyIds.length === 0) return [];
    const rows = await executor
      .selectFrom('user_roles')
      .innerJoin('users', 'users.id', 'user_roles.user_id')
      .select('user_roles.user_id')
      .where('user_roles.role', '=', 'leader')
      .where('user_roles.body_id', 'in', bodyIds)
      .where('users.status', '=', 'active')
      .execute();
    return rows.map((r) => r.user_id);
  }

  /** Closed suggestions of a body's subtree with their record (if one was started), oldest first. */
  async listClosed(filter: RecordListFilter, page: number, pageSize: number) {
    let base = this.db
      .selectFrom('suggestions')
      .innerJoin('bodies', 'bodies.id', 'suggestions.body_id')
      .leftJoin('handling_records', 'handling_records.suggestion_id', 'suggestions.id')
      .where('suggestions.status', '=', 'closed')
      .where('bodies.path', 'like', `${filter.bodyPath}%`);
    if (filter.missing)
      base = base.where((eb) =>
        eb.or([eb('handling_records.status', 'is', null), eb('handling_records.status', '!=', 'complete')]),
      );
    const unitIds = filter.unitIds;
    if (unitIds)
      base = base.where((eb) =>
        eb.exists(
          eb
            .selectFrom('assignments')
            .select('assignments.id')
            .whereRef('assignments.suggestion_id', '=', 'suggestions.id')
            .where('assignments.unit_id', 'in', unitIds.length > 0 ? unitIds : ['-'])
            .where('assignments.role', 'in', ['lead', 'separate'])
            .where('assignments.status', '!=', 'reassigned'),
        ),
      );
    const [items, count] = await Promise.all([
      base
        .innerJoin('deputies', 'deputies.id', 'suggestions.lead_deputy_id')
        .select([
          'suggestions.id',
          'suggestions.body_id',
          'suggestions.serial_number',
          'suggestions.timing',
          'suggestions.accepted_at',
          'suggestions.title',
          'suggestions.closed_at',
          'deputies.name as lead_deputy_name',
          'handling_records.status as record_status',
          'handling_records.cycle as record_cycle',
        ])
        .orderBy('suggestions.closed_at')
        .orderBy('suggestions.id')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.total) };
  }
}
