import { z } from 'zod';
import { bodyLevelSchema, idSchema, pageOf, pageQuerySchema } from './common.js';
import { ratingValueSchema } from './handling.js';
import { assignmentRoleSchema } from './suggestions.js';

/**
 * The public portal (公开, DOMAIN.md §4.10): what anyone may read without signing in. No shape
 * here carries a phone number, an e-mail, an address or a co-signer's view.
 */

/** Statuses the portal shows: accepted or later. Drafts and intake outcomes never appear. */
export const publicStatusValues = ['accepted', 'handling', 'replied', 'rehandling', 'closed'] as const;
export const publicStatusSchema = z.enum(publicStatusValues);
export type PublicStatus = z.infer<typeof publicStatusSchema>;

export const publicSuggestionQuerySchema = pageQuerySchema.extend({
  bodyId: idSchema,
  sessionId: idSchema.optional(),
  categoryId: idSchema.optional(),
  unitId: idSchema.optional(),
  status: publicStatusSchema.optional(),
  /** Text search on the title. */
  q: z.string().trim().max(60).optional(),
});
export type PublicSuggestionQuery = z.infer<typeof publicSuggestionQuerySchema>;

export const publicOutcomeSchema = z.object({
  unitName: z.string(),
  outcomeClass: z.string(),
  outcomeLabel: z.string(),
});

/** The lead deputy's final rating of a closed item, or that no feedback came (never a reason). */
export const publicRatingSchema = z.object({
  closeReason: z.enum(['rated', 'no_feedback', 'unsatisfied_escalated']),
  attitude: ratingValueSchema.nullable(),
  result: ratingValueSchema.nullable(),
  label: z.string(),
});

/**
 * One item of the list. `titleOnly` items (not for disclosure, where the rule profile shows their
 * title) carry the number and title and nothing else.
 */
export const publicSuggestionSummarySchema = z.object({
  id: z.string(),
  titleOnly: z.boolean(),
  serialLabel: z.string().nullable(),
  title: z.string(),
  sessionName: z.string().nullable(),
  leadDeputyName: z.string().nullable(),
  categoryName: z.string().nullable(),
  units: z.array(z.object({ unitName: z.string(), role: assignmentRoleSchema })),
  status: publicStatusSchema.nullable(),
  statusLabel: z.string().nullable(),
  outcomes: z.array(publicOutcomeSchema),
  rating: publicRatingSchema.nullable(),
});
export type PublicSuggestionSummary = z.infer<typeof publicSuggestionSummarySchema>;
export const publicSuggestionPageSchema = pageOf(publicSuggestionSummarySchema);

export const publicReplySchema = z.object({
  unitName: z.string(),
  round: z.number().int(),
  outcomeClass: z.string(),
  outcomeLabel: z.string(),
  documentNo: z.string(),
  body: z.string(),
  sentAt: z.string().nullable(),
});

export const publicSuggestionDetailSchema = publicSuggestionSummarySchema.extend({
  grounds: z.string().nullable(),
  proposals: z.string().nullable(),
  /** Names only: co-signers' contacts and views are never public. */
  coSignerNames: z.array(z.string()),
  replies: z.array(publicReplySchema),
  acceptedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type PublicSuggestionDetail = z.infer<typeof publicSuggestionDetailSchema>;

export const publicBodySchema = z.object({
  id: z.string(),
  name: z.string(),
  level: bodyLevelSchema,
  parentId: z.string().nullable(),
});

export const publicBodyQuerySchema = z.object({ bodyId: idSchema });

export const publicSessionSchema = z.object({
  id: z.string(),
  name: z.string(),
  number: z.number().int(),
  termNumber: z.number().int(),
  startDate: z.string(),
});

export const publicCategorySchema = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
});

export const publicUnitSchema = z.object({ id: z.string(), name: z.string() });
