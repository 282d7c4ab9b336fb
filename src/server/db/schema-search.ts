import type { Generated } from 'kysely';

/**
 * Table types of the full-text index (migration `0009_search`), kept beside `schema.ts`, whose
 * `Database` includes them. The index is derived data: `minyi search rebuild` recreates it.
 */

/** One searchable text: a suggestion, a reply letter or a reception record (citizen matters too). */
export interface SearchDocumentsTable {
  /** Integer key: the FTS5 rowid on SQLite; newer documents have larger numbers. */
  seq: Generated<number>;
  /** `suggestion`, `reply` or `reception`. */
  kind: string;
  source_id: string;
  /** The suggestion itself, or the suggestion a reply answers. */
  suggestion_id: string | null;
  body_id: string;
  /** A reply's unit, or the unit a reception was referred to. */
  unit_id: string | null;
  title: string;
  /** The original text (title, then the other parts), for snippets and phrase checks. */
  content: string;
  /** jieba tokens (search mode), space-joined: what the engine indexes. */
  tokens: string;
  updated_at: string;
}

/** Document frequencies of tokens over suggestion documents, for TF-IDF similarity. */
export interface SearchTermsTable {
  term: string;
  df: number;
}

/** The user dictionary: local place names and domain terms jieba keeps whole. */
export interface SearchDictionaryTable {
  id: string;
  word: string;
  /** `place` or `term`. */
  kind: string;
  created_by: string | null;
  created_at: string;
}

/** SQLite only: the FTS5 table over `search_documents.tokens` (external content). */
export interface SearchFtsTable {
  rowid: number;
  search_fts: string;
  tokens: string;
}

export interface SearchTables {
  search_documents: SearchDocumentsTable;
  search_terms: SearchTermsTable;
  search_dictionary: SearchDictionaryTable;
  search_fts: SearchFtsTable;
}
