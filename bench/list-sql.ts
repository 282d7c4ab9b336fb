/**
 * The SQL the real list endpoint runs, compiled by Kysely from the product's own repository
 * (`SuggestionsRepository.filtered` and the joins of `list`, plus the two summary queries of
 * `SuggestionViews.summaries`), with placeholders `@NAME@` the bare server binds per request.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { SelectQueryBuilder } from 'kysely';
import type { Database } from '../src/server/db/schema.js';
import { createSqliteHelpers } from '../src/server/db/dialect/sqlite.js';
import { SuggestionsRepository } from '../src/server/suggestions/suggestions.repository.js';
import type { SuggestionFilter, SuggestionScope } from '../src/server/suggestions/suggestions.repository.js';

export interface Compiled {
  sql: string;
  parameters: readonly unknown[];
}

export interface ListSql {
  /** County office: its county's items of one session in some states. */
  county: { items: Compiled; count: Compiled };
  /** Province office: the whole province, no filter. */
  province: { items: Compiled; count: Compiled };
  assignments: Compiled;
  signers: Compiled;
}

export const pageSize = 20;
export const listStatuses = ['handling', 'replied'];
export const summaryIds = Array.from({ length: pageSize }, (_, i) => `@ID${i}@`);

export function compileListSql(connection: BetterSqlite3.Database): ListSql {
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: connection }) });
  const repository = new SuggestionsRepository(db, createSqliteHelpers(connection));
  const filtered = (
    repository as unknown as {
      filtered: (
        scope: SuggestionScope,
        filter: SuggestionFilter,
        form?: 'perRow' | 'bodySet',
      ) => SelectQueryBuilder<Database, 'suggestions', object>;
    }
  ).filtered.bind(repository);
  const officeScope: SuggestionScope = {
    bodyPaths: ['@PATH@'],
    enteredBy: '@USER@',
    unitIds: [],
    deputyId: null,
  };
  const shape = (filter: SuggestionFilter, wide: boolean) => {
    // A list filtered to one body the office covers checks `body_id = ?` (SuggestionsService.list).
    const scope = filter.bodyId ? { ...officeScope, exactBodyIds: [filter.bodyId] } : officeScope;
    // As `SuggestionsRepository.list` composes it (sort newest, one page, and the count); a wide
    // scope (the province: more bodies than `wideScopeBodies`) reads its page with the per-row check.
    const base = filtered(scope, filter);
    const items = (wide ? filtered(scope, filter, 'perRow') : base)
      .innerJoin('deputies', 'deputies.id', 'suggestions.lead_deputy_id')
      .leftJoin('categories', 'categories.id', 'suggestions.category_id')
      .selectAll('suggestions')
      .select(['deputies.name as lead_deputy_name', 'categories.name as category_name'])
      .orderBy('suggestions.created_at', 'desc')
      .orderBy('suggestions.id', 'desc')
      .limit(pageSize)
      .offset(0)
      .compile();
    const count = base.select((eb) => eb.fn.countAll<number>().as('total')).compile();
    return { items, count };
  };
  return {
    county: shape(
      { bodyId: '@BODY@', sessionId: '@SESSION@', statuses: listStatuses, sort: 'newest' },
      false,
    ),
    province: shape({ sort: 'newest' }, true),
    assignments: db
      .selectFrom('assignments')
      .innerJoin('units', 'units.id', 'assignments.unit_id')
      .selectAll('assignments')
      .select('units.name as unit_name')
      .where('assignments.suggestion_id', 'in', summaryIds)
      .orderBy('assignments.created_at')
      .compile(),
    signers: db
      .selectFrom('suggestion_signers')
      .select(['suggestion_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('suggestion_id', 'in', summaryIds)
      .where('status', 'in', ['confirmed', 'merged'])
      .groupBy('suggestion_id')
      .compile(),
  };
}

/** Replaces `@NAME@` placeholders inside string parameters. */
export function bind(parameters: readonly unknown[], values: Record<string, string>): unknown[] {
  return parameters.map((p) =>
    typeof p === 'string' ? p.replace(/@[A-Z0-9]+@/g, (key) => values[key.slice(1, -1)] ?? '') : p,
  );
}
