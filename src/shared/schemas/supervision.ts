import { z } from 'zod';
import { dateSchema, idSchema, optionalText, pageOf, pageQuerySchema } from './common.js';
import { assignmentRoleSchema, assignmentStatusSchema, suggestionStatusSchema } from './suggestions.js';

/** Supervision (督办): stages, warnings, the leaders' board, activities, reminders, rectification. */
export const stageValues = ['awaiting_assignment', 'handling', 'replied', 'rehandling', 'closed'] as const;
export const stageSchema = z.enum(stageValues);
export type Stage = z.infer<typeof stageSchema>;
export const stageLabels: Record<Stage, { zh: string; en: string }> = {
  awaiting_assignment: { zh: '待交办', en: 'Awaiting assignment' },
  handling: { zh: '办理中', en: 'Being handled' },
  replied: { zh: '已答复待评价', en: 'Replied, awaiting rating' },
  rehandling: { zh: '重新办理', en: 'Being re-handled' },
  closed: { zh: '已办结', en: 'Closed' },
};

export const warningValues = [
  'not_received',
  'no_plan',
  'due_soon',
  'overdue',
  'unsatisfied',
  'escalated',
] as const;
export const warningCodeSchema = z.enum(warningValues);
export type WarningCode = z.infer<typeof warningCodeSchema>;
export const warningLabels: Record<WarningCode, { zh: string; en: string }> = {
  not_received: { zh: '承办单位尚未签收', en: 'Not yet received by a unit' },
  no_plan: { zh: '尚未制定办理方案', en: 'No handling plan yet' },
  due_soon: { zh: '临近答复期限', en: 'Deadline near' },
  overdue: { zh: '已超过答复期限', en: 'Overdue' },
  unsatisfied: { zh: '代表不满意，重新办理中', en: 'Rated unsatisfied, being re-handled' },
  escalated: { zh: '再次不满意，已提交代表工委', en: 'Unsatisfied twice, escalated' },
};

export const warningSchema = z.object({ code: warningCodeSchema, text: z.string() });

export const supervisionUnitSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  role: assignmentRoleSchema,
  status: assignmentStatusSchema,
  replyDueOn: z.string(),
  daysLeft: z.number().int(),
  overdue: z.boolean(),
});

export const progressReportSchema = z.object({
  id: z.string(),
  unitName: z.string(),
  reportOn: z.string(),
  text: z.string(),
  percent: z.number().int().nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
});

export const activityKindSchema = z.enum(['meeting', 'site_visit', 'report_heard']);
export const activityKindLabels = {
  meeting: { zh: '召开督办会议', en: 'Meeting' },
  site_visit: { zh: '实地察看', en: 'Site visit' },
  report_heard: { zh: '听取办理情况汇报', en: 'Report heard' },
} as const;

export const activitySchema = z.object({
  id: z.string(),
  kind: activityKindSchema,
  activityOn: z.string(),
  summary: z.string(),
  participants: z.string().nullable(),
  leaderKind: z.enum(['sponsor', 'supervisor']).nullable(),
  recordedByName: z.string(),
  createdAt: z.string(),
});

/** One item as the board and the overview show it: stage, days left, warnings, last progress. */
export const supervisionItemSchema = z.object({
  suggestionId: z.string(),
  bodyId: z.string(),
  serialLabel: z.string().nullable(),
  title: z.string(),
  leadDeputyName: z.string(),
  key: z.boolean(),
  status: suggestionStatusSchema,
  stage: stageSchema,
  stageLabel: z.string(),
  units: z.array(supervisionUnitSchema),
  /** Days to the nearest open deadline (negative when past); null when no unit still owes a reply. */
  daysLeft: z.number().int().nullable(),
  overdue: z.boolean(),
  warnings: z.array(warningSchema),
  lastProgress: progressReportSchema.nullable(),
  lastActivity: activitySchema.nullable(),
});
export type SupervisionItem = z.infer<typeof supervisionItemSchema>;

export const boardItemSchema = supervisionItemSchema.extend({
  /** How the signed-in leader is named on the item: 领办 and/or 督办. */
  myRoles: z.array(z.enum(['sponsor', 'supervisor'])),
});

export const supervisionLeaderSchema = z.object({
  id: z.string(),
  kind: z.enum(['sponsor', 'supervisor']),
  name: z.string(),
  title: z.string().nullable(),
  groupName: z.string().nullable(),
  /** Whether the entry is linked to a user account (who then sees the item on their board). */
  linked: z.boolean(),
});

export const reminderSchema = z.object({
  id: z.string(),
  unitName: z.string(),
  note: z.string(),
  sentByName: z.string(),
  createdAt: z.string(),
});

export const supervisionDetailSchema = supervisionItemSchema.extend({
  leaders: z.array(supervisionLeaderSchema),
  activities: z.array(activitySchema),
  progress: z.array(progressReportSchema),
  reminders: z.array(reminderSchema),
});

export const overviewQuerySchema = pageQuerySchema.extend({
  bodyId: idSchema,
  sessionId: idSchema.optional(),
  stage: stageSchema.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  warning: warningCodeSchema.optional(),
  key: z.enum(['true', 'false']).optional(),
  unitId: idSchema.optional(),
});
export type OverviewQuery = z.infer<typeof overviewQuerySchema>;
export const overviewPageSchema = pageOf(supervisionItemSchema);

export const activityInputSchema = z.object({
  kind: activityKindSchema,
  activityOn: dateSchema,
  summary: z.string().trim().min(5).max(2000),
  participants: optionalText(200),
});

export const unitProgressInputSchema = z.object({
  reportOn: dateSchema,
  text: z.string().trim().min(5).max(2000),
  percent: z.number().int().min(0).max(100).optional(),
});

export const remindInputSchema = z.object({
  /** Units to remind; all units that still owe a reply when left out. */
  unitIds: z.array(idSchema).min(1).max(20).optional(),
  note: z.string().trim().min(2).max(500),
});

export const leaderLinkSchema = z.object({ userId: idSchema.nullable() });

/** A year's satisfaction per unit (满意率, DOMAIN.md §5): closed items with a lead rating only. */
export const satisfactionQuerySchema = z.object({
  bodyId: idSchema,
  /** Items closed in this year (Asia/Shanghai). */
  year: z.coerce.number().int().min(2000).max(2100),
});

export const unitSatisfactionSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  valid: z.number().int(),
  satisfied: z.number().int(),
  basicallySatisfied: z.number().int(),
  unsatisfied: z.number().int(),
  /** Inclusive: (satisfied + basically satisfied) ÷ valid, one decimal. */
  rate: z.number().nullable(),
  /** Strict: satisfied ÷ valid, one decimal. */
  strictRate: z.number().nullable(),
  belowThreshold: z.boolean(),
  rectificationId: z.string().nullable(),
});

export const satisfactionSchema = z.object({
  bodyId: z.string(),
  year: z.number().int(),
  thresholdPercent: z.number(),
  units: z.array(unitSatisfactionSchema),
});

export const rectificationStatusValues = ['open', 'submitted', 'accepted'] as const;
export const rectificationStatusSchema = z.enum(rectificationStatusValues);
export type RectificationStatus = z.infer<typeof rectificationStatusSchema>;
export const rectificationStatusLabels: Record<RectificationStatus, { zh: string; en: string }> = {
  open: { zh: '待整改', en: 'Open' },
  submitted: { zh: '已提交整改报告', en: 'Report submitted' },
  accepted: { zh: '整改已通过', en: 'Accepted' },
};

export const rectificationSchema = z.object({
  id: z.string(),
  bodyId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  year: z.number().int(),
  valid: z.number().int(),
  satisfiedCount: z.number().int(),
  rate: z.number(),
  thresholdPercent: z.number(),
  dueOn: z.string(),
  status: rectificationStatusSchema,
  reportText: z.string().nullable(),
  explanation: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  overdue: z.boolean(),
  allowedActions: z.array(z.string()),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Rectification = z.infer<typeof rectificationSchema>;

export const rectificationQuerySchema = z.object({
  bodyId: idSchema,
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: rectificationStatusSchema.optional(),
});

export const rectificationCreateSchema = z.object({
  bodyId: idSchema,
  year: z.number().int().min(2000).max(2100),
});
export const rectificationCreateResultSchema = z.object({
  created: z.array(rectificationSchema),
  /** Units below the threshold that already had a task for the year. */
  existing: z.number().int(),
});

export const rectificationSubmitSchema = z.object({
  reportText: z.string().trim().min(10).max(5000),
  explanation: z.string().trim().min(10).max(5000),
});
