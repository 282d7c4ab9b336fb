import fs from 'node:fs';
import { Segmenter } from './segmenter.js';
import { defaultDictionary } from './dictionary.defaults.js';
import { cosine, sameMatterThreshold, tfidfVector } from './similarity.js';
import type { Frequencies, Vector } from './similarity.js';

interface PairsFile {
  texts: Record<string, { title: string; text: string }>;
  pairs: [string, string, 0 | 1, string][];
}

export interface PairQuality {
  pairs: number;
  positives: number;
  threshold: number;
  precision: number;
  recall: number;
  f1: number;
  /** Precision and recall at other thresholds, to show the trade-off. */
  sweep: { threshold: number; precision: number; recall: number; f1: number }[];
  /** Mean score of same-matter pairs and of hard negatives. */
  meanPositive: number;
  meanHardNegative: number;
}

export const pairsFile = new URL('./fixtures/similar-pairs.json', import.meta.url);

/**
 * Precision and recall of the similarity method on the labelled pairs: each text is vectorised
 * exactly as the service does (jieba search-mode tokens, default dictionary, TF-IDF with title
 * weight), with document frequencies counted over the texts of the file.
 */
export function measurePairs(file: URL = pairsFile, threshold = sameMatterThreshold): PairQuality {
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as PairsFile;
  const segmenter = new Segmenter(defaultDictionary.map((d) => d.word));
  const tokens = new Map<string, { body: string[]; title: string[] }>();
  const df = new Map<string, number>();
  for (const [id, item] of Object.entries(data.texts)) {
    const body = segmenter.indexTokens(`${item.title}\n${item.text}`);
    tokens.set(id, { body, title: segmenter.indexTokens(item.title) });
    for (const term of new Set(body)) df.set(term, (df.get(term) ?? 0) + 1);
  }
  const frequencies: Frequencies = { documents: tokens.size, df: (term) => df.get(term) ?? 0 };
  const vectors = new Map<string, Vector>();
  for (const [id, t] of tokens) vectors.set(id, tfidfVector(t.body, t.title, frequencies));
  const scored = data.pairs.map(([a, b, label, note]) => {
    const va = vectors.get(a);
    const vb = vectors.get(b);
    if (!va || !vb) throw new Error(`pair refers to a missing text: ${a} / ${b}`);
    return { score: cosine(va, vb), same: label === 1, hard: note.startsWith('hard') };
  });
  const at = (t: number) => {
    const predicted = scored.filter((s) => s.score >= t);
    const truePositives = predicted.filter((s) => s.same).length;
    const positives = scored.filter((s) => s.same).length;
    const precision = predicted.length === 0 ? 1 : truePositives / predicted.length;
    const recall = positives === 0 ? 1 : truePositives / positives;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { threshold: t, precision, recall, f1 };
  };
  const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / Math.max(values.length, 1);
  return {
    pairs: scored.length,
    positives: scored.filter((s) => s.same).length,
    ...at(threshold),
    sweep: [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5].map(at),
    meanPositive: mean(scored.filter((s) => s.same).map((s) => s.score)),
    meanHardNegative: mean(scored.filter((s) => s.hard).map((s) => s.score)),
  };
}
