import { z } from 'zod';
import { dateSchema, idSchema, optionalText, partialWithoutDefaults } from './common.js';
import { actionAvailabilitySchema } from './suggestions.js';
import { passRuleSchema, tieRuleValues } from './ballots.js';
import { ballotResultsSchema, itemOutcomeValues } from './ballot-views.js';

type Labels<K extends string> = Record<K, { zh: string; en: string }>;

/** 群众提、代表决、政府办、人大评: one round a year, from public nomination to published results. */
export const roundStatusValues = [
  'draft',
  'nominating',
  'screening',
  'candidates',
  'voting',
  'implementing',
  'evaluating',
  'evaluated',
] as const;
export const roundStatusSchema = z.enum(roundStatusValues);
export type RoundStatus = z.infer<typeof roundStatusSchema>;
export const roundStatusLabels: Labels<RoundStatus> = {
  draft: { zh: '准备中', en: 'Draft' },
  nominating: { zh: '公开征集', en: 'Collecting proposals' },
  screening: { zh: '筛选论证', en: 'Screening' },
  candidates: { zh: '候选项目已确定', en: 'Candidates fixed' },
  voting: { zh: '代表票决', en: 'Voting' },
  implementing: { zh: '组织实施', en: 'Being carried out' },
  evaluating: { zh: '满意度测评', en: 'Year-end evaluation' },
  evaluated: { zh: '测评完成', en: 'Evaluated' },
};

/** Why a proposal is screened out (`DOMAIN.md` §6: public burden, debt or stability risk …). */
export const exclusionReasonValues = [
  'public_burden',
  'debt_risk',
  'stability_risk',
  'not_livelihood',
  'beyond_capacity',
  'duplicate',
  'other',
] as const;
export type ExclusionReason = (typeof exclusionReasonValues)[number];
export const exclusionReasonLabels: Labels<ExclusionReason> = {
  public_burden: { zh: '增加群众负担', en: 'Burdens the public' },
  debt_risk: { zh: '形成政府债务风险', en: 'Government debt risk' },
  stability_risk: { zh: '存在社会稳定风险', en: 'Social stability risk' },
  not_livelihood: { zh: '不属于民生实事范围', en: 'Not a livelihood matter' },
  beyond_capacity: { zh: '超出本级财力或职权', en: 'Beyond means or powers' },
  duplicate: { zh: '与其他项目重复', en: 'Duplicate' },
  other: { zh: '其他原因', en: 'Other' },
};

export const nominationStatusValues = ['submitted', 'accepted', 'excluded'] as const;
export type NominationStatus = (typeof nominationStatusValues)[number];
export const nominationStatusLabels: Labels<NominationStatus> = {
  submitted: { zh: '待筛选', en: 'To screen' },
  accepted: { zh: '已采纳', en: 'Accepted' },
  excluded: { zh: '未采纳', en: 'Excluded' },
};

export const projectStatusValues = ['candidate', 'selected', 'not_selected', 'withdrawn'] as const;
export type ProjectStatus = (typeof projectStatusValues)[number];
export const projectStatusLabels: Labels<ProjectStatus> = {
  candidate: { zh: '候选项目', en: 'Candidate' },
  selected: { zh: '票决确定', en: 'Selected' },
  not_selected: { zh: '未入选', en: 'Not selected' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

const satisfactionRuleSchema = passRuleSchema.refine((rule) => rule.kind !== 'plurality', {
  message: '满意度测评不能使用「得票多者当选」',
});

export const roundCreateSchema = z.object({
  bodyId: idSchema,
  termId: idSchema,
  sessionId: idSchema.nullable().optional(),
  year: z.number().int().min(2000).max(2100),
  title: z.string().trim().min(4).max(100),
  description: optionalText(4000),
  nominationStartsOn: dateSchema,
  nominationEndsOn: dateSchema,
  seats: z.number().int().min(1).max(50),
  /** Candidates per seat in percent: 120 means at least 12 candidates for 10 projects. */
  candidateRatioPercent: z.number().int().min(101).max(400).default(120),
  tieRule: z.enum(tieRuleValues).default('runoff'),
  requireMajority: z.boolean().default(true),
  satisfactionRule: satisfactionRuleSchema.default({ kind: 'threshold', percent: 80, countBasic: true }),
});
export type RoundCreate = z.infer<typeof roundCreateSchema>;
export type RoundCreateInput = z.input<typeof roundCreateSchema>;
export const roundUpdateSchema = partialWithoutDefaults(
  roundCreateSchema.omit({ bodyId: true, termId: true }),
);
export type RoundUpdate = z.infer<typeof roundUpdateSchema>;

/** A proposal from the public (no account): the form carries a token and an empty trap field. */
export const nominationInputSchema = z.object({
  title: z.string().trim().min(4).max(100),
  description: z.string().trim().min(10).max(2000),
  location: optionalText(200),
  name: z.string().trim().min(1).max(40),
  phone: z
    .string()
    .trim()
    .regex(/^1[3-9]\d{9}$/, '请填写 11 位手机号码'),
  token: z.string().min(10).max(300),
  /** Left empty by people; filled by form-filling robots. */
  website: z.string().max(200).optional(),
});
export type NominationInput = z.infer<typeof nominationInputSchema>;

export const screeningSchema = z
  .object({
    decision: z.enum(['accept', 'exclude']),
    reason: z.enum(exclusionReasonValues).optional(),
    note: optionalText(500),
  })
  .refine((value) => value.decision === 'accept' || value.reason !== undefined, {
    message: '不予采纳须选择原因',
    path: ['reason'],
  });
export type ScreeningInput = z.infer<typeof screeningSchema>;

export const candidateInputSchema = z.object({
  title: z.string().trim().min(4).max(100),
  description: z.string().trim().min(4).max(4000),
  investmentFen: z.number().int().min(0).max(1e13),
  unitId: idSchema,
  completionDate: dateSchema,
  nominationIds: z.array(idSchema).max(100).default([]),
});
export type CandidateInput = z.infer<typeof candidateInputSchema>;
export const candidateUpdateSchema = partialWithoutDefaults(candidateInputSchema).extend({
  version: z.number().int().min(0),
});

export const milestoneSchema = z.object({
  title: z.string().trim().min(2).max(200),
  dueOn: dateSchema,
  done: z.boolean().default(false),
});
export const planInputSchema = z.object({
  unitId: idSchema,
  targets: z.string().trim().min(4).max(4000),
  milestones: z.array(milestoneSchema).min(1).max(30),
  fundsFen: z.number().int().min(0).max(1e13),
  fundingSource: optionalText(200),
});
export type PlanInput = z.infer<typeof planInputSchema>;

export const progressInputSchema = z.object({
  reportedOn: dateSchema,
  percent: z.number().int().min(0).max(100),
  summary: z.string().trim().min(4).max(4000),
});
export type ProgressInput = z.infer<typeof progressInputSchema>;

export const supervisorsInputSchema = z.object({
  leaderDeputyId: idSchema,
  memberDeputyIds: z.array(idSchema).max(30).default([]),
});
export type SupervisorsInput = z.infer<typeof supervisorsInputSchema>;

/** Starting the session vote or the year-end evaluation: who votes, and presence. */
export const startBallotSchema = z.object({
  electorate: z.enum(['deputies', 'standing_committee']).default('deputies'),
  requirePresence: z.boolean().default(false),
});
export type StartBallotInput = z.infer<typeof startBallotSchema>;

export const satisfactionSchema = z.object({
  outcome: z.enum(itemOutcomeValues),
  ratePercent: z.number().nullable(),
  counts: z.record(z.string(), z.number().int()),
});

export const projectSummarySchema = z.object({
  id: z.string(),
  roundId: z.string(),
  position: z.number().int(),
  title: z.string(),
  description: z.string(),
  investmentFen: z.number().int(),
  unitId: z.string(),
  unitName: z.string(),
  completionDate: z.string(),
  status: z.enum(projectStatusValues),
  votes: z.number().int().nullable(),
  voteRank: z.number().int().nullable(),
  progressPercent: z.number().int(),
  satisfaction: satisfactionSchema.nullable(),
  version: z.number().int(),
});
export type ProjectSummary = z.infer<typeof projectSummarySchema>;

export const progressReportSchema = z.object({
  id: z.string(),
  reportedOn: z.string(),
  percent: z.number().int(),
  summary: z.string(),
  photoIds: z.array(z.string()),
  createdAt: z.string(),
});
export const projectDetailSchema = projectSummarySchema.extend({
  plan: z
    .object({
      unitId: z.string(),
      unitName: z.string(),
      targets: z.string(),
      milestones: z.array(z.object({ title: z.string(), dueOn: z.string(), done: z.boolean() })),
      fundsFen: z.number().int(),
      fundingSource: z.string().nullable(),
      updatedAt: z.string(),
    })
    .nullable(),
  progress: z.array(progressReportSchema),
  supervisors: z.array(z.object({ deputyId: z.string(), name: z.string(), leader: z.boolean() })),
  nominationTitles: z.array(z.string()),
  canReport: z.boolean(),
  canManage: z.boolean(),
});
export type ProjectDetail = z.infer<typeof projectDetailSchema>;

export const nominationSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  location: z.string().nullable(),
  nominatorName: z.string(),
  nominatorPhone: z.string(),
  status: z.enum(nominationStatusValues),
  exclusionReason: z.enum(exclusionReasonValues).nullable(),
  screeningNote: z.string().nullable(),
  projectId: z.string().nullable(),
  createdAt: z.string(),
});
export type Nomination = z.infer<typeof nominationSchema>;

export const roundSummarySchema = z.object({
  id: z.string(),
  bodyId: z.string(),
  year: z.number().int(),
  title: z.string(),
  status: roundStatusSchema,
  seats: z.number().int(),
  nominationStartsOn: z.string(),
  nominationEndsOn: z.string(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type RoundSummary = z.infer<typeof roundSummarySchema>;

export const roundDetailSchema = roundSummarySchema.extend({
  termId: z.string(),
  sessionId: z.string().nullable(),
  description: z.string().nullable(),
  candidateRatioPercent: z.number().int(),
  minimumCandidates: z.number().int(),
  tieRule: z.enum(tieRuleValues),
  requireMajority: z.boolean(),
  satisfactionRule: passRuleSchema,
  voteBallotId: z.string().nullable(),
  satisfactionBallotId: z.string().nullable(),
  /** After a tie at the last seat: the projects of the run-off and the seats it fills. */
  runoff: z.object({ projectIds: z.array(z.string()), seatsLeft: z.number().int() }).nullable(),
  nominationCounts: z.record(z.string(), z.number().int()),
  projects: z.array(projectSummarySchema),
  actions: z.array(actionAvailabilitySchema),
  canManage: z.boolean(),
  version: z.number().int(),
});
export type RoundDetail = z.infer<typeof roundDetailSchema>;

export const roundQuerySchema = z.object({ bodyId: idSchema.optional() });

/** What anyone may read once results are published (and while proposals are collected). */
export const publicRoundSchema = z.object({
  id: z.string(),
  bodyName: z.string(),
  year: z.number().int(),
  title: z.string(),
  description: z.string().nullable(),
  status: roundStatusSchema,
  nominationStartsOn: z.string(),
  nominationEndsOn: z.string(),
  acceptingNominations: z.boolean(),
  seats: z.number().int(),
  published: z.boolean(),
  projects: z.array(
    projectSummarySchema
      .pick({
        id: true,
        title: true,
        description: true,
        investmentFen: true,
        unitName: true,
        completionDate: true,
        status: true,
        votes: true,
        voteRank: true,
        progressPercent: true,
        satisfaction: true,
      })
      .extend({ latestProgress: z.string().nullable(), photoIds: z.array(z.string()) }),
  ),
  voteResults: ballotResultsSchema.pick({ electorate: true, voted: true, turnoutPercent: true }).nullable(),
});
export type PublicRound = z.infer<typeof publicRoundSchema>;

export const nominationTokenSchema = z.object({ token: z.string(), notBefore: z.string() });
export const nominationReceiptSchema = z.object({ id: z.string(), createdAt: z.string() });
