import { stopWords } from './segmenter.js';

/**
 * TF-IDF vectors over jieba tokens, compared by cosine.
 *
 * Why this method: suggestions are short (a title and a few hundred characters), and the same
 * matter is raised in other words mostly by re-using its key nouns (停车位, 校车, 饮水) in a
 * different order with different function words. TF-IDF keeps those nouns and discounts words
 * every suggestion uses; cosine ignores length. Candidates come from the full-text index (items
 * sharing the query's most distinctive words, best bm25 first), so no separate MinHash index has
 * to be kept in step: the FTS index is already maintained on every write and answers "who shares
 * these rare words" in milliseconds, and a same-matter item that shares none of the query's
 * distinctive words would also score near zero by cosine.
 */

export type Vector = Map<string, number>;

/** Document frequencies and the number of documents they were counted over. */
export interface Frequencies {
  documents: number;
  df(term: string): number;
}

/** Whether a token is a feature: two characters or more, not a stop word, not a number. */
export function isFeature(token: string): boolean {
  return token.length >= 2 && !stopWords.has(token) && !/^[\p{N}.]+$/u.test(token);
}

export function idf(frequencies: Frequencies, term: string): number {
  return Math.log((frequencies.documents + 1) / (frequencies.df(term) + 1)) + 1;
}

/**
 * The weighted vector of a text from its tokens; title tokens count twice (the title names the
 * matter, the body argues it). Sub-linear term frequency so one repeated word cannot dominate.
 */
export function tfidfVector(bodyTokens: string[], titleTokens: string[], frequencies: Frequencies): Vector {
  const counts = new Map<string, number>();
  for (const token of [...bodyTokens, ...titleTokens])
    if (isFeature(token)) counts.set(token, (counts.get(token) ?? 0) + 1);
  const vector: Vector = new Map();
  for (const [term, count] of counts) vector.set(term, (1 + Math.log(count)) * idf(frequencies, term));
  return vector;
}

export function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (const [term, weight] of a) {
    normA += weight * weight;
    const other = b.get(term);
    if (other !== undefined) dot += weight * other;
  }
  for (const weight of b.values()) normB += weight * weight;
  if (normA === 0 || normB === 0) return 0;
  return Math.min(1, dot / Math.sqrt(normA * normB));
}

/** The query's most distinctive features (highest weight first), to fetch candidates with. */
export function distinctiveTerms(vector: Vector, count: number): string[] {
  return [...vector]
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, count)
    .map(([term]) => term);
}

/** Score at or above which two suggestions are taken to raise the same matter (chosen on the labelled pairs). */
export const sameMatterThreshold = 0.15;
/** Items below this are not listed as similar at all. */
export const listingThreshold = 0.08;
