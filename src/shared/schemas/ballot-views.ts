import { z } from 'zod';
import { pageOf, pageQuerySchema, idSchema } from './common.js';
import { actionAvailabilitySchema } from './suggestions.js';
import {
  ballotKindSchema,
  ballotPaperSchema,
  ballotStatusSchema,
  electorateSchema,
  groupKeyValues,
  passRuleSchema,
  questionTypeSchema,
} from './ballots.js';

type Labels<K extends string> = Record<K, { zh: string; en: string }>;

/** What the ballot API answers: results, ballots as read, electors, named votes, the live feed. */
const countsSchema = z.record(z.string(), z.number().int());
export const groupTallySchema = z.object({
  key: z.enum(groupKeyValues),
  valid: z.number().int(),
  counts: countsSchema,
  ratePercent: z.number().nullable(),
});
export const itemOutcomeValues = [
  'passed',
  'failed',
  'satisfied',
  'basically_satisfied',
  'unsatisfied',
  'elected',
  'not_elected',
  'tied',
] as const;
export type ItemOutcome = (typeof itemOutcomeValues)[number];
export const itemOutcomeLabels: Labels<ItemOutcome> = {
  passed: { zh: '通过', en: 'Passed' },
  failed: { zh: '未通过', en: 'Failed' },
  satisfied: { zh: '满意', en: 'Satisfied' },
  basically_satisfied: { zh: '基本满意', en: 'Basically satisfied' },
  unsatisfied: { zh: '不满意', en: 'Unsatisfied' },
  elected: { zh: '当选', en: 'Elected' },
  not_elected: { zh: '未当选', en: 'Not elected' },
  tied: { zh: '同票待定', en: 'Tied' },
};
export const itemResultSchema = z.object({
  itemId: z.string(),
  position: z.number().int(),
  title: z.string(),
  refId: z.string().nullable(),
  valid: z.number().int(),
  invalid: z.number().int(),
  counts: countsSchema,
  scoreMean: z.number().nullable(),
  /** Approval, satisfaction (by the rule's basis) or score rate in percent, one decimal. */
  ratePercent: z.number().nullable(),
  groups: z.array(groupTallySchema),
  outcome: z.enum(itemOutcomeValues),
  rank: z.number().int().nullable(),
});
export type ItemResult = z.infer<typeof itemResultSchema>;
export const ballotResultsSchema = z.object({
  electorate: z.number().int(),
  voted: z.number().int(),
  turnoutPercent: z.number(),
  ballotsCast: z.number().int(),
  fullyValid: z.number().int(),
  withInvalid: z.number().int(),
  paper: z.number().int(),
  groups: z.array(
    z.object({ key: z.enum(groupKeyValues), electorate: z.number().int(), voted: z.number().int() }),
  ),
  items: z.array(itemResultSchema),
  /** Items tied at the last seat when the tie rule asks for a run-off. */
  runoffItemIds: z.array(z.string()),
  seatsLeft: z.number().int(),
  /** Ballots cast equal the voters recorded (each vote wrote both in one transaction). */
  consistent: z.boolean(),
});
export type BallotResults = z.infer<typeof ballotResultsSchema>;

export const ballotItemSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  title: z.string(),
  description: z.string().nullable(),
  refId: z.string().nullable(),
});

export const ballotSummarySchema = z.object({
  id: z.string(),
  bodyId: z.string(),
  title: z.string(),
  kind: ballotKindSchema,
  questionType: questionTypeSchema,
  status: ballotStatusSchema,
  purpose: z.string().nullable(),
  electorateSize: z.number().int(),
  ballotsCast: z.number().int(),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  /** The current user may vote and has not yet. */
  awaitingMyVote: z.boolean(),
});
export type BallotSummary = z.infer<typeof ballotSummarySchema>;
export const ballotPageSchema = pageOf(ballotSummarySchema);
export type BallotPage = z.infer<typeof ballotPageSchema>;

export const ballotDetailSchema = ballotSummarySchema.extend({
  termId: z.string(),
  sessionId: z.string().nullable(),
  description: z.string().nullable(),
  maxSelections: z.number().int().nullable(),
  scoreMax: z.number().int().nullable(),
  electorate: electorateSchema,
  passRule: passRuleSchema,
  allowChange: z.boolean(),
  requirePresence: z.boolean(),
  purposeId: z.string().nullable(),
  version: z.number().int(),
  items: z.array(ballotItemSchema),
  actions: z.array(actionAvailabilitySchema),
  canManage: z.boolean(),
  me: z.object({ eligible: z.boolean(), present: z.boolean(), voted: z.boolean() }),
  results: ballotResultsSchema.nullable(),
});
export type BallotDetail = z.infer<typeof ballotDetailSchema>;

export const ballotQuerySchema = pageQuerySchema.extend({
  bodyId: idSchema.optional(),
  status: ballotStatusSchema.optional(),
  /** `mine`: ballots the current user may vote in. */
  view: z.enum(['all', 'mine']).default('all'),
});
export type BallotQuery = z.infer<typeof ballotQuerySchema>;

export const electorSchema = z.object({
  deputyId: z.string(),
  name: z.string(),
  groupKey: z.enum(groupKeyValues),
  present: z.boolean(),
  voted: z.boolean(),
});
export type Elector = z.infer<typeof electorSchema>;

/** A named ballot's votes by name, published after it closes. */
export const namedVoteSchema = z.object({
  deputyId: z.string(),
  name: z.string(),
  source: z.string(),
  valid: z.boolean(),
  paper: ballotPaperSchema.extend({ spoiled: z.boolean().optional() }),
});
export type NamedVote = z.infer<typeof namedVoteSchema>;

/** What the live screen receives: turnout while open, results once closed. */
export const liveSnapshotSchema = z.object({
  ballotId: z.string(),
  title: z.string(),
  status: ballotStatusSchema,
  electorate: z.number().int(),
  present: z.number().int(),
  voted: z.number().int(),
  closesAt: z.string().nullable(),
  results: ballotResultsSchema.nullable(),
});
export type LiveSnapshot = z.infer<typeof liveSnapshotSchema>;
