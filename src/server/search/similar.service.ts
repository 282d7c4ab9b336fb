import type { Actor } from '../auth/actor.js';
import { coversBody, organisationReaders, unitIdsOf } from '../auth/actor.js';
import { invalidField, notFound } from '../platform/errors.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { SuggestionScope } from '../suggestions/suggestions.repository.js';
import { suggestionScope } from '../suggestions/suggestions.access.js';
import type { SuggestionsService } from '../suggestions/suggestions.service.js';
import type { SimilarItem, SimilarList, SimilarQuery } from '../../shared/schemas/search.js';
import type { SuggestionStatus } from '../../shared/schemas/suggestions.js';
import type { SearchQueriesRepository } from './search-queries.repository.js';
import type { SearchRepository } from './search.repository.js';
import { documentCountTerm } from './search.repository.js';
import type { DictionaryCache } from './search.indexer.js';
import type { SimilarRepository } from './similar.repository.js';
import type { BodyScope } from './search.scope.js';
import { ancestorsOfPath } from './search.scope.js';
import {
  cosine,
  distinctiveTerms,
  isFeature,
  listingThreshold,
  sameMatterThreshold,
  tfidfVector,
} from './similarity.js';
import type { Frequencies } from './similarity.js';

/** A past suggestion close to a text, with what the recommendation needs. */
export interface Neighbour {
  id: string;
  title: string;
  bodyId: string;
  sessionId: string | null;
  categoryId: string | null;
  serialNumber: number | null;
  status: string;
  createdAt: string;
  score: number;
}

export interface NeighbourInput {
  title: string;
  text: string;
  /** The bodies searched. */
  within: BodyScope;
  scope: SuggestionScope;
  excludeIds: string[];
  limit: number;
  assignedBefore?: string;
}

/**
 * How many distinctive words fetch candidates, how many candidates are scored, and among how many
 * of the newest matches in the bodies searched they are chosen (bm25 costs ~1 µs a row: a county
 * stays well under the bound, a whole province with all its levels is cut there).
 */
const candidateWords = 8;
const candidatePool = 80;
const rankWithin = 5000;

/** Similar suggestions (TF-IDF cosine over jieba tokens; see similarity.ts for the choice). */
export class SimilarService {
  constructor(
    private readonly repository: SearchRepository,
    private readonly queries: SearchQueriesRepository,
    private readonly details: SimilarRepository,
    private readonly dictionary: DictionaryCache,
    private readonly suggestions: SuggestionsService,
    private readonly settings: SettingsService,
  ) {}

  /** Earlier suggestions on the same matter as a draft text (this body, optionally levels above/below). */
  async similarToText(actor: Actor, query: SimilarQuery): Promise<SimilarList> {
    const bodyId = query.bodyId ?? actor.roles[0]?.bodyId;
    if (!bodyId) throw invalidField('bodyId', { zh: '请选择人大', en: 'choose a body' });
    return this.list(
      actor,
      { title: query.title, text: query.text, bodyId, includeLevels: query.includeLevels },
      [],
      query.limit,
    );
  }

  /** Suggestions similar to one the actor may see (404 otherwise). */
  async similarToItem(actor: Actor, id: string, includeLevels: SimilarQuery['includeLevels'], limit: number) {
    const row = await this.suggestions.visible(actor, id);
    return this.list(
      actor,
      { title: row.title, text: `${row.grounds}\n${row.proposals}`, bodyId: row.body_id, includeLevels },
      [id],
      limit,
    );
  }

  /** The bodies searched: the body itself, plus those above it (its ancestors) and/or its whole subtree. */
  async bodiesFor(bodyId: string, includeLevels: SimilarQuery['includeLevels']): Promise<BodyScope> {
    const body = await this.details.body(bodyId);
    if (!body) throw notFound({ zh: '人大', en: 'Body' }, bodyId);
    const above = includeLevels === 'above' || includeLevels === 'both';
    const below = includeLevels === 'below' || includeLevels === 'both';
    return {
      bodyIds: [body.id, ...(above ? ancestorsOfPath(body.path) : [])],
      subtreeIds: below ? [body.id] : [],
    };
  }

  /**
   * The nearest past suggestions: candidates sharing the text's most distinctive words (best bm25
   * first, from the full-text index), re-scored by cosine of TF-IDF vectors.
   */
  async neighbours(input: NeighbourInput): Promise<Neighbour[]> {
    const segmenter = await this.dictionary.segmenter();
    const bodyTokens = segmenter.indexTokens(`${input.title}\n${input.text}`);
    const titleTokens = segmenter.indexTokens(input.title);
    const features = [...new Set([...bodyTokens, ...titleTokens].filter(isFeature))];
    if (features.length === 0) return [];
    const df = await this.repository.frequencies([...features, documentCountTerm]);
    const frequencies: Frequencies = {
      documents: df.get(documentCountTerm) ?? 0,
      df: (term) => df.get(term) ?? 0,
    };
    const queryVector = tfidfVector(bodyTokens, titleTokens, frequencies);
    // Words no indexed suggestion contains weigh most and can fetch nothing.
    const indexed = new Map([...queryVector].filter(([term]) => frequencies.df(term) > 0));
    const words = distinctiveTerms(indexed, candidateWords);
    if (words.length === 0) return [];
    const candidates = await this.queries.similarCandidates({
      words,
      within: input.within,
      scope: input.scope,
      excludeIds: input.excludeIds,
      limit: candidatePool,
      rankWithin,
      assignedBefore: input.assignedBefore,
    });
    const candidateTokens = candidates.map((c) => ({
      body: c.tokens.split(' ').filter(Boolean),
      title: segmenter.indexTokens(c.title),
    }));
    const missing = [
      ...new Set(candidateTokens.flatMap((t) => t.body).filter((t) => isFeature(t) && !df.has(t))),
    ];
    for (const [term, count] of await this.repository.frequencies(missing)) df.set(term, count);
    return candidates
      .map((c, index) => {
        const tokens = candidateTokens[index] ?? { body: [], title: [] };
        return {
          id: c.id,
          title: c.title,
          bodyId: c.body_id,
          sessionId: c.session_id,
          categoryId: c.category_id,
          serialNumber: c.serial_number,
          status: c.status,
          createdAt: c.created_at,
          score: cosine(queryVector, tfidfVector(tokens.body, tokens.title, frequencies)),
        };
      })
      .filter((n) => n.score >= listingThreshold)
      .sort((a, b) => b.score - a.score || (a.createdAt < b.createdAt ? 1 : -1))
      .slice(0, input.limit);
  }

  private async list(
    actor: Actor,
    input: { title: string; text: string; bodyId: string; includeLevels: SimilarQuery['includeLevels'] },
    excludeIds: string[],
    limit: number,
  ): Promise<SimilarList> {
    const found = await this.neighbours({
      title: input.title,
      text: input.text,
      within: await this.bodiesFor(input.bodyId, input.includeLevels),
      scope: suggestionScope(actor),
      excludeIds,
      limit,
    });
    return { items: await this.describe(actor, found), threshold: sameMatterThreshold };
  }

  /** Adds session, lead unit, outcome class and rating (hidden from unit staff when back to back). */
  private async describe(actor: Actor, found: Neighbour[]): Promise<SimilarItem[]> {
    const ids = found.map((n) => n.id);
    const [bodies, sessions, assignments, outcomes, ratings] = await Promise.all([
      this.details.bodies([...new Set(found.map((n) => n.bodyId))]),
      this.details.sessionNames([...new Set(found.flatMap((n) => (n.sessionId ? [n.sessionId] : [])))]),
      this.details.assignments(ids),
      this.details.sentOutcomes(ids),
      this.details.leadRatings(ids),
    ]);
    const hidden = new Map<string, boolean>();
    for (const body of bodies) {
      const unitOnly =
        unitIdsOf(actor).length > 0 &&
        !coversBody(actor, organisationReaders, body.path) &&
        actor.deputyId === null;
      hidden.set(body.id, unitOnly && (await this.settings.ruleProfile(body.id)).settings.backToBackRating);
    }
    return found.map((n) => {
      const rating = ratings.filter((r) => r.suggestion_id === n.id).at(-1);
      const ratingHidden = hidden.get(n.bodyId) ?? false;
      return {
        id: n.id,
        title: n.title,
        score: Math.round(n.score * 1000) / 1000,
        likelySame: n.score >= sameMatterThreshold,
        bodyName: bodies.find((b) => b.id === n.bodyId)?.name ?? '',
        sessionName: n.sessionId ? (sessions.get(n.sessionId) ?? null) : null,
        serialNumber: n.serialNumber,
        status: n.status as SuggestionStatus,
        leadUnitName: assignments.find((a) => a.suggestion_id === n.id && a.role !== 'co')?.unit_name ?? null,
        outcomeClass: outcomes.filter((o) => o.suggestion_id === n.id).at(-1)?.outcome_class ?? null,
        rating:
          rating && !ratingHidden
            ? { attitude: rating.attitude as 'satisfied', result: rating.result as 'satisfied' }
            : null,
        ratingHidden,
        createdAt: n.createdAt,
      };
    });
  }
}
