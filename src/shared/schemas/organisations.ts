import { z } from 'zod';
import { dateSchema, idSchema } from './common.js';

/** 第N届 / 第N次: ordinal numbers of terms and sessions. */
const ordinalSchema = z.number().int().min(1).max(99);
const nameSchema = z.string().trim().min(2).max(60);
const endDateSchema = dateSchema.nullable().optional();

/** Rejects an end date before the start date, on the end date's field. */
function endNotBeforeStart(value: { startDate?: string; endDate?: string | null }): boolean {
  return !value.startDate || !value.endDate || value.endDate >= value.startDate;
}
const endDateOrder = {
  message: '不能早于开始日期',
  path: ['endDate'],
  params: { en: 'must not be before the start date' },
};

const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1-99 in Chinese numerals as used in 第十七届 / 第三次 (十, not 一十). */
export function chineseOrdinal(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const tensText = tens === 0 ? '' : `${tens === 1 ? '' : digits[tens]}十`;
  return `${tensText}${ones === 0 ? '' : digits[ones]}`;
}

// ── Terms (届) ─────────────────────────────────────────────────────────────

export const termSchema = z.object({
  id: z.string(),
  bodyId: z.string(),
  number: z.number().int(),
  /** 第十七届 */
  label: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  createdAt: z.string(),
});
export type Term = z.infer<typeof termSchema>;

export const termCreateSchema = z
  .object({
    bodyId: idSchema,
    number: ordinalSchema,
    startDate: dateSchema,
    endDate: endDateSchema,
  })
  .refine(endNotBeforeStart, endDateOrder);
export type TermCreate = z.infer<typeof termCreateSchema>;

export const termUpdateSchema = z
  .object({
    number: ordinalSchema.optional(),
    startDate: dateSchema.optional(),
    endDate: endDateSchema,
  })
  .refine(endNotBeforeStart, endDateOrder);
export type TermUpdate = z.infer<typeof termUpdateSchema>;

export const termQuerySchema = z.object({ bodyId: idSchema });

// ── Congress sessions (第N次会议) ──────────────────────────────────────────

export const congressSessionSchema = z.object({
  id: z.string(),
  bodyId: z.string(),
  termId: z.string(),
  number: z.number().int(),
  name: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  createdAt: z.string(),
});
export type CongressSession = z.infer<typeof congressSessionSchema>;

export const congressSessionCreateSchema = z
  .object({
    termId: idSchema,
    number: ordinalSchema,
    /** Omit for the usual 第十七届人民代表大会第三次会议. */
    name: z.string().trim().min(2).max(80).optional(),
    startDate: dateSchema,
    endDate: endDateSchema,
  })
  .refine(endNotBeforeStart, endDateOrder);
export type CongressSessionCreate = z.infer<typeof congressSessionCreateSchema>;

export const congressSessionUpdateSchema = z
  .object({
    number: ordinalSchema.optional(),
    name: z.string().trim().min(2).max(80).optional(),
    startDate: dateSchema.optional(),
    endDate: endDateSchema,
  })
  .refine(endNotBeforeStart, endDateOrder);
export type CongressSessionUpdate = z.infer<typeof congressSessionUpdateSchema>;

/** Lists are per body or per term, never of the whole deployment. */
const bodyOrTermQuerySchema = z
  .object({ bodyId: idSchema.optional(), termId: idSchema.optional() })
  .refine((value) => value.bodyId !== undefined || value.termId !== undefined, {
    message: '与「届次」至少填写一项',
    path: ['bodyId'],
    params: { en: 'or "Term" must be given' },
  });
export const congressSessionQuerySchema = bodyOrTermQuerySchema;
export type BodyOrTermQuery = z.infer<typeof bodyOrTermQuerySchema>;

// ── Delegations (代表团) ──────────────────────────────────────────────────

export const delegationSchema = z.object({
  id: z.string(),
  bodyId: z.string(),
  termId: z.string(),
  name: z.string(),
  createdAt: z.string(),
});
export type Delegation = z.infer<typeof delegationSchema>;

export const delegationCreateSchema = z.object({ termId: idSchema, name: nameSchema });
export type DelegationCreate = z.infer<typeof delegationCreateSchema>;
export const delegationUpdateSchema = z.object({ name: nameSchema.optional() });
export type DelegationUpdate = z.infer<typeof delegationUpdateSchema>;
export const delegationQuerySchema = bodyOrTermQuerySchema;

// ── Deputy groups (代表小组) ──────────────────────────────────────────────

export const deputyGroupSchema = z.object({
  id: z.string(),
  bodyId: z.string(),
  termId: z.string().nullable(),
  name: z.string(),
  createdAt: z.string(),
});
export type DeputyGroup = z.infer<typeof deputyGroupSchema>;

export const deputyGroupCreateSchema = z.object({
  bodyId: idSchema,
  termId: idSchema.nullable().optional(),
  name: nameSchema,
});
export type DeputyGroupCreate = z.infer<typeof deputyGroupCreateSchema>;
export const deputyGroupUpdateSchema = z.object({
  name: nameSchema.optional(),
  termId: idSchema.nullable().optional(),
});
export type DeputyGroupUpdate = z.infer<typeof deputyGroupUpdateSchema>;
export const deputyGroupQuerySchema = bodyOrTermQuerySchema;

// ── Committees (专门委员会 / 工作委员会 / 办事机构) ─────────────────────────

export const committeeKindValues = ['special', 'working', 'office'] as const;
export const committeeKindSchema = z.enum(committeeKindValues);
export type CommitteeKind = z.infer<typeof committeeKindSchema>;
export const committeeKindLabels: Record<CommitteeKind, { zh: string; en: string }> = {
  special: { zh: '专门委员会', en: 'Special committee' },
  working: { zh: '工作委员会', en: 'Working committee' },
  office: { zh: '办事机构', en: 'Office' },
};

export const committeeSchema = z.object({
  id: z.string(),
  bodyId: z.string(),
  name: z.string(),
  kind: committeeKindSchema,
  createdAt: z.string(),
});
export type Committee = z.infer<typeof committeeSchema>;

export const committeeCreateSchema = z.object({
  bodyId: idSchema,
  name: nameSchema,
  kind: committeeKindSchema,
});
export type CommitteeCreate = z.infer<typeof committeeCreateSchema>;
export const committeeUpdateSchema = z.object({
  name: nameSchema.optional(),
  kind: committeeKindSchema.optional(),
});
export type CommitteeUpdate = z.infer<typeof committeeUpdateSchema>;
export const committeeQuerySchema = z.object({ bodyId: idSchema, kind: committeeKindSchema.optional() });
export type CommitteeQuery = z.infer<typeof committeeQuerySchema>;

// ── Standing committee members (常委会组成人员) ────────────────────────────

export const memberPositionValues = ['chair', 'vice_chair', 'secretary_general', 'member'] as const;
export const memberPositionSchema = z.enum(memberPositionValues);
export type MemberPosition = z.infer<typeof memberPositionSchema>;
export const memberPositionLabels: Record<MemberPosition, { zh: string; en: string }> = {
  chair: { zh: '主任', en: 'Chair' },
  vice_chair: { zh: '副主任', en: 'Vice chair' },
  secretary_general: { zh: '秘书长', en: 'Secretary-general' },
  member: { zh: '委员', en: 'Member' },
};

export const standingCommitteeMemberSchema = z.object({
  id: z.string(),
  bodyId: z.string(),
  termId: z.string(),
  deputyId: z.string(),
  deputyName: z.string(),
  position: memberPositionSchema,
  createdAt: z.string(),
});
export type StandingCommitteeMember = z.infer<typeof standingCommitteeMemberSchema>;

export const standingCommitteeMemberCreateSchema = z.object({
  termId: idSchema,
  deputyId: idSchema,
  position: memberPositionSchema,
});
export type StandingCommitteeMemberCreate = z.infer<typeof standingCommitteeMemberCreateSchema>;
export const standingCommitteeMemberUpdateSchema = z.object({ position: memberPositionSchema });
export type StandingCommitteeMemberUpdate = z.infer<typeof standingCommitteeMemberUpdateSchema>;
export const standingCommitteeMemberQuerySchema = bodyOrTermQuerySchema;
