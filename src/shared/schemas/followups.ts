import { z } from 'zod';
import { dateSchema, idSchema, pageOf, pageQuerySchema } from './common.js';

/**
 * The follow-up ledger (跟踪办理台账): promises of replies whose outcome class counts as
 * "planned" (B), tracked year after year until the office marks them fulfilled.
 */
export const promiseStatusValues = ['open', 'fulfilled', 'superseded'] as const;
export const promiseStatusSchema = z.enum(promiseStatusValues);
export type PromiseStatus = z.infer<typeof promiseStatusSchema>;
export const promiseStatusLabels: Record<PromiseStatus, { zh: string; en: string }> = {
  open: { zh: '未落实', en: 'Open' },
  fulfilled: { zh: '已落实', en: 'Fulfilled' },
  superseded: { zh: '已被重新答复取代', en: 'Superseded by a later reply' },
};

export const followupQuerySchema = pageQuerySchema.extend({
  bodyId: idSchema,
  /** The ledger of a year: promises entered that year and open ones carried over from earlier years. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  open: z.enum(['true', 'false']).optional(),
  termId: idSchema.optional(),
  unitId: idSchema.optional(),
  suggestionId: idSchema.optional(),
});
export type FollowupQuery = z.infer<typeof followupQuerySchema>;

export const followupProgressSchema = z.object({
  id: z.string(),
  reportOn: z.string(),
  text: z.string(),
  percent: z.number().int(),
  createdByName: z.string(),
  createdAt: z.string(),
});

export const followupPromiseSchema = z.object({
  id: z.string(),
  bodyId: z.string(),
  suggestionId: z.string(),
  suggestionTitle: z.string(),
  serialLabel: z.string().nullable(),
  unitId: z.string(),
  unitName: z.string(),
  replyId: z.string(),
  documentNo: z.string(),
  round: z.number().int(),
  outcomeClass: z.string(),
  termId: z.string().nullable(),
  promiseText: z.string(),
  targetOn: z.string(),
  enteredOn: z.string(),
  enteredYear: z.number().int(),
  status: promiseStatusSchema,
  progressPercent: z.number().int().nullable(),
  lastProgressOn: z.string().nullable(),
  fulfilledOn: z.string().nullable(),
  fulfilledNote: z.string().nullable(),
  /** In a year's ledger: the promise came from an earlier year (跨年度). */
  carriedOver: z.boolean(),
  /** Open and past its target date. */
  overdue: z.boolean(),
  allowedActions: z.array(z.string()),
  version: z.number().int(),
});
export type FollowupPromise = z.infer<typeof followupPromiseSchema>;
export const followupPageSchema = pageOf(followupPromiseSchema);

export const followupDetailSchema = followupPromiseSchema.extend({
  progress: z.array(followupProgressSchema),
});

/** The unit edits the promise as it will be tracked (its text and target date). */
export const promiseEditSchema = z.object({
  promiseText: z.string().trim().min(5).max(4000).optional(),
  targetOn: dateSchema.optional(),
  version: z.number().int().min(0),
});

export const progressInputSchema = z.object({
  reportOn: dateSchema,
  text: z.string().trim().min(5).max(2000),
  percent: z.number().int().min(0).max(100),
});

export const fulfilInputSchema = z.object({
  fulfilledOn: dateSchema,
  note: z.string().trim().max(500).optional(),
});

export const fulfilmentRateSchema = z.object({
  promises: z.number().int(),
  fulfilled: z.number().int(),
  /** 落实率 in percent with one decimal; null without promises. */
  rate: z.number().nullable(),
});

export const followupRatesQuerySchema = z.object({
  bodyId: idSchema,
  /** Promises that entered the ledger in this year (fulfilled at any time since). */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  termId: idSchema.optional(),
});

export const followupRatesSchema = z.object({
  bodyId: z.string(),
  year: z.number().int().nullable(),
  body: fulfilmentRateSchema,
  units: z.array(fulfilmentRateSchema.extend({ unitId: z.string(), unitName: z.string() })),
});
