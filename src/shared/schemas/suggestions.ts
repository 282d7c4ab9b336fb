import { z } from 'zod';
import { dateSchema, idSchema, pageOf, pageQuerySchema, partialWithoutDefaults } from './common.js';
import { contactSchema, ratingSchema } from './handling.js';

export const suggestionStatusValues = [
  'draft',
  'in_review',
  'returned',
  'rejected',
  'withdrawn',
  'merged',
  'accepted',
  'handling',
  'replied',
  'rehandling',
  'closed',
] as const;
export const suggestionStatusSchema = z.enum(suggestionStatusValues);
export type SuggestionStatus = z.infer<typeof suggestionStatusSchema>;

export const suggestionStatusLabels: Record<SuggestionStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  in_review: { zh: '审查中', en: 'In review' },
  returned: { zh: '退回修改', en: 'Returned for revision' },
  rejected: { zh: '不予受理', en: 'Rejected' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  merged: { zh: '已并案', en: 'Merged' },
  accepted: { zh: '已立案', en: 'Accepted' },
  handling: { zh: '办理中', en: 'Being handled' },
  replied: { zh: '已答复', en: 'Replied' },
  rehandling: { zh: '重新办理', en: 'Being re-handled' },
  closed: { zh: '已办结', en: 'Closed' },
};

export const suggestionKindSchema = z.enum(['suggestion', 'motion']);
export const suggestionKindLabels = {
  suggestion: { zh: '建议', en: 'Suggestion' },
  motion: { zh: '议案', en: 'Motion' },
} as const;
export const suggestionTimingSchema = z.enum(['session', 'recess']);
export const suggestionTimingLabels = {
  session: { zh: '大会期间', en: 'During the session' },
  recess: { zh: '闭会期间', en: 'During recess' },
} as const;

const titleSchema = z.string().trim().min(4).max(80);
const grounds = z.string().trim().min(20).max(10000);
const proposals = z.string().trim().min(10).max(10000);

/** What a deputy writes; a draft may be incomplete, the submission checks the rest. */
export const suggestionDraftSchema = z.object({
  bodyId: idSchema,
  sessionId: idSchema.nullable().optional(),
  kind: suggestionKindSchema.default('suggestion'),
  timing: suggestionTimingSchema.default('session'),
  title: titleSchema,
  grounds: z.string().trim().max(10000).default(''),
  proposals: z.string().trim().max(10000).default(''),
  categoryId: idSchema.nullable().optional(),
  disclose: z.boolean().default(true),
  nondisclosureReason: z.string().trim().max(200).nullable().optional(),
  /** Staff may enter a suggestion for a deputy (paper submissions); deputies always write their own. */
  leadDeputyId: idSchema.optional(),
});
export type SuggestionDraft = z.infer<typeof suggestionDraftSchema>;

/** A partial edit: a field left out stays as it is. */
export const suggestionEditSchema = partialWithoutDefaults(
  suggestionDraftSchema.omit({ bodyId: true, leadDeputyId: true }),
);
export type SuggestionEdit = z.infer<typeof suggestionEditSchema>;

/** The three required parts at submission (案由, 案据, 建议). */
export const suggestionContentSchema = z.object({ title: titleSchema, grounds, proposals });

export const signerStatusSchema = z.enum(['invited', 'confirmed', 'declined', 'lapsed', 'merged']);
export const signerStatusLabels = {
  invited: { zh: '待确认', en: 'Invited' },
  confirmed: { zh: '已确认', en: 'Confirmed' },
  declined: { zh: '已拒绝', en: 'Declined' },
  lapsed: { zh: '未确认（已失效）', en: 'Lapsed' },
  merged: { zh: '并案代表', en: 'From a merged item' },
} as const;

export const signerSchema = z.object({
  deputyId: z.string(),
  name: z.string(),
  status: signerStatusSchema,
  invitedAt: z.string(),
  respondedAt: z.string().nullable(),
});

export const assignmentRoleSchema = z.enum(['lead', 'co', 'separate']);
export const assignmentRoleLabels = {
  lead: { zh: '主办', en: 'Lead' },
  co: { zh: '协办', en: 'Co-handling' },
  separate: { zh: '分办', en: 'Separate' },
} as const;
export const assignmentStatusSchema = z.enum([
  'pending_receipt',
  'handling',
  'adjustment_requested',
  'reassigned',
  'opinion_submitted',
  'opinion_lapsed',
  'replied',
  'rehandling',
]);
export type AssignmentStatus = z.infer<typeof assignmentStatusSchema>;
export const assignmentStatusLabels: Record<AssignmentStatus, { zh: string; en: string }> = {
  pending_receipt: { zh: '待签收', en: 'Awaiting receipt' },
  handling: { zh: '办理中', en: 'Handling' },
  adjustment_requested: { zh: '申请调整中', en: 'Adjustment requested' },
  reassigned: { zh: '已调整交办', en: 'Reassigned' },
  opinion_submitted: { zh: '已提出协办意见', en: 'Opinion sent' },
  opinion_lapsed: { zh: '逾期未提协办意见', en: 'Opinion lapsed' },
  replied: { zh: '已答复', en: 'Replied' },
  rehandling: { zh: '重新办理', en: 'Re-handling' },
};

export const assignmentSchema = z.object({
  id: z.string(),
  suggestionId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  role: assignmentRoleSchema,
  status: assignmentStatusSchema,
  assignedOn: z.string(),
  replyDueOn: z.string(),
  coOpinionDueOn: z.string().nullable(),
  adjustmentWindowEndsOn: z.string(),
  receivedAt: z.string().nullable(),
  adjustmentReason: z.string().nullable(),
  adjustmentDecision: z.string().nullable(),
  adjustmentNote: z.string().nullable(),
  daysLeft: z.number().int(),
  overdue: z.boolean(),
  handlerName: z.string().nullable(),
  plan: z.string().nullable(),
  plannedFinishOn: z.string().nullable(),
  opinion: z.string().nullable(),
  opinionAt: z.string().nullable(),
  extensionStatus: z.enum(['requested', 'approved', 'refused']).nullable(),
  extensionRequestedDueOn: z.string().nullable(),
  extensionReason: z.string().nullable(),
  extensionNote: z.string().nullable(),
  repliedAt: z.string().nullable(),
});
export type Assignment = z.infer<typeof assignmentSchema>;

export const actionAvailabilitySchema = z.object({
  action: z.string(),
  label: z.string(),
  allowed: z.boolean(),
  reason: z.string().nullable(),
});

export const timelineEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  note: z.string().nullable(),
});

export const leaderSchema = z.object({
  id: z.string(),
  kind: z.enum(['sponsor', 'supervisor']),
  name: z.string(),
  title: z.string().nullable(),
  groupName: z.string().nullable(),
});

export const suggestionSummarySchema = z.object({
  id: z.string(),
  bodyId: z.string(),
  sessionId: z.string().nullable(),
  kind: suggestionKindSchema,
  timing: suggestionTimingSchema,
  serialNumber: z.number().int().nullable(),
  serialLabel: z.string().nullable(),
  title: z.string(),
  status: suggestionStatusSchema,
  leadDeputyId: z.string(),
  leadDeputyName: z.string(),
  categoryId: z.string().nullable(),
  categoryName: z.string().nullable(),
  keyStatus: z.enum(['none', 'confirmed', 'published']),
  signerCount: z.number().int(),
  units: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      role: assignmentRoleSchema,
      replyDueOn: z.string(),
    }),
  ),
  nearestDueOn: z.string().nullable(),
  overdue: z.boolean(),
  submittedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SuggestionSummary = z.infer<typeof suggestionSummarySchema>;
export const suggestionPageSchema = pageOf(suggestionSummarySchema);

export const suggestionDetailSchema = suggestionSummarySchema.extend({
  grounds: z.string(),
  proposals: z.string(),
  disclose: z.boolean(),
  nondisclosureReason: z.string().nullable(),
  reviewTier: z.number().int(),
  reviewTierName: z.string().nullable(),
  mergedIntoId: z.string().nullable(),
  version: z.number().int(),
  signers: z.array(signerSchema),
  assignments: z.array(assignmentSchema),
  leaders: z.array(leaderSchema),
  timeline: z.array(timelineEventSchema),
  allowedActions: z.array(z.string()),
  actions: z.array(actionAvailabilitySchema),
  /** Hints from the submission checks that do not block (e.g. the text may hold several matters). */
  hints: z.array(z.string()),
  /** The viewer may edit the text and attachments now (lead deputy, or staff who entered it 代录). */
  editable: z.boolean(),
  handlingRound: z.number().int(),
  feedbackDueOn: z.string().nullable(),
  closeReason: z.enum(['rated', 'no_feedback', 'unsatisfied_escalated']).nullable(),
  escalated: z.boolean(),
  /** Empty with `ratingsHidden` for unit staff when ratings are back to back (背靠背). */
  ratings: z.array(ratingSchema),
  ratingsHidden: z.boolean(),
  contacts: z.array(contactSchema),
});
export type SuggestionDetail = z.infer<typeof suggestionDetailSchema>;

export const suggestionQuerySchema = pageQuerySchema.extend({
  bodyId: idSchema.optional(),
  sessionId: idSchema.optional(),
  status: z
    .string()
    .max(200)
    .optional()
    .transform((value) => (value ? value.split(',').filter(Boolean) : undefined))
    .pipe(z.array(suggestionStatusSchema).optional()),
  categoryId: idSchema.optional(),
  unitId: idSchema.optional(),
  deputyId: idSchema.optional(),
  key: z.enum(['true', 'false']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  kind: suggestionKindSchema.optional(),
  q: z.string().trim().max(60).optional(),
  /** `mine`: the deputy's own (lead or co-signer); `review`: waiting for my review tier. */
  view: z.enum(['mine', 'review', 'assign', 'all']).optional(),
  sort: z.enum(['newest', 'serial', 'due']).default('newest'),
});
export type SuggestionQuery = z.infer<typeof suggestionQuerySchema>;

export const inviteSignersSchema = z.object({ deputyIds: z.array(idSchema).min(1).max(500) });
export const signerResponseSchema = z.object({ accept: z.boolean() });

export const assignmentUnitSchema = z.object({ unitId: idSchema, role: assignmentRoleSchema });
export const assignInputSchema = z.object({
  assignedOn: dateSchema.optional(),
  units: z.array(assignmentUnitSchema).min(1).max(20),
});
export type AssignInput = z.infer<typeof assignInputSchema>;

export const assignmentBatchSchema = z.object({
  name: z.string().trim().min(2).max(60),
  assignedOn: dateSchema.optional(),
  items: z
    .array(z.object({ suggestionId: idSchema, units: assignInputSchema.shape.units }))
    .min(1)
    .max(2000),
});
export const assignmentBatchResultSchema = z.object({
  id: z.string(),
  name: z.string(),
  assignedOn: z.string(),
  itemCount: z.number().int(),
});

export const keyConfirmSchema = z.object({
  sponsors: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(40),
        title: z.string().trim().max(60).nullable().optional(),
        groupName: z.string().trim().max(60).nullable().optional(),
      }),
    )
    .max(20)
    .default([]),
  supervisors: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(40),
        title: z.string().trim().max(60).nullable().optional(),
        groupName: z.string().trim().max(60).nullable().optional(),
      }),
    )
    .max(20)
    .default([]),
});

/** Assignment states in which the unit has nothing left to do (replied, opinion given or lapsed). */
export const finishedAssignmentStatuses: readonly AssignmentStatus[] = [
  'reassigned',
  'opinion_submitted',
  'opinion_lapsed',
  'replied',
];

export const unitInboxQuerySchema = pageQuerySchema.extend({
  /** `open` (default): what still needs the unit; `done`: replied or opinion given; `all`. */
  state: z.enum(['open', 'done', 'all']).default('open'),
  status: assignmentStatusSchema.optional(),
  unitId: idSchema.optional(),
  overdue: z.enum(['true', 'false']).optional(),
});
export const inboxItemSchema = assignmentSchema.extend({
  title: z.string(),
  serialLabel: z.string().nullable(),
  leadDeputyName: z.string(),
  suggestionStatus: suggestionStatusSchema,
});
export const inboxPageSchema = pageOf(inboxItemSchema);

export const submissionCheckSchema = z.object({
  ok: z.boolean(),
  problems: z.array(z.object({ field: z.string(), message: z.string() })),
  hints: z.array(z.string()),
  negativeListHits: z.array(z.object({ item: z.string(), words: z.array(z.string()) })),
});
