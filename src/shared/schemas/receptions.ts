import { z } from 'zod';
import { dateSchema, idSchema, pageOf, pageQuerySchema } from './common.js';
import { actionAvailabilitySchema, timelineEventSchema } from './suggestions.js';

type Label = { zh: string; en: string };

export const receptionChannelValues = ['message', 'visit', 'phone', 'appointment'] as const;
export const receptionChannelSchema = z.enum(receptionChannelValues);
export type ReceptionChannel = z.infer<typeof receptionChannelSchema>;
export const receptionChannelLabels: Record<ReceptionChannel, Label> = {
  message: { zh: '扫码留言', en: 'Message' },
  visit: { zh: '来站接待', en: 'Visit' },
  phone: { zh: '电话', en: 'Phone call' },
  appointment: { zh: '约见', en: 'Appointment' },
};

export const receptionStatusValues = ['new', 'open', 'referred', 'escalated', 'closed'] as const;
export const receptionStatusSchema = z.enum(receptionStatusValues);
export type ReceptionStatus = z.infer<typeof receptionStatusSchema>;
export const receptionStatusLabels: Record<ReceptionStatus, Label> = {
  new: { zh: '待受理', en: 'New' },
  open: { zh: '办理中', en: 'Being handled' },
  referred: { zh: '已转有关部门', en: 'Referred to an agency' },
  escalated: { zh: '已转上级代表', en: 'Passed to a higher-level deputy' },
  closed: { zh: '已答复', en: 'Answered' },
};

export const receptionOutcomeValues = [
  'solved',
  'explained',
  'referred',
  'suggestion',
  'escalated',
  'dismissed',
] as const;
export const receptionOutcomeSchema = z.enum(receptionOutcomeValues);
export type ReceptionOutcome = z.infer<typeof receptionOutcomeSchema>;
export const receptionOutcomeLabels: Record<ReceptionOutcome, Label> = {
  solved: { zh: '当场解决', en: 'Solved on the spot' },
  explained: { zh: '解释说明', en: 'Explained' },
  referred: { zh: '转交有关部门办理', en: 'Referred to an agency' },
  suggestion: { zh: '转为代表建议', en: "Turned into the deputy's suggestion" },
  escalated: { zh: '转上级人大代表', en: 'Passed to a higher-level deputy' },
  dismissed: { zh: '不予处理', en: 'Not handled' },
};

export const citizenCategoryValues = [
  'infrastructure',
  'environment',
  'education',
  'health',
  'social_security',
  'agriculture',
  'public_safety',
  'economy',
  'other',
] as const;
export const citizenCategorySchema = z.enum(citizenCategoryValues);
export type CitizenCategory = z.infer<typeof citizenCategorySchema>;
export const citizenCategoryLabels: Record<CitizenCategory, Label> = {
  infrastructure: { zh: '道路交通与城乡建设', en: 'Roads and building' },
  environment: { zh: '生态环境', en: 'Environment' },
  education: { zh: '教育', en: 'Education' },
  health: { zh: '医疗卫生', en: 'Health' },
  social_security: { zh: '就业与社会保障', en: 'Jobs and social security' },
  agriculture: { zh: '农业农村', en: 'Agriculture' },
  public_safety: { zh: '社会治安与安全', en: 'Public safety' },
  economy: { zh: '经济发展', en: 'Economy' },
  other: { zh: '其他', en: 'Other' },
};

/** Limits of citizen submissions, shown on the forms and enforced by the server. */
export const citizenLimits = {
  matterMin: 10,
  matterMax: 2000,
  photoMaxBytes: 5 * 1024 * 1024,
  photosPerMessage: 3,
  /** Minutes after submitting during which photos can be added with the tracking code. */
  photoWindowMinutes: 30,
} as const;

/** A phone number or another way to reach the citizen (WeChat id, email). */
export const contactSchema = z
  .string()
  .trim()
  .min(5)
  .max(60)
  .regex(/^[^<>]*$/, '不能包含尖括号');

// ── Staff side ─────────────────────────────────────────────────────────────

export const receptionSummarySchema = z.object({
  id: z.string(),
  trackingCode: z.string(),
  channel: receptionChannelSchema,
  bodyId: z.string(),
  stationId: z.string().nullable(),
  stationName: z.string().nullable(),
  deputyId: z.string().nullable(),
  deputyName: z.string().nullable(),
  escalatedToDeputyId: z.string().nullable(),
  escalatedToName: z.string().nullable(),
  visitorName: z.string().nullable(),
  category: citizenCategorySchema,
  matter: z.string(),
  receivedOn: z.string(),
  status: receptionStatusSchema,
  outcome: receptionOutcomeSchema.nullable(),
  /** Days since receipt while open; null once answered. */
  daysOpen: z.number().int().nullable(),
  photoCount: z.number().int(),
  suggestionId: z.string().nullable(),
  createdAt: z.string(),
});
export type ReceptionSummary = z.infer<typeof receptionSummarySchema>;
export const receptionPageSchema = pageOf(receptionSummarySchema);

export const receptionDetailSchema = receptionSummarySchema.extend({
  /** Null for readers who may not see it (agencies the matter was referred to). */
  visitorContact: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredByName: z.string().nullable(),
  responseMinutes: z.number().int().nullable(),
  referredUnitId: z.string().nullable(),
  referredUnitName: z.string().nullable(),
  referralNote: z.string().nullable(),
  referralAnswer: z.string().nullable(),
  referralAnsweredAt: z.string().nullable(),
  appointmentId: z.string().nullable(),
  photos: z.array(z.object({ id: z.string(), url: z.string(), sizeBytes: z.number().int() })),
  version: z.number().int(),
  actions: z.array(actionAvailabilitySchema),
  timeline: z.array(timelineEventSchema),
});
export type ReceptionDetail = z.infer<typeof receptionDetailSchema>;

export const receptionQuerySchema = pageQuerySchema.extend({
  /** `mine`: addressed or passed to the signed-in deputy; `all`: everything the reader may see. */
  view: z.enum(['all', 'mine']).default('all'),
  channel: receptionChannelSchema.optional(),
  status: receptionStatusSchema.optional(),
  /** Only matters not yet answered. */
  open: z.enum(['true', 'false']).optional(),
  stationId: idSchema.optional(),
  deputyId: idSchema.optional(),
  bodyId: idSchema.optional(),
  suggestionId: idSchema.optional(),
});
export type ReceptionQuery = z.infer<typeof receptionQuerySchema>;

/** A visit, call or other reception recorded by a deputy or station staff. */
export const receptionCreateSchema = z.object({
  channel: z.enum(['visit', 'phone']),
  stationId: idSchema.nullable().optional(),
  /** The deputy who received the visitor; the signed-in deputy when omitted. */
  deputyId: idSchema.nullable().optional(),
  visitorName: z.string().trim().max(40).nullable().optional(),
  visitorContact: contactSchema.nullable().optional(),
  category: citizenCategorySchema,
  matter: z.string().trim().min(4).max(citizenLimits.matterMax),
  receivedOn: dateSchema,
  /** Solved on the spot: the answer given, and the record is closed at once. */
  solvedAnswer: z.string().trim().min(2).max(2000).nullable().optional(),
});
export type ReceptionCreate = z.infer<typeof receptionCreateSchema>;

export const receptionStatsQuerySchema = z.object({
  bodyId: idSchema.optional(),
  stationId: idSchema.optional(),
});
const workloadSchema = z.object({
  total: z.number().int(),
  open: z.number().int(),
  closed: z.number().int(),
  /** Average hours from receipt to answer, one decimal; null when nothing was answered. */
  averageResponseHours: z.number().nullable(),
});
export const receptionStatsSchema = z.object({
  overall: workloadSchema,
  byDeputy: z.array(workloadSchema.extend({ deputyId: z.string(), name: z.string() })),
  byStation: z.array(workloadSchema.extend({ stationId: z.string(), name: z.string() })),
});

export const dutyActivityKindValues = [
  'reception',
  'message_answered',
  'appointment',
  'agency_appointment',
] as const;
export const dutyActivityKindSchema = z.enum(dutyActivityKindValues);
export const dutyActivityKindLabels: Record<z.infer<typeof dutyActivityKindSchema>, Label> = {
  reception: { zh: '接待群众', en: 'Received citizens' },
  message_answered: { zh: '答复群众留言', en: 'Answered a message' },
  appointment: { zh: '群众约见', en: 'Citizen appointment' },
  agency_appointment: { zh: '约见国家机关负责人', en: 'Met an agency head' },
};
export const dutyActivitySchema = z.object({
  id: z.string(),
  deputyId: z.string(),
  kind: dutyActivityKindSchema,
  sourceType: z.string(),
  sourceId: z.string(),
  occurredOn: z.string(),
  points: z.number().nullable(),
});
export const dutyActivityQuerySchema = z.object({
  deputyId: idSchema.optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
});

// ── Citizen side (no account) ──────────────────────────────────────────────

export const challengeSchema = z.object({
  token: z.string(),
  question: z.string(),
  expiresAt: z.string(),
});
export const challengeAnswerSchema = z.object({
  challengeToken: z.string().min(10).max(200),
  challengeAnswer: z.coerce.number().int().min(-1000).max(1000),
});

export const citizenMessageSchema = challengeAnswerSchema.extend({
  /** One of them: the deputy's or the station's public code from the QR code. */
  deputyCode: z.string().trim().max(20).optional(),
  stationCode: z.string().trim().max(20).optional(),
  name: z.string().trim().max(40).nullable().optional(),
  contact: contactSchema,
  category: citizenCategorySchema,
  matter: z.string().trim().min(citizenLimits.matterMin).max(citizenLimits.matterMax),
});
export type CitizenMessage = z.infer<typeof citizenMessageSchema>;

export const trackingCodeSchema = z
  .string()
  .trim()
  .min(6)
  .max(24)
  .regex(/^[0-9A-Za-z -]+$/, '查询码格式不正确');
export const trackingParamsSchema = z.object({ trackingCode: trackingCodeSchema });

export const citizenReceiptSchema = z.object({
  trackingCode: z.string(),
  /** Until when photos may be added with the tracking code. */
  photosUntil: z.string(),
});

/** What a citizen sees with the tracking code: never anyone's contacts. */
export const publicReceptionSchema = z.object({
  trackingCode: z.string(),
  channel: receptionChannelSchema,
  deputyName: z.string().nullable(),
  stationName: z.string().nullable(),
  category: citizenCategorySchema,
  matter: z.string(),
  receivedOn: z.string(),
  status: receptionStatusSchema,
  statusLabel: z.string(),
  outcome: receptionOutcomeSchema.nullable(),
  outcomeLabel: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  referralAnswer: z.string().nullable(),
  photoCount: z.number().int(),
});
export type PublicReception = z.infer<typeof publicReceptionSchema>;
