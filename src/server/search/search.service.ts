import type { Db } from '../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { hasRole } from '../auth/actor.js';
import type { Clock } from '../platform/clock.js';
import { newId } from '../platform/ids.js';
import { conflict, forbidden, notFound } from '../platform/errors.js';
import { suggestionScope } from '../suggestions/suggestions.access.js';
import { receptionScope } from '../stations/stations.access.js';
import type {
  DictionaryWordInput,
  PublicSearchQuery,
  SearchKind,
  SearchPage,
  SearchQuery,
} from '../../shared/schemas/search.js';
import type { SearchAccess, SearchFilter, SearchQueriesRepository } from './search-queries.repository.js';
import type { DocumentKind, SearchRepository } from './search.repository.js';
import type { DictionaryCache, SearchIndexer } from './search.indexer.js';
import { markPieces, snippetPieces } from './highlight.js';

/**
 * Bounds that keep a common word interactive at province scale: relevance is ranked within the
 * newest 2,000 matches (bm25 costs ~1 µs a row, so ranking 150k matches of 停车 would take
 * 80-150 ms), and the total is counted up to 5,000 ("5000+" beyond).
 */
export const searchLimits = { rankWithin: 2000, countUpTo: 5000 };

const dictionaryEditors = ['admin', 'office_staff'] as const;
const wordNoun = { zh: '词条', en: 'Dictionary word' };

/** Full-text search over suggestions, replies and receptions, the user dictionary and the rebuild. */
export class SearchService {
  constructor(
    private readonly db: Db,
    private readonly repository: SearchRepository,
    private readonly queries: SearchQueriesRepository,
    private readonly dictionary: DictionaryCache,
    private readonly indexer: SearchIndexer,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** What the actor may see, ranked and highlighted. */
  async search(actor: Actor, query: SearchQuery): Promise<SearchPage> {
    const access: SearchAccess = {
      kind: 'actor',
      suggestions: suggestionScope(actor),
      receptions: receptionScope(actor, await this.queries.stationIdsOfStaff(actor.userId)),
    };
    return this.run(
      access,
      query.q,
      {
        kinds: query.kinds,
        bodyId: query.bodyId,
        level: query.level,
        sessionId: query.sessionId,
        statuses: query.status,
        categoryId: query.categoryId,
        unitId: query.unitId,
      },
      query.page,
      query.pageSize,
    );
  }

  /** Disclosed suggestions and their sent replies, for anyone (the portal's rule of disclosure). */
  async publicSearch(query: PublicSearchQuery): Promise<SearchPage> {
    return this.run(
      { kind: 'public' },
      query.q,
      { bodyId: query.bodyId, sessionId: query.sessionId, categoryId: query.categoryId },
      query.page,
      query.pageSize,
    );
  }

  private async run(
    access: SearchAccess,
    q: string,
    filter: SearchFilter,
    page: number,
    pageSize: number,
  ): Promise<SearchPage> {
    const parsed = (await this.dictionary.segmenter()).parse(q);
    const empty = {
      items: [],
      total: 0,
      totalCapped: false,
      rankedWithin: searchLimits.rankWithin,
      page,
      pageSize,
    };
    if (parsed.terms.length === 0) return { ...empty, terms: [] };
    const result = await this.queries.search(
      { all: parsed.terms },
      parsed.phrases,
      access,
      filter,
      page,
      pageSize,
      searchLimits,
    );
    return {
      ...empty,
      total: result.total,
      totalCapped: result.capped,
      terms: parsed.terms.map((t) => t.word),
      items: result.items.map((row) => {
        // A suggestion's content starts with its title: the snippet shows the rest.
        const text = row.kind === 'suggestion' ? row.content.slice(row.title.length) : row.content;
        return {
          kind: row.kind as SearchKind,
          id: row.source_id,
          suggestionId: row.suggestion_id,
          title: markPieces(row.title, parsed.highlights),
          snippet: snippetPieces(text, parsed.highlights),
          bodyName: row.body_name,
          status: row.kind === 'reception' ? row.reception_status : row.suggestion_status,
          serialNumber: row.serial_number,
          score: Number(row.score),
          updatedAt: row.updated_at,
        };
      }),
    };
  }

  async dictionaryWords() {
    const rows = await this.repository.dictionary();
    return {
      items: rows.map((r) => ({ id: r.id, word: r.word, kind: r.kind as 'place', createdAt: r.created_at })),
    };
  }

  /** Adds a word jieba keeps whole; texts indexed earlier still match through the word's parts. */
  async addWord(actor: Actor, input: DictionaryWordInput) {
    this.requireEditor(actor);
    if (await this.repository.findWord(input.word))
      throw conflict('search.word_exists', { zh: '词库中已有该词。', en: 'The word is already there.' });
    const row = {
      id: newId(),
      word: input.word,
      kind: input.kind,
      created_by: actor.userId,
      created_at: this.clock.now().toISOString(),
    };
    await this.db.transaction().execute(async (trx) => {
      await this.repository.addWord(row, trx);
      await this.audit.record(trx, {
        actor,
        action: 'search.dictionary.add',
        targetType: 'search_dictionary',
        targetId: row.id,
        after: { word: row.word, kind: row.kind },
      });
    });
    this.dictionary.invalidate();
    return { id: row.id, word: row.word, kind: row.kind, createdAt: row.created_at };
  }

  async removeWord(actor: Actor, id: string) {
    this.requireEditor(actor);
    const row = await this.repository.findWordById(id);
    if (!row) throw notFound(wordNoun, id);
    await this.db.transaction().execute(async (trx) => {
      await this.repository.removeWord(id, trx);
      await this.audit.record(trx, {
        actor,
        action: 'search.dictionary.remove',
        targetType: 'search_dictionary',
        targetId: id,
        before: { word: row.word, kind: row.kind },
      });
    });
    this.dictionary.invalidate();
    return { ok: true as const };
  }

  /**
   * Recreates the whole index from the source tables in batches of `batchSize` (one transaction
   * each), so a large database is rebuilt without one huge transaction. Items of all kinds are
   * indexed in id order, which is creation order (ULIDs): the engine's order then stays "newest
   * last" across kinds, as incremental indexing keeps it, and searches that rank the newest
   * matches see suggestions, replies and receptions of the same time together.
   */
  async rebuild(batchSize = 500, progress?: (done: number) => void) {
    const started = performance.now();
    this.dictionary.invalidate();
    await this.db.transaction().execute(async (trx) => {
      await this.repository.clear(trx);
      await this.repository.replaceFrequencies(new Map(), trx);
    });
    const frequencies = new Map<string, number>();
    const kinds: DocumentKind[] = ['suggestion', 'reply', 'reception'];
    const sources = kinds.map((kind) => ({ kind, pending: [] as string[], after: '', exhausted: false }));
    let done = 0;
    for (;;) {
      // Each unfinished kind holds at least a batch, so the batch's smallest ids are all fetched.
      for (const source of sources)
        if (!source.exhausted && source.pending.length < batchSize) {
          const ids = await this.repository.sourceIds(source.kind, source.after, batchSize);
          source.pending.push(...ids);
          source.after = ids.at(-1) ?? source.after;
          source.exhausted = ids.length < batchSize;
        }
      const batch = sources
        .flatMap((source) => source.pending)
        .sort()
        .slice(0, batchSize);
      if (batch.length === 0) break;
      const last = batch[batch.length - 1] ?? '';
      const taken = sources.map((source) => {
        const ids = source.pending.filter((id) => id <= last);
        source.pending = source.pending.filter((id) => id > last);
        return { kind: source.kind, ids };
      });
      await this.db.transaction().execute(async (trx) => {
        for (const { kind, ids } of taken)
          if (ids.length > 0) await this.indexer.fresh(trx, kind, ids, frequencies);
      });
      done += batch.length;
      progress?.(done);
    }
    await this.db.transaction().execute((trx) => this.repository.replaceFrequencies(frequencies, trx));
    await this.repository.analyze();
    const documents = await this.repository.documentCount();
    return { documents, milliseconds: Math.round(performance.now() - started) };
  }

  /** The rebuild from the web (admins); large databases use `minyi search rebuild`. */
  async rebuildAs(actor: Actor) {
    if (!hasRole(actor, 'admin'))
      throw forbidden({ zh: '只有管理员可以重建索引。', en: 'Only admins rebuild the index.' });
    return this.rebuild();
  }

  /** Whether the index is empty although there are texts to index. */
  async indexIsMissing(): Promise<boolean> {
    return (await this.repository.documentCount()) === 0 && (await this.repository.hasSources());
  }

  private requireEditor(actor: Actor) {
    if (!hasRole(actor, ...dictionaryEditors))
      throw forbidden({
        zh: '只有管理员和代表工作机构可以维护词库。',
        en: 'Only admins and office staff edit the dictionary.',
      });
  }
}
