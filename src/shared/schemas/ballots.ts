import { z } from 'zod';
import { idSchema, optionalText, partialWithoutDefaults } from './common.js';

type Labels<K extends string> = Record<K, { zh: string; en: string }>;

export const ballotKindValues = ['named', 'secret'] as const;
export const ballotKindSchema = z.enum(ballotKindValues);
export type BallotKind = z.infer<typeof ballotKindSchema>;
export const ballotKindLabels: Labels<BallotKind> = {
  named: { zh: '记名表决', en: 'Named vote' },
  secret: { zh: '无记名投票', en: 'Secret ballot' },
};

/** approve: 赞成/反对/弃权 per item; select: choose up to N of M; grade: three grades; score. */
export const questionTypeValues = ['approve', 'select', 'grade', 'score'] as const;
export const questionTypeSchema = z.enum(questionTypeValues);
export type QuestionType = z.infer<typeof questionTypeSchema>;
export const questionTypeLabels: Labels<QuestionType> = {
  approve: { zh: '赞成/反对/弃权', en: 'For / against / abstain' },
  select: { zh: '限选 N 项', en: 'Choose up to N' },
  grade: { zh: '满意/基本满意/不满意', en: 'Three grades' },
  score: { zh: '打分', en: 'Score' },
};

export const approveMarkValues = ['approve', 'disapprove', 'abstain'] as const;
export const gradeValues = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type ApproveMark = (typeof approveMarkValues)[number];
export type Grade = (typeof gradeValues)[number];
export const markLabels: Labels<ApproveMark | Grade> = {
  approve: { zh: '赞成', en: 'For' },
  disapprove: { zh: '反对', en: 'Against' },
  abstain: { zh: '弃权', en: 'Abstain' },
  satisfied: { zh: '满意', en: 'Satisfied' },
  basically_satisfied: { zh: '基本满意', en: 'Basically satisfied' },
  unsatisfied: { zh: '不满意', en: 'Unsatisfied' },
};

export const ballotStatusValues = ['draft', 'open', 'closed', 'cancelled'] as const;
export const ballotStatusSchema = z.enum(ballotStatusValues);
export type BallotStatus = z.infer<typeof ballotStatusSchema>;
export const ballotStatusLabels: Labels<BallotStatus> = {
  draft: { zh: '未开始', en: 'Not open' },
  open: { zh: '投票中', en: 'Open' },
  closed: { zh: '已结束', en: 'Closed' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

/** Who votes: a term's deputies, its standing committee, or committee members plus attending deputies. */
export const electorateKindValues = ['deputies', 'standing_committee', 'members_and_attendees'] as const;
export const electorateKindLabels: Labels<(typeof electorateKindValues)[number]> = {
  deputies: { zh: '本届全体代表', en: 'All deputies of the term' },
  standing_committee: { zh: '常委会组成人员', en: 'Standing committee members' },
  members_and_attendees: { zh: '常委会组成人员 + 列席代表', en: 'Members and attending deputies' },
};
export const electorateSchema = z.object({
  kind: z.enum(electorateKindValues),
  /** Attending deputies (列席代表), for `members_and_attendees`. */
  attendeeDeputyIds: z.array(idSchema).max(5000).default([]),
});
export type BallotElectorate = z.infer<typeof electorateSchema>;
export const groupKeyValues = ['all', 'members', 'attendees'] as const;
export type GroupKey = (typeof groupKeyValues)[number];

export const tieRuleValues = ['runoff', 'include_all', 'exclude_all'] as const;
export type TieRule = (typeof tieRuleValues)[number];
export const tieRuleLabels: Labels<TieRule> = {
  runoff: { zh: '末位同票者另行投票', en: 'Run-off among the tied' },
  include_all: { zh: '同票者均入选', en: 'All tied are elected' },
  exclude_all: { zh: '同票者均不入选', en: 'None of the tied is elected' },
};

const percentSchema = z.number().min(1).max(100);

/**
 * How a result is decided (a setting of each ballot, `DOMAIN.md` §6): 镇海 majority of all
 * members, 博爱 threshold (80%), 固始 weighted groups (60/40), and plurality for choosing N.
 */
export const passRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('majority_of_all') }),
  z.object({
    kind: z.literal('threshold'),
    percent: percentSchema,
    /** Count 基本满意 with 满意 (the inclusive rate). */
    countBasic: z.boolean().default(true),
  }),
  z.object({
    kind: z.literal('weighted'),
    percent: percentSchema,
    countBasic: z.boolean().default(true),
    weights: z
      .object({ members: z.number().int().min(1).max(99), attendees: z.number().int().min(1).max(99) })
      .refine((w) => w.members + w.attendees === 100, { message: '两组权重之和应为 100' }),
  }),
  z.object({
    kind: z.literal('plurality'),
    tieRule: z.enum(tieRuleValues).default('runoff'),
    /** Elected only with more than half of all electors' votes. */
    requireMajorityOfAll: z.boolean().default(false),
  }),
]);
export type PassRule = z.infer<typeof passRuleSchema>;
export type PassRuleInput = z.input<typeof passRuleSchema>;
export const passRuleLabels: Labels<PassRule['kind']> = {
  majority_of_all: { zh: '全体组成人员过半数（镇海）', en: 'Majority of all members' },
  threshold: { zh: '满意率达到比例（博爱 80%）', en: 'Percentage threshold' },
  weighted: { zh: '分组加权（固始 60/40）', en: 'Weighted groups' },
  plurality: { zh: '得票多者当选', en: 'Most votes' },
};

const itemInputSchema = z.object({
  title: z.string().trim().min(1).max(200),
  description: optionalText(2000),
  refId: idSchema.nullable().optional(),
});

const instantSchema = z.iso.datetime({ offset: true });

export const ballotCreateSchema = z.object({
  bodyId: idSchema,
  termId: idSchema,
  sessionId: idSchema.nullable().optional(),
  title: z.string().trim().min(2).max(200),
  description: optionalText(4000),
  kind: ballotKindSchema,
  questionType: questionTypeSchema,
  maxSelections: z.number().int().min(1).max(500).nullable().optional(),
  scoreMax: z.number().int().min(1).max(1000).nullable().optional(),
  items: z.array(itemInputSchema).min(1).max(500),
  electorate: electorateSchema,
  passRule: passRuleSchema,
  allowChange: z.boolean().default(false),
  requirePresence: z.boolean().default(false),
  opensAt: instantSchema.nullable().optional(),
  closesAt: instantSchema.nullable().optional(),
});
export type BallotCreate = z.infer<typeof ballotCreateSchema>;
export type BallotCreateInput = z.input<typeof ballotCreateSchema>;

/** What a draft may still change (the body and term stay). */
export const ballotUpdateSchema = partialWithoutDefaults(
  ballotCreateSchema.omit({ bodyId: true, termId: true }),
).extend({ version: z.number().int().min(0) });
export type BallotUpdate = z.infer<typeof ballotUpdateSchema>;

/** One ballot paper: marks per item (approve, grade), the chosen items (select) or scores. */
export const ballotPaperSchema = z.object({
  marks: z.record(idSchema, z.enum([...approveMarkValues, ...gradeValues])).optional(),
  selected: z.array(idSchema).max(500).optional(),
  scores: z.record(idSchema, z.number().int().min(0).max(1000)).optional(),
});
export type BallotPaper = z.infer<typeof ballotPaperSchema>;

export const voteInputSchema = ballotPaperSchema.extend({
  /** The receipt of the vote being replaced (secret ballots that allow changes). */
  previousReceipt: z.string().trim().min(8).max(40).optional(),
});
export type VoteInput = z.infer<typeof voteInputSchema>;

export const voteResultSchema = z.object({
  ballotId: z.string(),
  /** Secret ballots: the code that finds this vote later; shown once, never stored in clear. */
  receipt: z.string().nullable(),
  valid: z.boolean(),
  changed: z.boolean(),
});
export type VoteResult = z.infer<typeof voteResultSchema>;

export const paperBatchSchema = z.object({
  /** Deputies who handed in a paper ballot (one each); their ballots are not matched to them. */
  deputyIds: z.array(idSchema).min(1).max(5000),
  papers: z
    .array(ballotPaperSchema.extend({ spoiled: z.boolean().default(false) }))
    .min(1)
    .max(5000),
});
export type PaperBatch = z.infer<typeof paperBatchSchema>;

export const attendanceSchema = z.object({
  deputyIds: z.array(idSchema).min(1).max(5000),
  present: z.boolean(),
});
export type AttendanceInput = z.infer<typeof attendanceSchema>;

export const receiptQuerySchema = z.object({ receipt: z.string().trim().min(8).max(40) });
export const receiptResultSchema = z.object({
  found: z.boolean(),
  ballotStatus: ballotStatusSchema,
  valid: z.boolean().nullable(),
  paper: ballotPaperSchema.nullable(),
});

export { instantSchema };
