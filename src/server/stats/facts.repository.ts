import { sql } from 'kysely';
import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { StatsCellsTable, StatsFactsTable } from '../db/schema-stats.js';
import { faceToFaceMethods } from '../../shared/schemas/handling.js';

export type FactRow = Insertable<StatsFactsTable>;

/** The fact columns summed into `stats_cells`. */
export const cellColumns = [
  'withdrawn',
  'replied',
  'reply_days',
  'on_time',
  'face_to_face',
  'feedback',
  'no_feedback',
  'satisfied',
  'satisfied_or_basically',
  'unsatisfied',
  'solved',
  'solved_or_planned',
  'promises',
  'promises_fulfilled',
] as const;
type CellColumn = (typeof cellColumns)[number];
type Cell = Selectable<StatsCellsTable>;

/** Audit target types whose writes can change a suggestion's facts. */
const watchedTargets = ['suggestion', 'assignment', 'reply', 'followup_promise', 'rule_profile'];

/** Reads the handling tables the facts derive from, and writes `stats_facts` and its watermark. */
export class FactsRepository {
  constructor(private readonly db: Db) {}

  /** Everything needed to derive the facts of these suggestions, in one query per table. */
  async sources(ids: string[], executor: Executor = this.db) {
    if (ids.length === 0)
      return {
        suggestions: [],
        assignments: [],
        replies: [],
        contacts: [],
        ratings: [],
        promises: [],
        seats: [],
      };
    const suggestions = await executor
      .selectFrom('suggestions')
      .innerJoin('bodies', 'bodies.id', 'suggestions.body_id')
      .select([
        'suggestions.id',
        'suggestions.body_id',
        'bodies.path as body_path',
        'suggestions.session_id',
        'suggestions.category_id',
        'suggestions.lead_deputy_id',
        'suggestions.status',
        'suggestions.disclose',
        'suggestions.assigned_at',
        'suggestions.replied_at',
        'suggestions.handling_round',
        'suggestions.close_reason',
      ])
      .where('suggestions.id', 'in', ids)
      .where('suggestions.assigned_at', 'is not', null)
      .execute();
    const assignments = await executor
      .selectFrom('assignments')
      .select([
        'id',
        'suggestion_id',
        'unit_id',
        'role',
        'status',
        'assigned_on',
        'reply_due_on',
        'replied_at',
      ])
      .where('suggestion_id', 'in', ids)
      .where('role', '!=', 'co')
      .where('status', '!=', 'reassigned')
      .execute();
    const replies = await executor
      .selectFrom('replies')
      .select(['suggestion_id', 'assignment_id', 'unit_id', 'round', 'outcome_class', 'face_to_face'])
      .where('suggestion_id', 'in', ids)
      .where('status', '=', 'sent')
      .execute();
    const contacts = await executor
      .selectFrom('contacts')
      .select(['suggestion_id', 'unit_id'])
      .distinct()
      .where('suggestion_id', 'in', ids)
      .where('method', 'in', [...faceToFaceMethods])
      .execute();
    const ratings = await executor
      .selectFrom('ratings')
      .select(['suggestion_id', 'round', 'result'])
      .where('suggestion_id', 'in', ids)
      .where('is_lead', '=', 1)
      .execute();
    const promises = await executor
      .selectFrom('followup_promises')
      .select(['suggestion_id', 'unit_id', 'status'])
      .where('suggestion_id', 'in', ids)
      .where('status', '!=', 'superseded')
      .execute();
    const leads = [...new Set(suggestions.map((s) => s.lead_deputy_id))];
    const seats =
      leads.length === 0
        ? []
        : await executor
            .selectFrom('deputy_seats')
            .select(['deputy_id', 'body_id', 'delegation_id', 'created_at'])
            .where('deputy_id', 'in', leads)
            .where('delegation_id', 'is not', null)
            .orderBy('created_at', 'desc')
            .orderBy('id')
            .execute();
    return { suggestions, assignments, replies, contacts, ratings, promises, seats };
  }

  /** Ids of assigned suggestions after `afterId`, in id order, for a rebuild in batches. */
  async assignedIdsAfter(afterId: string, limit: number, executor: Executor = this.db): Promise<string[]> {
    const rows = await executor
      .selectFrom('suggestions')
      .select('id')
      .where('id', '>', afterId)
      .where('assigned_at', 'is not', null)
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  /**
   * Swaps the facts of these suggestions; with `cells`, also moves the summed cells by the
   * difference (old rows out, new rows in). A rebuild sums the cells once at the end instead.
   */
  async replace(ids: string[], rows: FactRow[], executor: Executor, cells = true): Promise<void> {
    if (ids.length === 0) return;
    const old = cells
      ? await executor.selectFrom('stats_facts').selectAll().where('suggestion_id', 'in', ids).execute()
      : [];
    await executor.deleteFrom('stats_facts').where('suggestion_id', 'in', ids).execute();
    // Chunks keep each statement under the bind-parameter limits of both dialects.
    for (let i = 0; i < rows.length; i += 500)
      await executor
        .insertInto('stats_facts')
        .values(rows.slice(i, i + 500))
        .execute();
    if (!cells) return;
    const deltas = new Map<string, Cell>();
    const add = (row: FactRow, sign: 1 | -1) => {
      const key = [row.unit_id, row.body_path, row.session_id ?? '', row.year].join('|');
      const cell = deltas.get(key) ?? {
        unit_id: row.unit_id,
        body_path: row.body_path,
        session_id: row.session_id ?? '',
        year: row.year,
        assigned: 0,
        ...(Object.fromEntries(cellColumns.map((c) => [c, 0])) as Record<CellColumn, number>),
      };
      cell.assigned += sign;
      for (const column of cellColumns) cell[column] += sign * Number(row[column] ?? 0);
      deltas.set(key, cell);
    };
    old.forEach((row) => add(row, -1));
    rows.forEach((row) => add(row, 1));
    const changed = [...deltas.values()].filter(
      (cell) => cell.assigned !== 0 || cellColumns.some((c) => cell[c] !== 0),
    );
    for (const cell of changed)
      await executor
        .insertInto('stats_cells')
        .values(cell)
        .onConflict((oc) =>
          oc.columns(['unit_id', 'body_path', 'session_id', 'year']).doUpdateSet((eb) => ({
            assigned: eb('stats_cells.assigned', '+', eb.ref('excluded.assigned')),
            ...(Object.fromEntries(
              cellColumns.map((c) => [c, eb(`stats_cells.${c}`, '+', eb.ref(`excluded.${c}`))]),
            ) as Record<CellColumn, never>),
          })),
        )
        .execute();
    await executor.deleteFrom('stats_cells').where('assigned', '=', 0).execute();
  }

  /** Sums every cell from the facts (the end of a rebuild). */
  async sumCells(executor: Executor): Promise<void> {
    await executor.deleteFrom('stats_cells').execute();
    await executor
      .insertInto('stats_cells')
      .columns(['unit_id', 'body_path', 'session_id', 'year', 'assigned', ...cellColumns])
      .expression((eb) =>
        eb
          .selectFrom('stats_facts')
          .select([
            'unit_id',
            'body_path',
            sql<string>`coalesce(session_id, '')`.as('session_id'),
            'year',
            sql<number>`count(*)`.as('assigned'),
            ...cellColumns.map((c) => sql<number>`sum(${sql.ref(c)})`.as(c)),
          ])
          .groupBy(['unit_id', 'body_path', sql`coalesce(session_id, '')`, 'year']),
      )
      .execute();
  }

  async clear(executor: Executor): Promise<void> {
    await executor.deleteFrom('stats_facts').execute();
    await executor.deleteFrom('stats_cells').execute();
  }

  /** The newest audit sequence number and the oldest one still kept. */
  async auditBounds(executor: Executor = this.db): Promise<{ newest: number; oldest: number }> {
    const row = await executor
      .selectFrom('audit_log')
      .select((eb) => [eb.fn.max('seq').as('newest'), eb.fn.min('seq').as('oldest')])
      .executeTakeFirst();
    return { newest: Number(row?.newest ?? 0), oldest: Number(row?.oldest ?? 0) };
  }

  async watermark(executor: Executor = this.db): Promise<number | null> {
    const row = await executor
      .selectFrom('stats_refresh')
      .select('audit_seq')
      .where('id', '=', 1)
      .executeTakeFirst();
    return row ? Number(row.audit_seq) : null;
  }

  /** Moves the watermark with a compare-and-set; false when another refresher moved it first. */
  async advance(from: number | null, to: number, at: string, rebuilt: boolean, executor: Executor) {
    if (from === null) {
      const inserted = await executor
        .insertInto('stats_refresh')
        .values({ id: 1, audit_seq: to, rebuilt_at: at, updated_at: at })
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
    }
    const result = await executor
      .updateTable('stats_refresh')
      .set(rebuilt ? { audit_seq: to, rebuilt_at: at, updated_at: at } : { audit_seq: to, updated_at: at })
      .where('id', '=', 1)
      .where('audit_seq', '=', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Suggestions touched by audited writes after `seq` (up to `until`). */
  async touchedSince(seq: number, until: number, executor: Executor = this.db): Promise<string[]> {
    const targets = await executor
      .selectFrom('audit_log')
      .select(['target_type', 'target_id'])
      .distinct()
      .where('seq', '>', seq)
      .where('seq', '<=', until)
      .where('target_type', 'in', watchedTargets)
      .where('target_id', 'is not', null)
      .execute();
    const of = (type: string) => targets.filter((t) => t.target_type === type).map((t) => t.target_id ?? '');
    const ids = new Set(of('suggestion'));
    const add = (rows: { suggestion_id: string }[]) => rows.forEach((r) => ids.add(r.suggestion_id));
    for (const chunk of chunks(of('assignment')))
      add(
        await executor.selectFrom('assignments').select('suggestion_id').where('id', 'in', chunk).execute(),
      );
    for (const chunk of chunks(of('reply')))
      add(await executor.selectFrom('replies').select('suggestion_id').where('id', 'in', chunk).execute());
    for (const chunk of chunks(of('followup_promise')))
      add(
        await executor
          .selectFrom('followup_promises')
          .select('suggestion_id')
          .where('id', 'in', chunk)
          .execute(),
      );
    // A changed rule profile (outcome classes, warning share) touches every item of its subtree.
    for (const bodyId of of('rule_profile')) {
      const body = await executor
        .selectFrom('bodies')
        .select('path')
        .where('id', '=', bodyId)
        .executeTakeFirst();
      if (!body) continue;
      add(
        await executor
          .selectFrom('stats_facts')
          .select('suggestion_id')
          .where('unit_id', '=', '')
          .where('body_path', '>=', body.path)
          .where('body_path', '<', `${body.path}\uffff`)
          .execute(),
      );
    }
    return [...ids];
  }
}

function chunks<T>(items: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
