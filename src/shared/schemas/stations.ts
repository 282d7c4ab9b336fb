import { z } from 'zod';
import { bodyLevelSchema, dateSchema, idSchema, optionalText, pageOf, pageQuerySchema } from './common.js';
import { phoneSchema } from './deputies.js';
import { actionAvailabilitySchema, timelineEventSchema } from './suggestions.js';

type Label = { zh: string; en: string };

export const stationKindValues = ['home', 'station', 'room', 'point'] as const;
export const stationKindSchema = z.enum(stationKindValues);
export type StationKind = z.infer<typeof stationKindSchema>;
/** 家 / 站 / 室 / 点. */
export const stationKindLabels: Record<StationKind, Label> = {
  home: { zh: '人大代表之家', en: "Deputies' home" },
  station: { zh: '人大代表联络站', en: 'Liaison station' },
  room: { zh: '人大代表联络室', en: 'Liaison room' },
  point: { zh: '人大代表联系点', en: 'Contact point' },
};

export const stationLevelValues = ['county', 'township', 'village'] as const;
export const stationLevelSchema = z.enum(stationLevelValues);
export type StationLevel = z.infer<typeof stationLevelSchema>;
export const stationLevelLabels: Record<StationLevel, Label> = {
  county: { zh: '县级', en: 'County' },
  township: { zh: '乡镇（街道）级', en: 'Township' },
  village: { zh: '村（社区）级', en: 'Village' },
};

export const labelSchemeValues = ['none', 'stars', 'demonstration', 'both'] as const;
export const labelSchemeSchema = z.enum(labelSchemeValues);
export type LabelScheme = z.infer<typeof labelSchemeSchema>;
export const labelSchemeLabels: Record<LabelScheme, Label> = {
  none: { zh: '不显示', en: 'None' },
  stars: { zh: '星级评定', en: 'Star ratings' },
  demonstration: { zh: '示范站标识', en: 'Demonstration label' },
  both: { zh: '星级和示范站', en: 'Stars and demonstration' },
};

const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM');

// ── Stations ───────────────────────────────────────────────────────────────

export const stationDeputySchema = z.object({
  deputyId: z.string(),
  name: z.string(),
  /** Levels of the deputy's active seats, highest first (编组进站: deputies of every level). */
  levels: z.array(bodyLevelSchema),
  sortOrder: z.number().int(),
});

export const stationStaffSchema = z.object({ userId: z.string(), displayName: z.string() });

export const stationSchema = z.object({
  id: z.string(),
  bodyId: z.string(),
  bodyName: z.string(),
  name: z.string(),
  kind: stationKindSchema,
  level: stationLevelSchema,
  address: z.string(),
  directions: z.string().nullable(),
  openingHours: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  hasPhoto: z.boolean(),
  starRating: z.number().int().nullable(),
  demonstration: z.boolean(),
  publicCode: z.string(),
  active: z.boolean(),
  deputyCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Station = z.infer<typeof stationSchema>;

export const stationDetailSchema = stationSchema.extend({
  deputies: z.array(stationDeputySchema),
  staff: z.array(stationStaffSchema),
  labelScheme: labelSchemeSchema,
  canEdit: z.boolean(),
});
export type StationDetail = z.infer<typeof stationDetailSchema>;
export const stationPageSchema = pageOf(stationSchema);

export const stationQuerySchema = pageQuerySchema.extend({
  bodyId: idSchema.optional(),
  includeLower: z.enum(['true', 'false']).optional(),
  kind: stationKindSchema.optional(),
  q: z.string().trim().max(40).optional(),
  /** `mine`: stations the signed-in deputy or staff member belongs to. */
  view: z.enum(['all', 'mine']).default('all'),
});
export type StationQuery = z.infer<typeof stationQuerySchema>;

const stationFields = {
  name: z.string().trim().min(2).max(60),
  kind: stationKindSchema,
  level: stationLevelSchema,
  address: z.string().trim().min(2).max(200),
  directions: optionalText(200),
  openingHours: optionalText(100),
  contactName: optionalText(40),
  contactPhone: phoneSchema,
  starRating: z.number().int().min(1).max(5).nullable().optional(),
  demonstration: z.boolean().optional(),
};
export const stationCreateSchema = z.object({ bodyId: idSchema, ...stationFields });
export type StationCreate = z.infer<typeof stationCreateSchema>;
export const stationUpdateSchema = z
  .object({ ...stationFields, active: z.boolean() })
  .partial()
  .extend({ version: z.number().int().min(0) });
export type StationUpdate = z.infer<typeof stationUpdateSchema>;

export const stationDeputiesInputSchema = z.object({
  /** The station's deputies in rotation order; replaces the list. */
  deputyIds: z.array(idSchema).max(200),
});
export const stationStaffInputSchema = z.object({ userIds: z.array(idSchema).max(20) });
export const staffCandidateQuerySchema = z.object({ q: z.string().trim().max(40).optional() });
export const staffCandidateSchema = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
});
export type StaffCandidate = z.infer<typeof staffCandidateSchema>;

export const stationPhotoMaxBytes = 5 * 1024 * 1024;

// ── Body settings and reception rules ──────────────────────────────────────

export const ruleKindSchema = z.enum(['day_of_month', 'nth_weekday']);
export type RuleKind = z.infer<typeof ruleKindSchema>;
export const restDayRuleSchema = z.enum(['next_working_day', 'keep']);
export const restDayRuleLabels: Record<z.infer<typeof restDayRuleSchema>, Label> = {
  next_working_day: { zh: '遇节假日、休息日顺延至下一个工作日', en: 'Move to the next working day' },
  keep: { zh: '不顺延', en: 'Keep the date' },
};

export const receptionRuleInputSchema = z
  .object({
    kind: ruleKindSchema,
    dayOfMonth: z.number().int().min(1).max(31).nullable().optional(),
    weekNumber: z
      .number()
      .int()
      .refine((n) => n === -1 || (n >= 1 && n <= 4), { message: '只能是 1-4 或 -1（最后一周）' })
      .nullable()
      .optional(),
    weekday: z.number().int().min(1).max(7).nullable().optional(),
    restDayRule: restDayRuleSchema.default('next_working_day'),
    startTime: timeSchema.default('09:00'),
    endTime: timeSchema.default('12:00'),
    deputiesPerDay: z.number().int().min(1).max(10).default(2),
    slotMinutes: z.number().int().min(10).max(120).default(30),
  })
  .superRefine((rule, context) => {
    if (rule.kind === 'day_of_month' && !rule.dayOfMonth)
      context.addIssue({ code: 'custom', path: ['dayOfMonth'], message: '按日期接待须填写「每月几日」' });
    if (rule.kind === 'nth_weekday' && (!rule.weekNumber || !rule.weekday))
      context.addIssue({
        code: 'custom',
        path: [rule.weekNumber ? 'weekday' : 'weekNumber'],
        message: '按星期接待须填写「第几周」和「星期几」',
      });
    if (rule.startTime >= rule.endTime)
      context.addIssue({ code: 'custom', path: ['endTime'], message: '结束时间须晚于开始时间' });
  });
export type ReceptionRuleInput = z.infer<typeof receptionRuleInputSchema>;

export const receptionRuleSchema = z.object({
  kind: ruleKindSchema,
  dayOfMonth: z.number().int().nullable(),
  weekNumber: z.number().int().nullable(),
  weekday: z.number().int().nullable(),
  restDayRule: restDayRuleSchema,
  startTime: z.string(),
  endTime: z.string(),
  deputiesPerDay: z.number().int(),
  slotMinutes: z.number().int(),
  /** Where the rule comes from: the station's own, its body's default, or the built-in one. */
  source: z.enum(['station', 'body', 'default']),
  description: z.string(),
});
export type ReceptionRule = z.infer<typeof receptionRuleSchema>;

export const bodyStationSettingsSchema = z.object({
  bodyId: z.string(),
  labelScheme: labelSchemeSchema,
  rule: receptionRuleSchema,
});
export const bodyStationSettingsInputSchema = z.object({
  labelScheme: labelSchemeSchema,
  rule: receptionRuleInputSchema,
});

// ── Rosters ────────────────────────────────────────────────────────────────

export const rosterGenerateSchema = z.object({
  bodyId: idSchema,
  /** Only these stations; every active station of the body otherwise. */
  stationIds: z.array(idSchema).max(500).optional(),
  from: dateSchema,
  to: dateSchema,
});
export const rosterGenerateResultSchema = z.object({
  stations: z.number().int(),
  days: z.number().int(),
  duties: z.number().int(),
  /** Stations skipped because they have no deputies. */
  skipped: z.array(z.object({ stationId: z.string(), name: z.string() })),
});

export const rosterDutySchema = z.object({
  id: z.string(),
  deputyId: z.string(),
  deputyName: z.string(),
  version: z.number().int(),
});
export const receptionDaySchema = z.object({
  id: z.string(),
  stationId: z.string(),
  stationName: z.string(),
  date: z.string(),
  weekday: z.number().int(),
  startTime: z.string(),
  endTime: z.string(),
  source: z.enum(['rule', 'manual']),
  duties: z.array(rosterDutySchema),
});
export type ReceptionDay = z.infer<typeof receptionDaySchema>;

export const rosterQuerySchema = z.object({ from: dateSchema.optional(), to: dateSchema.optional() });
export const dayDutiesInputSchema = z.object({ deputyIds: z.array(idSchema).min(1).max(10) });
export const manualDayInputSchema = z.object({
  date: dateSchema,
  startTime: timeSchema,
  endTime: timeSchema,
  deputyIds: z.array(idSchema).min(1).max(10),
});

export const myDutySchema = z.object({
  id: z.string(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  stationId: z.string(),
  stationName: z.string(),
  stationAddress: z.string(),
  version: z.number().int(),
  /** A swap request of this duty that waits for approval. */
  pendingSwapId: z.string().nullable(),
});

// ── Swaps ──────────────────────────────────────────────────────────────────

export const swapStatusValues = ['requested', 'approved', 'rejected', 'withdrawn'] as const;
export const swapStatusSchema = z.enum(swapStatusValues);
export type SwapStatus = z.infer<typeof swapStatusSchema>;
export const swapStatusLabels: Record<SwapStatus, Label> = {
  requested: { zh: '待审批', en: 'Awaiting approval' },
  approved: { zh: '已同意', en: 'Approved' },
  rejected: { zh: '未同意', en: 'Rejected' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

export const swapRequestSchema = z.object({
  replacementDeputyId: idSchema,
  /** The replacement's own duty the requester takes in exchange; a plain hand-over otherwise. */
  exchangeDutyId: idSchema.nullable().optional(),
  reason: z.string().trim().min(2).max(300),
});

export const swapSchema = z.object({
  id: z.string(),
  stationId: z.string(),
  stationName: z.string(),
  dutyId: z.string(),
  date: z.string(),
  requesterDeputyId: z.string(),
  requesterName: z.string(),
  replacementDeputyId: z.string(),
  replacementName: z.string(),
  exchangeDutyId: z.string().nullable(),
  exchangeDate: z.string().nullable(),
  reason: z.string(),
  status: swapStatusSchema,
  decisionNote: z.string().nullable(),
  decidedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  actions: z.array(actionAvailabilitySchema),
  timeline: z.array(timelineEventSchema),
});
export type Swap = z.infer<typeof swapSchema>;
export const swapQuerySchema = z.object({
  status: swapStatusSchema.optional(),
  stationId: idSchema.optional(),
});

// ── QR codes ───────────────────────────────────────────────────────────────

export const qrInfoSchema = z.object({
  code: z.string(),
  /** What the QR code holds: a stable public address, no personal data. */
  url: z.string(),
  pngUrl: z.string(),
  svgUrl: z.string(),
  posterUrl: z.string(),
});
export type QrInfo = z.infer<typeof qrInfoSchema>;

export const publicCodeSchema = z
  .string()
  .trim()
  .min(4)
  .max(20)
  .regex(/^[0-9A-Za-z]+$/, '编码格式不正确');
export const publicCodeParamsSchema = z.object({ code: publicCodeSchema });
