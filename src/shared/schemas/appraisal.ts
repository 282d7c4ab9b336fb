import { z } from 'zod';
import { idSchema } from './common.js';

/** The criteria of the unit appraisal (七台河 practice), in the order they are shown. */
export const appraisalCriterionValues = [
  'onTime',
  'contact',
  'satisfaction',
  'signatures',
  'promises',
] as const;
export const appraisalCriterionSchema = z.enum(appraisalCriterionValues);
export type AppraisalCriterion = z.infer<typeof appraisalCriterionSchema>;

export const appraisalCriterionLabels: Record<AppraisalCriterion, { zh: string; en: string }> = {
  onTime: { zh: '按时答复', en: 'On-time replies' },
  contact: { zh: '答复前联系代表', en: 'Contact before the reply' },
  satisfaction: { zh: '代表满意度', en: 'Satisfaction' },
  signatures: { zh: '纪实表签字齐全', en: 'Handling record signed' },
  promises: { zh: '承诺事项落实', en: 'Promises fulfilled' },
};

const weight = z.number().min(0).max(100);
/** Points taken off per item (扣分), up to the criterion's weight (扣完为止). */
const deduction = z.number().min(0).max(100);

/**
 * Weights (summing to 100) and per-item deductions of the appraisal, a setting of the congress
 * body inherited down the tree like the rule profile.
 */
export const appraisalSettingsSchema = z
  .object({
    onTime: z.object({ weight, lateReply: deduction, overdueNoReply: deduction }),
    contact: z.object({
      weight,
      missingContact: deduction,
      /** Only meeting in person (面商: face to face, meeting, site visit) counts, not a phone call. */
      faceToFaceOnly: z.boolean(),
    }),
    satisfaction: z.object({ weight, unsatisfied: deduction, basicallySatisfied: deduction }),
    signatures: z.object({ weight, incompleteRecord: deduction }),
    promises: z.object({ weight, overdue: deduction, fulfilledLate: deduction }),
  })
  .superRefine((value, context) => {
    const sum = appraisalCriterionValues.reduce((total, key) => total + value[key].weight, 0);
    if (Math.abs(sum - 100) > 1e-9)
      context.addIssue({
        code: 'custom',
        path: ['onTime', 'weight'],
        message: `各项权重之和须为 100（现为 ${Math.round(sum * 10) / 10}）`,
        params: { en: `the weights must add up to 100 (now ${Math.round(sum * 10) / 10})` },
      });
  });
export type AppraisalSettings = z.infer<typeof appraisalSettingsSchema>;

/** Defaults: replies on time and the deputy's satisfaction weigh most. */
export const appraisalDefaults: AppraisalSettings = {
  onTime: { weight: 30, lateReply: 2, overdueNoReply: 4 },
  contact: { weight: 20, missingContact: 2, faceToFaceOnly: false },
  satisfaction: { weight: 25, unsatisfied: 5, basicallySatisfied: 1 },
  signatures: { weight: 10, incompleteRecord: 2 },
  promises: { weight: 15, overdue: 3, fulfilledLate: 1 },
};

export const appraisalSettingsViewSchema = z.object({
  bodyId: z.string(),
  /** `own`: set on this body; `inherited`: from an ancestor; `default`: never set. */
  source: z.enum(['own', 'inherited', 'default']),
  settings: appraisalSettingsSchema,
});
export type AppraisalSettingsView = z.infer<typeof appraisalSettingsViewSchema>;

/** A body and either a session or a calendar year (assignment day); the current year when neither. */
export const appraisalQuerySchema = z.object({
  bodyId: idSchema,
  sessionId: idSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type AppraisalQuery = z.infer<typeof appraisalQuerySchema>;
export const appraisalSettingsQuerySchema = z.object({ bodyId: idSchema });
export const appraisalUnitParamsSchema = z.object({ unitId: idSchema });

export const appraisalDeductionSchema = z.object({
  criterion: appraisalCriterionSchema,
  /** Null when the item is withheld (back-to-back rating seen by the unit). */
  suggestionId: z.string().nullable(),
  serialLabel: z.string().nullable(),
  title: z.string().nullable(),
  reason: z.string(),
  points: z.number(),
});
export type AppraisalDeduction = z.infer<typeof appraisalDeductionSchema>;

export const appraisalCriterionResultSchema = z.object({
  criterion: appraisalCriterionSchema,
  label: z.string(),
  weight: z.number(),
  /** Weight less deductions, never below 0; one decimal. */
  points: z.number(),
  deducted: z.number(),
  /** Items this criterion looked at (e.g. replies due, rated items, promises). */
  itemCount: z.number().int(),
  deductionCount: z.number().int(),
});

export const unitAppraisalSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  rank: z.number().int(),
  score: z.number(),
  /** Assignments appraised (lead and separately assigned; reassigned and withdrawn excluded). */
  assignmentCount: z.number().int(),
  criteria: z.array(appraisalCriterionResultSchema),
});
export type UnitAppraisal = z.infer<typeof unitAppraisalSchema>;

const appraisalScopeSchema = z.object({
  bodyId: z.string(),
  bodyName: z.string(),
  sessionId: z.string().nullable(),
  sessionName: z.string().nullable(),
  year: z.number().int().nullable(),
  /** The day (Asia/Shanghai) overdue items and promises are judged on. */
  asOf: z.string(),
});

export const appraisalResultSchema = z.object({
  scope: appraisalScopeSchema,
  settings: appraisalSettingsSchema,
  units: z.array(unitAppraisalSchema),
});
export type AppraisalResult = z.infer<typeof appraisalResultSchema>;

export const unitAppraisalDetailSchema = z.object({
  scope: appraisalScopeSchema,
  settings: appraisalSettingsSchema,
  unit: unitAppraisalSchema,
  deductions: z.array(appraisalDeductionSchema),
});
export type UnitAppraisalDetail = z.infer<typeof unitAppraisalDetailSchema>;
