import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { Executor } from '../db/executor.js';
import type { SearchDocumentsTable } from '../db/schema-search.js';
import type { SearchDialect } from './search.dialects.js';

export type SearchDocument = Omit<SearchDocumentsTable, 'seq'>;
export type DocumentKind = 'suggestion' | 'reply' | 'reception';

/** A reserved `search_terms` row holding the number of suggestion documents (never a token: `#`). */
export const documentCountTerm = '#documents';

/**
 * Writes of the search index and the reads that feed it: the source texts, the document rows,
 * document frequencies and the user dictionary. Every method takes the caller's executor, so the
 * index is written inside the transaction of the write it follows.
 */
export class SearchRepository {
  constructor(
    private readonly db: Db,
    private readonly engine: SearchDialect,
  ) {}

  async suggestionSources(ids: string[], executor: Executor = this.db) {
    if (ids.length === 0) return [];
    return executor
      .selectFrom('suggestions')
      .select(['id', 'body_id', 'title', 'grounds', 'proposals'])
      .where('id', 'in', ids)
      .orderBy('id')
      .execute();
  }

  async replySources(ids: string[], executor: Executor = this.db) {
    if (ids.length === 0) return [];
    return executor
      .selectFrom('replies')
      .innerJoin('suggestions', 'suggestions.id', 'replies.suggestion_id')
      .select([
        'replies.id',
        'replies.suggestion_id',
        'replies.unit_id',
        'replies.document_no',
        'replies.body',
        'suggestions.body_id',
        'suggestions.title',
      ])
      .where('replies.id', 'in', ids)
      .orderBy('replies.id')
      .execute();
  }

  async receptionSources(ids: string[], executor: Executor = this.db) {
    if (ids.length === 0) return [];
    return executor
      .selectFrom('receptions')
      .select(['id', 'body_id', 'referred_unit_id', 'matter', 'answer', 'referral_answer'])
      .where('id', 'in', ids)
      .orderBy('id')
      .execute();
  }

  async findDocument(kind: DocumentKind, sourceId: string, executor: Executor = this.db) {
    return executor
      .selectFrom('search_documents')
      .select(['seq', 'tokens', 'suggestion_id', 'body_id', 'unit_id', 'title', 'content'])
      .where('kind', '=', kind)
      .where('source_id', '=', sourceId)
      .executeTakeFirst();
  }

  /** Inserts or replaces a document and its engine entry; returns the tokens it had before. */
  async put(
    doc: SearchDocument,
    tokens: string[],
    executor: Executor,
    known?: { seq: number; tokens: string } | null,
  ): Promise<string | null> {
    const existing =
      known === undefined
        ? await this.findDocument(doc.kind as DocumentKind, doc.source_id, executor)
        : known;
    let seq: number;
    if (existing) {
      seq = Number(existing.seq);
      // The engine forgets the entry while the row still holds what was indexed.
      await this.engine.remove(executor, seq);
      await executor.updateTable('search_documents').set(doc).where('seq', '=', seq).execute();
    } else {
      const row = await executor
        .insertInto('search_documents')
        .values(doc)
        .returning('seq')
        .executeTakeFirstOrThrow();
      seq = Number(row.seq);
    }
    await this.engine.put(executor, seq, tokens);
    return existing ? existing.tokens : null;
  }

  /** Inserts documents that are not in the index yet (rebuild), with their engine entries. */
  async insertFresh(docs: { doc: SearchDocument; tokens: string[] }[], executor: Executor): Promise<void> {
    for (let start = 0; start < docs.length; start += 100) {
      const chunk = docs.slice(start, start + 100);
      if (chunk.length === 0) continue;
      const rows = await executor
        .insertInto('search_documents')
        .values(chunk.map((d) => d.doc))
        // A write between batches may have indexed an item already: it stays as it is.
        .onConflict((oc) => oc.columns(['kind', 'source_id']).doNothing())
        .returning(['seq', 'source_id'])
        .execute();
      const seqOf = new Map(rows.map((r) => [r.source_id, Number(r.seq)]));
      const entries = chunk.flatMap((d) => {
        const seq = seqOf.get(d.doc.source_id);
        return seq === undefined ? [] : [{ seq, tokens: d.tokens }];
      });
      await this.engine.putMany(executor, entries);
    }
  }

  /** Removes a document whose source is gone; returns its tokens. */
  async remove(kind: DocumentKind, sourceId: string, executor: Executor): Promise<string | null> {
    const existing = await this.findDocument(kind, sourceId, executor);
    if (!existing) return null;
    await this.engine.remove(executor, Number(existing.seq));
    await executor.deleteFrom('search_documents').where('seq', '=', Number(existing.seq)).execute();
    return existing.tokens;
  }

  /** Adds `delta` to the document frequency of each term (one statement). */
  async adjustFrequencies(terms: string[], delta: number, executor: Executor): Promise<void> {
    for (let start = 0; start < terms.length; start += 400) {
      const chunk = terms.slice(start, start + 400);
      if (chunk.length === 0) continue;
      await executor
        .insertInto('search_terms')
        .values(chunk.map((term) => ({ term, df: Math.max(delta, 0) })))
        .onConflict((oc) => oc.column('term').doUpdateSet({ df: sql`search_terms.df + ${delta}` }))
        .execute();
    }
  }

  /** Document frequencies of the given terms (missing terms are absent from the map). */
  async frequencies(terms: string[], executor: Executor = this.db): Promise<Map<string, number>> {
    const result = new Map<string, number>();
    const unique = [...new Set(terms)];
    for (let start = 0; start < unique.length; start += 500) {
      const rows = await executor
        .selectFrom('search_terms')
        .select(['term', 'df'])
        .where('term', 'in', unique.slice(start, start + 500))
        .execute();
      for (const row of rows) result.set(row.term, Number(row.df));
    }
    return result;
  }

  async replaceFrequencies(frequencies: Map<string, number>, executor: Executor): Promise<void> {
    await executor.deleteFrom('search_terms').execute();
    const rows = [...frequencies].map(([term, df]) => ({ term, df }));
    for (let start = 0; start < rows.length; start += 400)
      await executor
        .insertInto('search_terms')
        .values(rows.slice(start, start + 400))
        .execute();
  }

  async clear(executor: Executor): Promise<void> {
    await this.engine.clear(executor);
    await executor.deleteFrom('search_documents').execute();
  }

  /** Planner statistics after a bulk load. */
  async analyze(executor: Executor = this.db): Promise<void> {
    await this.engine.analyze(executor);
  }

  /** Ids of a source table after `after`, in id order (rebuild batches). */
  async sourceIds(kind: DocumentKind, after: string, limit: number, executor: Executor = this.db) {
    const table = kind === 'suggestion' ? 'suggestions' : kind === 'reply' ? 'replies' : 'receptions';
    const rows = await executor
      .selectFrom(table)
      .select('id')
      .where('id', '>', after)
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  async documentCount(executor: Executor = this.db): Promise<number> {
    const row = await executor
      .selectFrom('search_documents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async hasSources(executor: Executor = this.db): Promise<boolean> {
    const suggestion = await executor.selectFrom('suggestions').select('id').limit(1).executeTakeFirst();
    const reception = await executor.selectFrom('receptions').select('id').limit(1).executeTakeFirst();
    return suggestion !== undefined || reception !== undefined;
  }

  async dictionary(executor: Executor = this.db) {
    return executor
      .selectFrom('search_dictionary')
      .select(['id', 'word', 'kind', 'created_at'])
      .orderBy('kind')
      .orderBy('word')
      .execute();
  }

  async addWord(
    row: { id: string; word: string; kind: string; created_by: string; created_at: string },
    executor: Executor,
  ) {
    await executor.insertInto('search_dictionary').values(row).execute();
  }

  async findWord(word: string, executor: Executor = this.db) {
    return executor.selectFrom('search_dictionary').selectAll().where('word', '=', word).executeTakeFirst();
  }

  async findWordById(id: string, executor: Executor = this.db) {
    return executor.selectFrom('search_dictionary').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async removeWord(id: string, executor: Executor) {
    await executor.deleteFrom('search_dictionary').where('id', '=', id).execute();
  }
}
