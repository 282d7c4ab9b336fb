import { z } from 'zod';
import { idSchema, optionalText } from './common.js';
import { actionAvailabilitySchema } from './suggestions.js';
import { ballotKindSchema, ballotStatusSchema, electorateSchema, passRuleSchema } from './ballots.js';
import { itemOutcomeValues, itemResultSchema } from './ballot-views.js';

type Labels<K extends string> = Record<K, { zh: string; en: string }>;

/** 工作报告满意度测评 (海州) or 部门工作评议 (平阳: deputies rate units online). */
export const evaluationKindValues = ['work_report', 'department'] as const;
export type EvaluationKind = (typeof evaluationKindValues)[number];
export const evaluationKindLabels: Labels<EvaluationKind> = {
  work_report: { zh: '专项工作报告满意度测评', en: 'Work report evaluation' },
  department: { zh: '部门工作评议', en: 'Department review' },
};

/**
 * Site checks of a department's handled suggestions (固始): all when there are at most
 * `smallAt`, `largePercent` when there are at least `largeAt`, `middlePercent` in between.
 */
export const samplingSchema = z
  .object({
    smallAt: z.number().int().min(0).max(1000).default(10),
    largeAt: z.number().int().min(1).max(1000).default(20),
    largePercent: z.number().int().min(1).max(100).default(50),
    middlePercent: z.number().int().min(1).max(100).default(50),
  })
  .refine((s) => s.smallAt < s.largeAt, { message: '「全覆盖上限」须小于「抽查起点」', path: ['largeAt'] });
export type SamplingRule = z.infer<typeof samplingSchema>;
export const gushiSampling: SamplingRule = { smallAt: 10, largeAt: 20, largePercent: 50, middlePercent: 50 };

const evaluationRuleSchema = passRuleSchema.refine((rule) => rule.kind !== 'plurality', {
  message: '满意度测评不能使用「得票多者当选」',
});

export const evaluationCreateSchema = z.object({
  bodyId: idSchema,
  termId: idSchema,
  sessionId: idSchema.nullable().optional(),
  year: z.number().int().min(2000).max(2100),
  title: z.string().trim().min(4).max(200),
  kind: z.enum(evaluationKindValues),
  ballotKind: ballotKindSchema.default('secret'),
  questionType: z.enum(['grade', 'score']).default('grade'),
  scoreMax: z.number().int().min(1).max(1000).nullable().optional(),
  subjects: z
    .array(
      z.object({
        title: z.string().trim().min(2).max(200),
        unitId: idSchema.nullable().optional(),
        reporter: optionalText(100),
      }),
    )
    .min(1)
    .max(100),
  electorate: electorateSchema,
  passRule: evaluationRuleSchema,
  requirePresence: z.boolean().default(false),
  sampling: samplingSchema.default(gushiSampling),
});
export type EvaluationCreate = z.infer<typeof evaluationCreateSchema>;
export type EvaluationCreateInput = z.input<typeof evaluationCreateSchema>;

export const sampleSchema = z.object({
  id: z.string(),
  itemRef: z.string(),
  label: z.string(),
  finding: z.string().nullable(),
  checkedAt: z.string().nullable(),
});
export type Sample = z.infer<typeof sampleSchema>;

export const rectificationStatusValues = ['open', 'submitted', 'returned', 'closed'] as const;
export type RectificationStatus = (typeof rectificationStatusValues)[number];
export const rectificationStatusLabels: Labels<RectificationStatus> = {
  open: { zh: '待整改', en: 'To rectify' },
  submitted: { zh: '已报送', en: 'Reported' },
  returned: { zh: '退回重报', en: 'Returned' },
  closed: { zh: '整改完成', en: 'Closed' },
};

export const rectificationSchema = z.object({
  id: z.string(),
  evaluationId: z.string(),
  evaluationTitle: z.string(),
  subjectId: z.string(),
  subjectTitle: z.string(),
  bodyId: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  title: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
  status: z.enum(rectificationStatusValues),
  report: z.string().nullable(),
  explanation: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  actions: z.array(actionAvailabilitySchema),
  version: z.number().int(),
  createdAt: z.string(),
});
export type Rectification = z.infer<typeof rectificationSchema>;

export const subjectSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  title: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  reporter: z.string().nullable(),
  outcome: z.enum(itemOutcomeValues).nullable(),
  result: itemResultSchema.nullable(),
  population: z.number().int().nullable(),
  sampleSize: z.number().int().nullable(),
  samples: z.array(sampleSchema),
  rectificationId: z.string().nullable(),
});
export type Subject = z.infer<typeof subjectSchema>;

export const evaluationSummarySchema = z.object({
  id: z.string(),
  bodyId: z.string(),
  year: z.number().int(),
  title: z.string(),
  kind: z.enum(evaluationKindValues),
  ballotId: z.string().nullable(),
  ballotStatus: ballotStatusSchema.nullable(),
  subjectCount: z.number().int(),
  createdAt: z.string(),
});
export type EvaluationSummary = z.infer<typeof evaluationSummarySchema>;

export const evaluationDetailSchema = evaluationSummarySchema.extend({
  termId: z.string(),
  sampling: z.object({
    smallAt: z.number().int(),
    largeAt: z.number().int(),
    largePercent: z.number().int(),
    middlePercent: z.number().int(),
  }),
  subjects: z.array(subjectSchema),
  canManage: z.boolean(),
});
export type EvaluationDetail = z.infer<typeof evaluationDetailSchema>;

export const evaluationQuerySchema = z.object({ bodyId: idSchema.optional() });

/** Items to sample from: given by staff, or (without) the unit's suggestions of the last two years. */
export const drawSampleSchema = z.object({
  items: z
    .array(z.object({ itemRef: z.string().trim().min(1).max(60), label: z.string().trim().min(1).max(300) }))
    .max(2000)
    .optional(),
});
export type DrawSampleInput = z.infer<typeof drawSampleSchema>;
export const findingSchema = z.object({ finding: z.string().trim().min(2).max(2000) });

export const rectificationQuerySchema = z.object({
  bodyId: idSchema.optional(),
  status: z.enum(rectificationStatusValues).optional(),
});
