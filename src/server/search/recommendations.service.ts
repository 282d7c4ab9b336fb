import type { Actor } from '../auth/actor.js';
import type { SuggestionRow } from '../db/schema.js';
import type { SuggestionScope } from '../suggestions/suggestions.repository.js';
import { suggestionScope } from '../suggestions/suggestions.access.js';
import type { SuggestionsService } from '../suggestions/suggestions.service.js';
import type { Recommendation, Recommendations } from '../../shared/schemas/search.js';
import type { Neighbour, SimilarService } from './similar.service.js';
import type { SimilarRepository } from './similar.repository.js';

/** Neighbours that vote, and evidence items shown per recommendation. */
const neighbourCount = 15;
const evidencePerItem = 3;
/** Weight of the category's usual units next to a neighbour's vote (a fallback, not a rival). */
const categoryPrior = 0.05;

interface Vote {
  id: string;
  name: string;
  weight: number;
  source: Recommendation['source'];
  evidence: Neighbour[];
}

/**
 * Category and unit recommendations for assignment: k nearest past suggestions (by TF-IDF cosine)
 * vote for their category and their lead and co units, each vote weighted by similarity; the
 * category → unit mapping adds a small prior, so a matter never seen before still gets its
 * category's usual units.
 */
export class RecommendationsService {
  constructor(
    private readonly similar: SimilarService,
    private readonly details: SimilarRepository,
    private readonly suggestions: SuggestionsService,
  ) {}

  async forItem(actor: Actor, id: string): Promise<Recommendations> {
    const row = await this.suggestions.visible(actor, id);
    return this.recommend(row, suggestionScope(actor));
  }

  /** The recommendation itself; `assignedBefore` limits the past to a training split (evaluation). */
  async recommend(
    row: Pick<SuggestionRow, 'id' | 'title' | 'grounds' | 'proposals' | 'body_id' | 'category_id'>,
    scope: SuggestionScope,
    assignedBefore?: string,
  ): Promise<Recommendations> {
    const neighbours = (
      await this.similar.neighbours({
        title: row.title,
        text: `${row.grounds}\n${row.proposals}`,
        within: { bodyIds: [row.body_id], subtreeIds: [] },
        scope,
        excludeIds: [row.id],
        limit: neighbourCount * 2,
        assignedBefore,
      })
    ).slice(0, neighbourCount * 2);
    const assignments = await this.details.assignments(neighbours.map((n) => n.id));
    const assigned = neighbours
      .filter((n) => assignments.some((a) => a.suggestion_id === n.id))
      .slice(0, neighbourCount);
    const categoryNames = await this.details.categories([
      ...new Set(assigned.flatMap((n) => (n.categoryId ? [n.categoryId] : []))),
      ...(row.category_id ? [row.category_id] : []),
    ]);

    const categories = new Map<string, Vote>();
    const leads = new Map<string, Vote>();
    const cos = new Map<string, Vote>();
    for (const n of assigned) {
      if (n.categoryId)
        add(categories, n.categoryId, categoryNames.get(n.categoryId) ?? '', n.score, 'similar', n);
      for (const a of assignments.filter((x) => x.suggestion_id === n.id))
        add(a.role === 'co' ? cos : leads, a.unit_id, a.unit_name, n.score, 'similar', n);
    }
    const categoryId = row.category_id ?? top(categories)?.id ?? null;
    if (categoryId) {
      for (const unit of await this.details.categoryUnits(categoryId))
        add(unit.role === 'co' ? cos : leads, unit.unit_id, unit.unit_name, categoryPrior, 'category', null);
    }
    return { categories: ranked(categories), leadUnits: ranked(leads), coUnits: ranked(cos) };
  }
}

function add(
  votes: Map<string, Vote>,
  id: string,
  name: string,
  weight: number,
  source: Vote['source'],
  neighbour: Neighbour | null,
) {
  const vote = votes.get(id) ?? { id, name, weight: 0, source, evidence: [] };
  vote.weight += weight;
  if (source === 'similar') vote.source = 'similar';
  if (neighbour && vote.evidence.length < evidencePerItem) vote.evidence.push(neighbour);
  votes.set(id, vote);
}

function top(votes: Map<string, Vote>): Vote | undefined {
  return [...votes.values()].sort((a, b) => b.weight - a.weight)[0];
}

function ranked(votes: Map<string, Vote>): Recommendation[] {
  const total = [...votes.values()].reduce((sum, v) => sum + v.weight, 0);
  return [...votes.values()]
    .sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name, 'zh'))
    .slice(0, 5)
    .map((v) => ({
      id: v.id,
      name: v.name,
      score: total > 0 ? Math.round((v.weight / total) * 1000) / 1000 : 0,
      source: v.source,
      evidence: v.evidence.map((e) => ({
        id: e.id,
        title: e.title,
        score: Math.round(e.score * 1000) / 1000,
      })),
    }));
}
