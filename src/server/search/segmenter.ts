import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/**
 * Chinese word segmentation with jieba, shared by indexing, querying and similarity so that the
 * three always cut text the same way.
 *
 * Documents are cut in search mode (`cutForSearch`): a long word also yields its dictionary
 * sub-words (停车位 → 停车 车位 停车位), so a two-character query such as 停车 matches 停车位 and
 * 停车难. Queries are cut in normal mode. HMM is off on both sides so unknown words split the same.
 */

let baseInstance: Jieba | undefined;
/** jieba with the built-in dictionary only (loading it takes ~250 ms, so it is shared and never changed). */
function base(): Jieba {
  baseInstance ??= Jieba.withDict(dict);
  return baseInstance;
}

// One instance per distinct user dictionary: every test app with the default words shares one.
const withWords = new Map<string, Jieba>();
const maxCachedDictionaries = 8;

function instanceFor(words: readonly string[]): Jieba {
  const key = [...words].sort().join('\n');
  const cached = withWords.get(key);
  if (cached) return cached;
  const jieba = Jieba.withDict(dict);
  // A high frequency makes jieba keep the word whole instead of its parts.
  if (words.length > 0) jieba.loadDict(Buffer.from(words.map((w) => `${w} 200000`).join('\n')));
  if (withWords.size >= maxCachedDictionaries) {
    const oldest = withWords.keys().next().value;
    if (oldest !== undefined) withWords.delete(oldest);
  }
  withWords.set(key, jieba);
  return jieba;
}

/** Words too common to carry meaning in a query or a similarity vector. */
export const stopWords = new Set(
  (
    '的 了 和 与 及 或 在 是 对 为 把 被 将 从 向 等 并 也 都 而 其 之 以 于 由 有 无 这 那 此 ' +
    '一个 一些 我们 你们 他们 关于 建议 进一步 加强 问题 情况 相关 有关 工作 方面 进行 开展 做好 ' +
    '希望 要求 提出 目前 存在 一是 二是 三是 四是 同时 通过 实现 推动 推进 尽快 切实 不断 较 很 多 个 中 上 下'
  ).split(' '),
);

const wordCharacter = /[\p{L}\p{N}]/u;

/** Lower-cases a token and drops punctuation-only and whitespace tokens. */
function clean(tokens: string[]): string[] {
  const result: string[] = [];
  for (const raw of tokens) {
    const token = raw.trim().toLowerCase();
    if (token && wordCharacter.test(token) && !/[\s"'\\]/.test(token)) result.push(token);
  }
  return result;
}

/** One required query term: any of its alternatives matches (a word, or its parts as a phrase). */
export interface QueryTerm {
  word: string;
  /** The same word cut by the built-in dictionary, for documents indexed before the word was added. */
  parts: string[] | null;
}

export interface ParsedQuery {
  /** Terms every hit contains (AND). */
  terms: QueryTerm[];
  /** Quoted phrases: every hit contains each one literally. */
  phrases: string[];
  /** Strings to highlight in titles and snippets. */
  highlights: string[];
}

export class Segmenter {
  private readonly jieba: Jieba;
  private readonly userWords: Set<string>;

  constructor(words: readonly string[]) {
    this.jieba = instanceFor(words);
    this.userWords = new Set(words.map((w) => w.toLowerCase()));
  }

  /** Tokens to index for a document (search mode, sub-words included). */
  indexTokens(text: string): string[] {
    return clean(this.jieba.cutForSearch(text, false));
  }

  /** Tokens of a text in normal mode. */
  words(text: string): string[] {
    return clean(this.jieba.cut(text, false));
  }

  /**
   * Splits a query into terms and quoted phrases. Stop words are dropped unless nothing else is
   * left. A phrase contributes its words as terms (to find candidates) and its literal text.
   */
  parse(query: string): ParsedQuery {
    const phrases: string[] = [];
    const rest = query.replace(/["“”]([^"“”]+)["“”]/g, (_all, phrase: string) => {
      const trimmed = phrase.trim();
      if (trimmed) phrases.push(trimmed);
      return ' ';
    });
    const free = this.words(rest.replace(/["“”]/g, ' '));
    const meaningful = free.filter((w) => !stopWords.has(w));
    const words = [...(meaningful.length > 0 ? meaningful : free), ...phrases.flatMap((p) => this.words(p))];
    const unique = [...new Set(words)];
    return {
      terms: unique.map((word) => ({ word, parts: this.partsOf(word) })),
      phrases,
      highlights: [...new Set([...phrases, ...unique])].sort((a, b) => b.length - a.length),
    };
  }

  private partsOf(word: string): string[] | null {
    if (!this.userWords.has(word)) return null;
    const parts = clean(base().cut(word, false));
    return parts.length > 1 ? parts : null;
  }
}
