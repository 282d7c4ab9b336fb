import { sql } from 'kysely';
import type { Kysely, RawBuilder, SelectQueryBuilder, SqlBool } from 'kysely';
import type { DialectKind } from '../db/dialect/dialect.js';
import type { Database } from '../db/schema.js';
import type { SearchDocumentsTable } from '../db/schema-search.js';
import type { Executor } from '../db/executor.js';
import type { QueryTerm } from './segmenter.js';

/** Documents that match, as a query over `search_documents as d` to add joins and filters to. */
export type MatchedDocuments = SelectQueryBuilder<Database & { d: SearchDocumentsTable }, 'd', object>;

/** What must match: every term (a search), or any of some words (similarity candidates). */
export type MatchSpec = { all: QueryTerm[] } | { any: string[] };

/**
 * The full-text engine of one dialect: SQLite FTS5 (`unicode61` over space-joined jieba tokens)
 * or PostgreSQL `tsvector` with a GIN index. Chosen once by `searchDialect(kind)`; nothing else in
 * the search module knows which database it runs on.
 */
export interface SearchDialect {
  /** Column type of `search_documents.seq`: a self-numbering integer key. */
  seqType: 'integer' | 'bigserial';
  /** Migration: the engine's structures over `search_documents`. */
  create(db: Kysely<unknown>): Promise<void>;
  drop(db: Kysely<unknown>): Promise<void>;
  /** Puts a document's tokens into the engine; `previous` are the tokens indexed before, if any. */
  put(trx: Executor, seq: number, tokens: string[], previous: string | null): Promise<void>;
  remove(trx: Executor, seq: number, previous: string): Promise<void>;
  /** Puts new documents (not indexed before) into the engine in one statement. */
  putMany(trx: Executor, entries: { seq: number; tokens: string[] }[]): Promise<void>;
  /** Empties the engine (rebuild). */
  clear(executor: Executor): Promise<void>;
  matching(executor: Executor, spec: MatchSpec): MatchedDocuments;
  /** Relevance of a matching row, larger is better; only valid in a `matching` query. */
  rank(spec: MatchSpec): RawBuilder<number>;
  /** The engine's own order of documents (newest last), cheap to walk backwards. */
  recency: RawBuilder<number>;
  /** Whether `column` contains `text` literally (phrase check). */
  contains(column: RawBuilder<string> | string, text: string): RawBuilder<SqlBool>;
}

const quoteFts = (token: string) => `"${token.replace(/"/g, '""')}"`;

/** FTS5 query: `"停车" AND ("充电桩" OR "充电 桩")`. */
export function ftsQuery(spec: MatchSpec): string {
  if ('any' in spec) return spec.any.map(quoteFts).join(' OR ');
  return spec.all
    .map((t) => (t.parts ? `(${quoteFts(t.word)} OR ${quoteFts(t.parts.join(' '))})` : quoteFts(t.word)))
    .join(' AND ');
}

const quoteLexeme = (token: string) => `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** tsquery literal, parsed without a text-search parser: `'停车' & ('充电桩' | '充电' <-> '桩')`. */
export function tsQuery(spec: MatchSpec): string {
  if ('any' in spec) return spec.any.map(quoteLexeme).join(' | ');
  return spec.all
    .map((t) =>
      t.parts ? `(${quoteLexeme(t.word)} | ${t.parts.map(quoteLexeme).join(' <-> ')})` : quoteLexeme(t.word),
    )
    .join(' & ');
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
  async put(trx, seq, tokens, previous) {
    if (previous !== null) await sqlite.remove(trx, seq, previous);
    await sql`INSERT INTO search_fts (rowid, tokens) VALUES (${seq}, ${tokens.join(' ')})`.execute(trx);
  },
  async remove(trx, seq, previous) {
    // External content: the engine is told which tokens to forget.
    await sql`INSERT INTO search_fts (search_fts, rowid, tokens) VALUES ('delete', ${seq}, ${previous})`.execute(
      trx,
    );
  },
  async putMany(trx, entries) {
    if (entries.length === 0) return;
    const values = entries.map((e) => sql`(${e.seq}, ${e.tokens.join(' ')})`);
    await sql`INSERT INTO search_fts (rowid, tokens) VALUES ${sql.join(values)}`.execute(trx);
  },
  async clear(executor) {
    await sql`INSERT INTO search_fts (search_fts) VALUES ('delete-all')`.execute(executor);
  },
  matching(executor, spec) {
    return executor
      .selectFrom('search_fts')
      .innerJoin('search_documents as d', 'd.seq', 'search_fts.rowid')
      .where(sql<SqlBool>`search_fts MATCH ${ftsQuery(spec)}`) as unknown as MatchedDocuments;
  },
  rank: () => sql<number>`(-bm25(search_fts))`,
  recency: sql<number>`search_fts.rowid`,
  contains: (column, text) =>
    sql<SqlBool>`instr(${typeof column === 'string' ? sql.ref(column) : column}, ${text}) > 0`,
};

const postgres: SearchDialect = {
  seqType: 'bigserial',
  async create(db) {
    await sql`ALTER TABLE search_documents ADD COLUMN tsv tsvector`.execute(db);
    await sql`CREATE INDEX search_documents_tsv ON search_documents USING GIN (tsv)`.execute(db);
  },
  async drop() {
    // The column and index go with the table.
  },
  async put(trx, seq, tokens) {
    await sql`UPDATE search_documents SET tsv = ${tsVector(tokens)}::tsvector WHERE seq = ${seq}`.execute(
      trx,
    );
  },
  async remove() {
    // The row's own column: deleting the row removes it.
  },
  async putMany(trx, entries) {
    if (entries.length === 0) return;
    const values = entries.map((e) => sql`(${e.seq}::bigint, ${tsVector(e.tokens)}::tsvector)`);
    await sql`UPDATE search_documents AS d SET tsv = v.tsv FROM (VALUES ${sql.join(values)}) AS v(seq, tsv) WHERE d.seq = v.seq`.execute(
      trx,
    );
  },
  async clear() {
    // Rows are deleted with the documents table.
  },
  matching(executor, spec) {
    return executor
      .selectFrom('search_documents as d')
      .where(sql<SqlBool>`d.tsv @@ ${tsQuery(spec)}::tsquery`);
  },
  rank: (spec) => sql<number>`ts_rank(d.tsv, ${tsQuery(spec)}::tsquery)`,
  recency: sql<number>`d.seq`,
  contains: (column, text) =>
    sql<SqlBool>`strpos(${typeof column === 'string' ? sql.ref(column) : column}, ${text}) > 0`,
};

const dialects: Record<DialectKind, SearchDialect> = { sqlite, postgres };

export function searchDialect(kind: DialectKind): SearchDialect {
  return dialects[kind];
}
