import { sql } from 'kysely';
import type { Kysely, RawBuilder, SelectQueryBuilder, SqlBool } from 'kysely';
import type { DialectKind } from '../db/dialect/dialect.js';
import type { Database } from '../db/schema.js';
import type { SearchDocumentsTable } from '../db/schema-search.js';
import type { Executor } from '../db/executor.js';
import type { QueryTerm } from './segmenter.js';
import type { BodyScope } from './search.scope.js';
import { scopeTokens, scopeTokensSql } from './search.scope.js';

/** Documents that match, as a query over `search_documents as d` to add joins and filters to. */
export type MatchedDocuments = SelectQueryBuilder<Database & { d: SearchDocumentsTable }, 'd', object>;

/** Matches with their source rows: `bodies`, and `suggestions`, `replies`, `r` (receptions) where they apply. */
function joinSources(matched: MatchedDocuments) {
  return matched
    .innerJoin('bodies', 'bodies.id', 'd.body_id')
    .leftJoin('suggestions', 'suggestions.id', 'd.suggestion_id')
    .leftJoin('replies', (join) => join.onRef('replies.id', '=', 'd.source_id').on('d.kind', '=', 'reply'))
    .leftJoin('receptions as r', (join) =>
      join.onRef('r.id', '=', 'd.source_id').on('d.kind', '=', 'reception'),
    );
}
export type MatchedSources = ReturnType<typeof joinSources>;

/**
 * What must match: every term (a search), or any of some words (similarity candidates); with
 * `within`, only documents of those bodies (the engine narrows by scope tokens, see search.scope.ts).
 */
export type MatchSpec = ({ all: QueryTerm[] } | { any: string[] }) & { within?: BodyScope };

/**
 * The full-text engine of one dialect: SQLite FTS5 (`unicode61` over space-joined jieba tokens)
 * or PostgreSQL `tsvector` with a GIN index. Chosen once by `searchDialect(kind)`; nothing else in
 * the search module knows which database it runs on.
 */
export interface SearchDialect {
  /** Column type of `search_documents.seq`: a self-numbering integer key. */
  seqType: 'integer' | 'bigserial';
  /** Migration 0009: the engine's structures over `search_documents` (words only). */
  create(db: Kysely<unknown>): Promise<void>;
  drop(db: Kysely<unknown>): Promise<void>;
  /** Migration 0013: adds the scope tokens to the engine and indexes existing documents with them. */
  addScope(db: Kysely<unknown>): Promise<void>;
  dropScope(db: Kysely<unknown>): Promise<void>;
  /** Indexes document `seq` (its row already written) with these tokens and its body's scope. */
  put(trx: Executor, seq: number, tokens: string[]): Promise<void>;
  /** Forgets document `seq`: called while its row still holds what was indexed. */
  remove(trx: Executor, seq: number): Promise<void>;
  /** Indexes new documents (not indexed before) in one statement. */
  putMany(trx: Executor, entries: { seq: number; tokens: string[] }[]): Promise<void>;
  /** Empties the engine (rebuild). */
  clear(executor: Executor): Promise<void>;
  /** After a bulk load (rebuild), outside any transaction: the planner's statistics, reclaimed row versions. */
  analyze(executor: Executor): Promise<void>;
  matching(executor: Executor, spec: MatchSpec): MatchedDocuments;
  /** Joins each match's source rows (see `joinSources`), looked up one match at a time. */
  withSources(matched: MatchedDocuments): MatchedSources;
  /** Relevance of a matching row from its words (not its scope), larger is better; only valid in a `matching` query. */
  rank(spec: MatchSpec): RawBuilder<number>;
  /** The engine's own order of documents (newest last), cheap to walk backwards. */
  recency: RawBuilder<number>;
  /** Whether `column` contains `text` literally (phrase check). */
  contains(column: RawBuilder<string> | string, text: string): RawBuilder<SqlBool>;
}

const quoteFts = (token: string) => `"${token.replace(/"/g, '""')}"`;

/** FTS5 query: `scope : ("bx" OR "ty") AND tokens : ("停车" AND ("充电桩" OR "充电 桩"))`. */
export function ftsQuery(spec: MatchSpec): string {
  const words =
    'any' in spec
      ? spec.any.map(quoteFts).join(' OR ')
      : spec.all
          .map((t) =>
            t.parts ? `(${quoteFts(t.word)} OR ${quoteFts(t.parts.join(' '))})` : quoteFts(t.word),
          )
          .join(' AND ');
  const scope = spec.within ? scopeTokens(spec.within) : [];
  const matched = `tokens : (${words})`;
  return scope.length > 0 ? `scope : (${scope.map(quoteFts).join(' OR ')}) AND ${matched}` : matched;
}

const quoteLexeme = (token: string) => `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** tsquery of the words alone: `'停车' & ('充电桩' | '充电' <-> '桩')` (also what ranks). */
function wordsQuery(spec: MatchSpec): string {
  if ('any' in spec) return spec.any.map(quoteLexeme).join(' | ');
  return spec.all
    .map((t) =>
      t.parts ? `(${quoteLexeme(t.word)} | ${t.parts.map(quoteLexeme).join(' <-> ')})` : quoteLexeme(t.word),
    )
    .join(' & ');
}

/** tsquery literal, parsed without a text-search parser: `('bx' | 'ty') & ('停车' & …)`. */
export function tsQuery(spec: MatchSpec): string {
  const scope = spec.within ? scopeTokens(spec.within) : [];
  const words = wordsQuery(spec);
  return scope.length > 0 ? `(${scope.map(quoteLexeme).join(' | ')}) & (${words})` : words;
}

/**
 * tsvector literal with positions. Written directly rather than through `to_tsvector`, whose
 * parser depends on the server's locale for CJK letters; lexemes are already jieba words.
 */
export function tsVector(tokens: string[]): string {
  const positions = new Map<string, number[]>();
  tokens.forEach((token, index) => {
    const list = positions.get(token) ?? [];
    if (list.length < 255) list.push(Math.min(index + 1, 16383));
    positions.set(token, list);
  });
  return [...positions].map(([token, list]) => `${quoteLexeme(token)}:${list.join(',')}`).join(' ');
}

/**
 * SQLite: what FTS5 indexes, read through a view so the scope tokens need no stored column:
 * `rebuild`, and the 'delete' of a document before its row changes, read the same values.
 */
const sqliteContent = (db: Kysely<unknown>) =>
  sql`CREATE VIEW search_documents_indexed AS SELECT d.seq AS seq, d.tokens AS tokens, ${scopeTokensSql(
    sql.ref('d.body_id'),
    sql.ref('b.path'),
  )} AS scope FROM search_documents d LEFT JOIN bodies b ON b.id = d.body_id`.execute(db);

const sqlite: SearchDialect = {
  // INTEGER PRIMARY KEY is the rowid, which FTS5 external content refers to.
  seqType: 'integer',
  async create(db) {
    await sql`CREATE VIRTUAL TABLE search_fts USING fts5(tokens, content='search_documents', content_rowid='seq', tokenize='unicode61')`.execute(
      db,
    );
  },
  async drop(db) {
    await sql`DROP TABLE IF EXISTS search_fts`.execute(db);
  },
  async addScope(db) {
    await sqliteContent(db);
    await sql`DROP TABLE search_fts`.execute(db);
    await sql`CREATE VIRTUAL TABLE search_fts USING fts5(tokens, scope, content='search_documents_indexed', content_rowid='seq', tokenize='unicode61')`.execute(
      db,
    );
    await sql`INSERT INTO search_fts (search_fts) VALUES ('rebuild')`.execute(db);
  },
  async dropScope(db) {
    await sql`DROP TABLE search_fts`.execute(db);
    await sql`DROP VIEW search_documents_indexed`.execute(db);
    await sqlite.create(db);
    await sql`INSERT INTO search_fts (search_fts) VALUES ('rebuild')`.execute(db);
  },
  async put(trx, seq) {
    await sql`INSERT INTO search_fts (rowid, tokens, scope) SELECT seq, tokens, scope FROM search_documents_indexed WHERE seq = ${seq}`.execute(
      trx,
    );
  },
  async remove(trx, seq) {
    // External content: the engine is told which tokens to forget, read before the row changes.
    await sql`INSERT INTO search_fts (search_fts, rowid, tokens, scope) SELECT 'delete', seq, tokens, scope FROM search_documents_indexed WHERE seq = ${seq}`.execute(
      trx,
    );
  },
  async putMany(trx, entries) {
    if (entries.length === 0) return;
    const seqs = entries.map((e) => e.seq);
    await sql`INSERT INTO search_fts (rowid, tokens, scope) SELECT seq, tokens, scope FROM search_documents_indexed WHERE seq IN (${sql.join(seqs)})`.execute(
      trx,
    );
  },
  async clear(executor) {
    await sql`INSERT INTO search_fts (search_fts) VALUES ('delete-all')`.execute(executor);
  },
  async analyze() {
    // Every plan here is driven by the FTS5 table, whatever the statistics say.
  },
  matching(executor, spec) {
    return executor
      .selectFrom('search_fts')
      .innerJoin('search_documents as d', 'd.seq', 'search_fts.rowid')
      .where(sql<SqlBool>`search_fts MATCH ${ftsQuery(spec)}`) as unknown as MatchedDocuments;
  },
  // The FTS5 table drives the plan: rows are looked up for each match, in the engine's order.
  withSources: joinSources,
  // The scope column weighs nothing: relevance comes from the words.
  rank: () => sql<number>`(-bm25(search_fts, 1.0, 0.0))`,
  recency: sql<number>`search_fts.rowid`,
  contains: (column, text) =>
    sql<SqlBool>`instr(${typeof column === 'string' ? sql.ref(column) : column}, ${text}) > 0`,
};

/** PostgreSQL: the scope tokens of the document `d`, as an array and as lexemes without positions. */
const postgresScopeTokens = sql`string_to_array(${scopeTokensSql(
  sql.ref('d.body_id'),
  sql`(SELECT b.path FROM bodies b WHERE b.id = d.body_id)`,
)}, ' ')`;
const postgresScope = sql`array_to_tsvector(${postgresScopeTokens})`;

const postgres: SearchDialect = {
  seqType: 'bigserial',
  async create(db) {
    await sql`ALTER TABLE search_documents ADD COLUMN tsv tsvector`.execute(db);
    await sql`CREATE INDEX search_documents_tsv ON search_documents USING GIN (tsv)`.execute(db);
  },
  async drop() {
    // The column and index go with the table.
  },
  async addScope(db) {
    // Rewriting every row is much faster without the index, built again once at the end.
    await sql`DROP INDEX search_documents_tsv`.execute(db);
    await sql`UPDATE search_documents AS d SET tsv = d.tsv || ${postgresScope} WHERE d.tsv IS NOT NULL`.execute(
      db,
    );
    await sql`CREATE INDEX search_documents_tsv ON search_documents USING GIN (tsv)`.execute(db);
    await sql`ANALYZE search_documents`.execute(db);
  },
  async dropScope(db) {
    await sql`UPDATE search_documents AS d SET tsv = ts_delete(d.tsv, ${postgresScopeTokens}) WHERE d.tsv IS NOT NULL`.execute(
      db,
    );
  },
  async put(trx, seq, tokens) {
    await sql`UPDATE search_documents AS d SET tsv = ${tsVector(tokens)}::tsvector || ${postgresScope} WHERE d.seq = ${seq}`.execute(
      trx,
    );
  },
  async remove() {
    // The row's own column: deleting or rewriting the row replaces it.
  },
  async putMany(trx, entries) {
    if (entries.length === 0) return;
    const values = entries.map((e) => sql`(${e.seq}::bigint, ${tsVector(e.tokens)}::tsvector)`);
    await sql`UPDATE search_documents AS d SET tsv = v.tsv || ${postgresScope} FROM (VALUES ${sql.join(values)}) AS v(seq, tsv) WHERE d.seq = v.seq`.execute(
      trx,
    );
  },
  async clear() {
    // Rows are deleted with the documents table.
  },
  async analyze(executor) {
    // A rebuild inserts each row, then writes its tsv: half the table is dead row versions, and
    // without statistics (autovacuum may be off or late) every plan reads all matches of a word.
    await sql`VACUUM (ANALYZE) search_documents`.execute(executor);
    await sql`ANALYZE search_terms`.execute(executor);
  },
  matching(executor, spec) {
    return executor
      .selectFrom('search_documents as d')
      .where(sql<SqlBool>`d.tsv @@ ${tsQuery(spec)}::tsquery`);
  },
  /**
   * The same rows as lateral lookups by key. Plain joins let the planner hash whole tables
   * (every suggestion and reply of the province) for a common word although only its newest
   * matches are needed; `OFFSET 0` keeps each lookup a lookup, so walking the newest matches and
   * stopping at the limit stays the cheap plan. Rare words still come from the GIN index.
   */
  withSources(matched) {
    return matched
      .innerJoinLateral(
        (eb) =>
          eb
            .selectFrom('bodies as b')
            .selectAll('b')
            .whereRef('b.id', '=', 'd.body_id')
            .offset(0)
            .as('bodies'),
        (join) => join.onTrue(),
      )
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('suggestions as s')
            .selectAll('s')
            .whereRef('s.id', '=', 'd.suggestion_id')
            .offset(0)
            .as('suggestions'),
        (join) => join.onTrue(),
      )
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('replies as x')
            .selectAll('x')
            .whereRef('x.id', '=', 'd.source_id')
            .where('d.kind', '=', 'reply')
            .offset(0)
            .as('replies'),
        (join) => join.onTrue(),
      )
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('receptions as x')
            .selectAll('x')
            .whereRef('x.id', '=', 'd.source_id')
            .where('d.kind', '=', 'reception')
            .offset(0)
            .as('r'),
        (join) => join.onTrue(),
      ) as unknown as MatchedSources;
  },
  rank: (spec) => sql<number>`ts_rank(d.tsv, ${wordsQuery(spec)}::tsquery)`,
  recency: sql<number>`d.seq`,
  contains: (column, text) =>
    sql<SqlBool>`strpos(${typeof column === 'string' ? sql.ref(column) : column}, ${text}) > 0`,
};

const dialects: Record<DialectKind, SearchDialect> = { sqlite, postgres };

export function searchDialect(kind: DialectKind): SearchDialect {
  return dialects[kind];
}
