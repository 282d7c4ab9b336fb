import type { Executor } from '../db/executor.js';
import type { Clock } from '../platform/clock.js';
import { Segmenter } from './segmenter.js';
import type { DocumentKind, SearchDocument, SearchRepository } from './search.repository.js';
import { documentCountTerm } from './search.repository.js';

/**
 * The segmenter with the current user dictionary. Loaded through whatever executor the caller
 * holds (inside a transaction SQLite has no other connection), and dropped when staff edit the words.
 */
export class DictionaryCache {
  private current: Segmenter | undefined;

  constructor(private readonly repository: SearchRepository) {}

  async segmenter(executor?: Executor): Promise<Segmenter> {
    if (!this.current) {
      const words = (await this.repository.dictionary(executor)).map((w) => w.word);
      this.current = new Segmenter(words);
    }
    return this.current;
  }

  invalidate(): void {
    this.current = undefined;
  }
}

/**
 * Keeps the index in step with the texts: each write path calls one method with its transaction
 * and the item's id; the method reads the item through that transaction and re-indexes it.
 */
export class SearchIndexer {
  constructor(
    private readonly repository: SearchRepository,
    private readonly dictionary: DictionaryCache,
    private readonly clock: Clock,
  ) {}

  /** Title, grounds and proposals of a suggestion (drafts too: their authors search them). */
  async suggestion(trx: Executor, id: string): Promise<void> {
    await this.one(trx, 'suggestion', id);
  }

  /** A reply letter's text, under the title of the suggestion it answers. */
  async reply(trx: Executor, id: string): Promise<void> {
    await this.one(trx, 'reply', id);
  }

  /** A reception record or citizen message: the matter and the answers (never the visitor's contact). */
  async reception(trx: Executor, id: string): Promise<void> {
    await this.one(trx, 'reception', id);
  }

  /**
   * Indexes a batch of items into an emptied index (rebuild): one read, one insert and one engine
   * write per batch; document frequencies are counted into `frequencies` and written at the end.
   */
  async fresh(trx: Executor, kind: DocumentKind, ids: string[], frequencies: Map<string, number>) {
    const segmenter = await this.dictionary.segmenter(trx);
    const docs = (await this.documents(trx, kind, ids)).map((doc) => {
      const tokens = segmenter.indexTokens(doc.content);
      return { doc: { ...doc, tokens: tokens.join(' ') }, tokens };
    });
    await this.repository.insertFresh(docs, trx);
    if (kind !== 'suggestion') return;
    for (const { tokens } of docs)
      for (const term of [...new Set(tokens), documentCountTerm])
        frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
  }

  /** The documents of some items of one kind (items that no longer exist are left out). */
  private async documents(trx: Executor, kind: DocumentKind, ids: string[]) {
    const updated_at = this.clock.now().toISOString();
    if (kind === 'suggestion')
      return (await this.repository.suggestionSources(ids, trx)).map((row) => ({
        kind,
        source_id: row.id,
        suggestion_id: row.id,
        body_id: row.body_id,
        unit_id: null,
        title: row.title,
        content: [row.title, row.grounds, row.proposals].join('\n'),
        updated_at,
      }));
    if (kind === 'reply')
      return (await this.repository.replySources(ids, trx)).map((row) => ({
        kind,
        source_id: row.id,
        suggestion_id: row.suggestion_id,
        body_id: row.body_id,
        unit_id: row.unit_id,
        title: row.title,
        content: [row.document_no, row.body].join('\n'),
        updated_at,
      }));
    return (await this.repository.receptionSources(ids, trx)).map((row) => ({
      kind,
      source_id: row.id,
      suggestion_id: null,
      body_id: row.body_id,
      unit_id: row.referred_unit_id,
      title: row.matter.length > 40 ? `${row.matter.slice(0, 40)}…` : row.matter,
      content: [row.matter, row.answer, row.referral_answer].filter(Boolean).join('\n'),
      updated_at,
    }));
  }

  private async one(trx: Executor, kind: DocumentKind, id: string): Promise<void> {
    const [doc] = await this.documents(trx, kind, [id]);
    if (doc) await this.put(trx, doc);
    else await this.drop(trx, kind, id);
  }

  /** Tokens of a document as indexed (the same cut the similarity vectors use). */
  async tokens(text: string, executor?: Executor): Promise<string[]> {
    return (await this.dictionary.segmenter(executor)).indexTokens(text);
  }

  private async put(trx: Executor, doc: Omit<SearchDocument, 'tokens'>): Promise<void> {
    const existing = await this.repository.findDocument(doc.kind as DocumentKind, doc.source_id, trx);
    // Most workflow moves leave the text as it was: nothing to segment or re-index (a review pass
    // spent a third of its statements here, issue 9).
    if (
      existing &&
      existing.content === doc.content &&
      existing.title === doc.title &&
      existing.body_id === doc.body_id &&
      existing.unit_id === doc.unit_id &&
      existing.suggestion_id === doc.suggestion_id
    )
      return;
    const tokens = await this.tokens(doc.content, trx);
    const previous = await this.repository.put(
      { ...doc, tokens: tokens.join(' ') },
      tokens,
      trx,
      existing ?? null,
    );
    if (doc.kind === 'suggestion') await this.countTerms(trx, previous, tokens);
  }

  private async drop(trx: Executor, kind: DocumentKind, id: string): Promise<void> {
    const previous = await this.repository.remove(kind, id, trx);
    if (kind === 'suggestion' && previous !== null) {
      await this.repository.adjustFrequencies([...new Set(previous.split(' ')), documentCountTerm], -1, trx);
    }
  }

  /** Document frequencies follow the change of a suggestion's set of terms. */
  private async countTerms(trx: Executor, previous: string | null, tokens: string[]): Promise<void> {
    const before = new Set(previous ? previous.split(' ').filter(Boolean) : []);
    const after = new Set(tokens);
    const added = [...after].filter((t) => !before.has(t));
    const removed = [...before].filter((t) => !after.has(t));
    if (previous === null) added.push(documentCountTerm);
    await this.repository.adjustFrequencies(added, 1, trx);
    await this.repository.adjustFrequencies(removed, -1, trx);
  }
}
