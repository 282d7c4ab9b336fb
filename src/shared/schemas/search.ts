import { z } from 'zod';
import { bodyLevelSchema, idSchema, pageQuerySchema } from './common.js';
import { suggestionStatusSchema } from './suggestions.js';
import { ratingValueSchema } from './handling.js';

export const searchKindValues = ['suggestion', 'reply', 'reception'] as const;
export const searchKindSchema = z.enum(searchKindValues);
export type SearchKind = z.infer<typeof searchKindSchema>;
export const searchKindLabels: Record<SearchKind, { zh: string; en: string }> = {
  suggestion: { zh: '建议', en: 'Suggestion' },
  reply: { zh: '答复', en: 'Reply' },
  reception: { zh: '接待', en: 'Reception' },
};

const commaList = z
  .string()
  .max(200)
  .optional()
  .transform((value) => (value ? value.split(',').filter(Boolean) : undefined));

/** 全文检索: words are ANDed; text in double quotes must appear as written. */
export const searchQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().min(1).max(100),
  kinds: commaList.pipe(z.array(searchKindSchema).optional()),
  bodyId: idSchema.optional(),
  level: bodyLevelSchema.optional(),
  sessionId: idSchema.optional(),
  status: commaList.pipe(z.array(suggestionStatusSchema).optional()),
  categoryId: idSchema.optional(),
  unitId: idSchema.optional(),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export const publicSearchQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().min(1).max(100),
  bodyId: idSchema.optional(),
  sessionId: idSchema.optional(),
  categoryId: idSchema.optional(),
});
export type PublicSearchQuery = z.infer<typeof publicSearchQuerySchema>;

/** A piece of text; `mark` pieces matched the query (rendered highlighted, never as HTML). */
export const textPieceSchema = z.object({ text: z.string(), mark: z.boolean() });
export type TextPiece = z.infer<typeof textPieceSchema>;

export const searchHitSchema = z.object({
  kind: searchKindSchema,
  /** The suggestion, reply or reception id. */
  id: z.string(),
  /** The suggestion to open (a reply's suggestion); null for receptions. */
  suggestionId: z.string().nullable(),
  title: z.array(textPieceSchema),
  snippet: z.array(textPieceSchema),
  bodyName: z.string(),
  /** The suggestion's status (suggestions and replies) or the reception's. */
  status: z.string().nullable(),
  serialNumber: z.number().int().nullable(),
  score: z.number(),
  updatedAt: z.string(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchPageSchema = z.object({
  items: z.array(searchHitSchema),
  total: z.number().int(),
  /** True when there are more matches than `total` counts (narrow the query or add filters). */
  totalCapped: z.boolean(),
  /** Hits are ranked by relevance within this many newest matches. */
  rankedWithin: z.number().int(),
  /** The words the query was cut into, as searched. */
  terms: z.array(z.string()),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type SearchPage = z.infer<typeof searchPageSchema>;

export const includeLevelsSchema = z.enum(['none', 'above', 'below', 'both']);

export const similarQuerySchema = z.object({
  text: z.string().trim().max(5000).default(''),
  title: z.string().trim().max(200).default(''),
  bodyId: idSchema.optional(),
  includeLevels: includeLevelsSchema.default('none'),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type SimilarQuery = z.infer<typeof similarQuerySchema>;

export const similarForItemQuerySchema = similarQuerySchema.pick({ includeLevels: true, limit: true });

export const similarItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** Cosine similarity of TF-IDF vectors, 0-1. */
  score: z.number(),
  /** At or above the threshold measured on the labelled pairs: probably the same matter. */
  likelySame: z.boolean(),
  bodyName: z.string(),
  sessionName: z.string().nullable(),
  serialNumber: z.number().int().nullable(),
  status: suggestionStatusSchema,
  leadUnitName: z.string().nullable(),
  outcomeClass: z.string().nullable(),
  /** The lead deputy's latest rating; null when none or hidden (back-to-back evaluation). */
  rating: z.object({ attitude: ratingValueSchema, result: ratingValueSchema }).nullable(),
  ratingHidden: z.boolean(),
  createdAt: z.string(),
});
export type SimilarItem = z.infer<typeof similarItemSchema>;

export const similarListSchema = z.object({
  items: z.array(similarItemSchema),
  threshold: z.number(),
});
export type SimilarList = z.infer<typeof similarListSchema>;

const evidenceSchema = z.object({ id: z.string(), title: z.string(), score: z.number() });

export const recommendationSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Share of the weighted votes, 0-1. */
  score: z.number(),
  /** `similar`: past assignments of similar items; `category`: the category's usual units. */
  source: z.enum(['similar', 'category']),
  evidence: z.array(evidenceSchema),
});
export type Recommendation = z.infer<typeof recommendationSchema>;

export const recommendationsSchema = z.object({
  categories: z.array(recommendationSchema),
  leadUnits: z.array(recommendationSchema),
  coUnits: z.array(recommendationSchema),
});
export type Recommendations = z.infer<typeof recommendationsSchema>;

export const dictionaryKindSchema = z.enum(['place', 'term']);
export const dictionaryWordSchema = z.object({
  id: z.string(),
  word: z.string(),
  kind: dictionaryKindSchema,
  createdAt: z.string(),
});
export const dictionaryListSchema = z.object({ items: z.array(dictionaryWordSchema) });
export const dictionaryWordInputSchema = z.object({
  word: z
    .string()
    .trim()
    .min(2)
    .max(20)
    .regex(/^[\p{L}\p{N}]+$/u, '只能包含文字和数字'),
  kind: dictionaryKindSchema.default('term'),
});
export type DictionaryWordInput = z.infer<typeof dictionaryWordInputSchema>;

export const rebuildResultSchema = z.object({ documents: z.number().int(), milliseconds: z.number() });
