import { z } from 'zod';
import { roleSchema } from './roles.js';

/** A legal time period: calendar months, calendar days or working days (Civil Code counting). */
export const periodSchema = z.object({
  amount: z.number().int().min(1).max(365),
  unit: z.enum(['months', 'days', 'workingDays']),
});
export type Period = z.infer<typeof periodSchema>;

const outcomeClassSchema = z.object({
  code: z.string().trim().min(1).max(8),
  label: z.string().trim().min(1).max(40),
  /** Counts towards 解决率 (A) or 解决和计划解决率 (A + B). */
  counts: z.enum(['solved', 'planned', 'later', 'reference']),
});

const reviewTierSchema = z.object({
  key: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[a-z_]+$/, '只能使用小写字母和下划线'),
  name: z.string().trim().min(1).max(40),
  /** Roles that review at this tier (within the body's subtree). */
  roles: z.array(roleSchema).min(1).max(9),
});

type SignoffStep = z.infer<typeof reviewTierSchema>;
/** Handler → department head → unit leader (a unit leader may sign the middle step too). */
const defaultReplySignoff: SignoffStep[] = [
  { key: 'handler', name: '经办人', roles: ['unit_handler'] },
  { key: 'department_head', name: '科室负责人', roles: ['unit_handler', 'unit_leader'] },
  { key: 'unit_leader', name: '单位负责人', roles: ['unit_leader'] },
];

/** An item of the negative list (不作为代表建议的事项) with the words that point to it. */
const negativeListEntrySchema = z.object({
  label: z.string().trim().min(1).max(200),
  keywords: z.array(z.string().trim().min(1).max(20)).max(30),
});

/**
 * Rules that differ by place (`DOMAIN.md` §3-§6), kept per congress body. Defaults are Henan's.
 * Later issues add their settings here, each with a default, so old profiles stay valid.
 */
export const ruleProfileSchema = z.object({
  deadlines: z.object({
    reply: periodSchema.default({ amount: 3, unit: 'months' }),
    maxTotalWithExtension: periodSchema.default({ amount: 6, unit: 'months' }),
    adjustmentWindow: periodSchema.default({ amount: 10, unit: 'workingDays' }),
    coUnitOpinion: periodSchema.default({ amount: 2, unit: 'months' }),
    firstContact: periodSchema.default({ amount: 20, unit: 'workingDays' }),
    deputyFeedback: periodSchema.default({ amount: 10, unit: 'workingDays' }),
    rehandling: periodSchema.default({ amount: 1, unit: 'months' }),
    recessAssignment: periodSchema.default({ amount: 10, unit: 'workingDays' }),
  }),
  /** Co-signers a motion needs, by the body's level (NPC 30, county and above 10, township 5). */
  motionThresholds: z.object({
    national: z.number().int().min(1).max(500).default(30),
    province: z.number().int().min(1).max(500).default(10),
    city: z.number().int().min(1).max(500).default(10),
    county: z.number().int().min(1).max(500).default(10),
    township: z.number().int().min(1).max(500).default(5),
  }),
  outcomeClasses: z.array(outcomeClassSchema).min(2).max(8),
  reviewTiers: z.array(reviewTierSchema).min(1).max(6),
  keySuggestionMinSigners: z.number().int().min(1).max(1000).default(10),
  satisfactionThresholdPercent: z.number().min(0).max(100).default(80),
  backToBackRating: z.boolean().default(true),
  /** Share of the reply period after which a warning is raised if no reply has been sent. */
  warningSharePercent: z.number().int().min(10).max(100).default(80),
  undisclosedOnPortal: z.enum(['hidden', 'title_only']).default('hidden'),
  negativeList: z.array(negativeListEntrySchema).max(100),
  receptionDayOfMonth: z.number().int().min(1).max(28).default(20),
  /** Who signs a reply letter, in order; the last signature sends it. */
  replySignoff: z.array(reviewTierSchema).min(1).max(5).default(defaultReplySignoff),
  /** After the feedback reminder, how long before an unrated item closes as "no feedback". */
  noFeedbackGrace: periodSchema.default({ amount: 5, unit: 'workingDays' }),
});
export type RuleProfile = z.infer<typeof ruleProfileSchema>;

/** Henan defaults (`DOMAIN.md`: the default rule profile). */
export const henanDefaults: RuleProfile = {
  deadlines: {
    reply: { amount: 3, unit: 'months' },
    maxTotalWithExtension: { amount: 6, unit: 'months' },
    adjustmentWindow: { amount: 10, unit: 'workingDays' },
    coUnitOpinion: { amount: 2, unit: 'months' },
    firstContact: { amount: 20, unit: 'workingDays' },
    deputyFeedback: { amount: 10, unit: 'workingDays' },
    rehandling: { amount: 1, unit: 'months' },
    recessAssignment: { amount: 10, unit: 'workingDays' },
  },
  motionThresholds: { national: 30, province: 10, city: 10, county: 10, township: 5 },
  outcomeClasses: [
    { code: 'A', label: '已解决或基本解决', counts: 'solved' },
    { code: 'B', label: '正在解决或列入计划解决', counts: 'planned' },
    { code: 'C', label: '因条件限制待以后解决', counts: 'later' },
    { code: 'D', label: '留作参考', counts: 'reference' },
  ],
  reviewTiers: [
    { key: 'delegation', name: '代表团初审', roles: ['office_staff', 'committee_staff'] },
    { key: 'committee', name: '代表工委审查', roles: ['office_staff'] },
    { key: 'motions_group', name: '议案组审定', roles: ['office_staff', 'leader'] },
  ],
  keySuggestionMinSigners: 10,
  satisfactionThresholdPercent: 80,
  backToBackRating: true,
  warningSharePercent: 80,
  undisclosedOnPortal: 'hidden',
  negativeList: [
    {
      label: '涉及代表本人及其亲属个人利益的问题',
      keywords: ['我本人', '我家', '我的亲属', '本人的孩子', '给我家'],
    },
    { label: '信访件、来信', keywords: ['信访', '上访', '来信'] },
    { label: '已进入诉讼、仲裁程序的案件', keywords: ['诉讼', '仲裁', '起诉', '判决', '法院审理'] },
    { label: '检举、控告、申诉', keywords: ['检举', '控告', '申诉', '举报'] },
    { label: '学术探讨、产品推介', keywords: ['学术探讨', '产品推介', '推销', '我公司产品'] },
    { label: '没有具体内容', keywords: [] },
    { label: '超出本级人大及其常委会职权范围', keywords: [] },
  ],
  receptionDayOfMonth: 20,
  replySignoff: defaultReplySignoff,
  noFeedbackGrace: { amount: 5, unit: 'workingDays' },
};

/** Deployment-wide security policy (等保 2.0 level 3 practice). */
export const securitySettingsSchema = z.object({
  passwordMinLength: z.number().int().min(8).max(64).default(8),
  passwordMinClasses: z.number().int().min(1).max(4).default(3),
  lockAfterFailures: z.number().int().min(3).max(20).default(5),
  lockMinutes: z.number().int().min(1).max(1440).default(15),
  idleTimeoutMinutes: z.number().int().min(5).max(30).default(30),
  requireTotpForStaff: z.boolean().default(false),
  auditRetentionMonths: z.number().int().min(6).max(120).default(6),
});
export type SecuritySettings = z.infer<typeof securitySettingsSchema>;
export const securityDefaults: SecuritySettings = securitySettingsSchema.parse({});
