import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect/dialect.js';
import { searchDialect } from '../../search/search.dialects.js';
import { defaultDictionary } from '../../search/dictionary.defaults.js';
import { newId } from '../../platform/ids.js';
import type { SearchDictionaryTable } from '../schema-search.js';

type AnyDb = Kysely<unknown>;
const text = 'text' as const;
const integer = 'integer' as const;

/**
 * Chinese full-text search (issue 6): one table of searchable documents (suggestions, replies,
 * reception records) with their jieba tokens, indexed by the dialect's engine (SQLite FTS5 or a
 * PostgreSQL tsvector with a GIN index), document frequencies for similarity, and the user dictionary.
 */
export async function up(db: AnyDb, dialect: DialectHelpers): Promise<void> {
  await db.schema
    .createTable('search_documents')
    .addColumn('seq', searchDialect(dialect.kind).seqType, (c) => c.primaryKey())
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('source_id', text, (c) => c.notNull())
    .addColumn('suggestion_id', text)
    .addColumn('body_id', text, (c) => c.notNull())
    .addColumn('unit_id', text)
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('content', text, (c) => c.notNull())
    .addColumn('tokens', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addUniqueConstraint('search_documents_source', ['kind', 'source_id'])
    .execute();
  await db.schema
    .createIndex('search_documents_suggestion')
    .on('search_documents')
    .column('suggestion_id')
    .execute();
  await searchDialect(dialect.kind).create(db);

  await db.schema
    .createTable('search_terms')
    .addColumn('term', text, (c) => c.primaryKey())
    .addColumn('df', integer, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('search_dictionary')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('word', text, (c) => c.notNull().unique())
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('created_by', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  const at = '2025-01-01T00:00:00.000Z';
  await (db as unknown as Kysely<{ search_dictionary: SearchDictionaryTable }>)
    .insertInto('search_dictionary')
    .values(defaultDictionary.map((entry) => ({ id: newId(), ...entry, created_by: null, created_at: at })))
    .execute();
}

export async function down(db: AnyDb, dialect: DialectHelpers): Promise<void> {
  await searchDialect(dialect.kind).drop(db);
  await db.schema.dropTable('search_dictionary').execute();
  await db.schema.dropTable('search_terms').execute();
  await db.schema.dropTable('search_documents').execute();
}
