import { z } from 'zod';
import { dateSchema, idSchema, pageOf, pageQuerySchema } from './common.js';
import { actionAvailabilitySchema, timelineEventSchema } from './suggestions.js';
import { challengeAnswerSchema, citizenLimits, contactSchema } from './receptions.js';

type Label = { zh: string; en: string };
const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM');

// ── Citizen → deputy appointments (约见卡) ───────────────────────────────────

export const appointmentStatusValues = [
  'requested',
  'proposed',
  'accepted',
  'declined',
  'cancelled',
  'held',
  'missed',
] as const;
export const appointmentStatusSchema = z.enum(appointmentStatusValues);
export type AppointmentStatus = z.infer<typeof appointmentStatusSchema>;
export const appointmentStatusLabels: Record<AppointmentStatus, Label> = {
  requested: { zh: '待代表确认', en: 'Awaiting the deputy' },
  proposed: { zh: '代表提议改期，待您确认', en: 'New time proposed' },
  accepted: { zh: '已确认', en: 'Confirmed' },
  declined: { zh: '代表未能接待', en: 'Declined' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
  held: { zh: '已见面', en: 'Held' },
  missed: { zh: '未到场', en: 'Missed' },
};

export const appointmentSchema = z.object({
  id: z.string(),
  trackingCode: z.string(),
  stationId: z.string(),
  stationName: z.string(),
  deputyId: z.string(),
  deputyName: z.string(),
  date: z.string(),
  startTime: z.string(),
  proposedDate: z.string().nullable(),
  proposedTime: z.string().nullable(),
  visitorName: z.string().nullable(),
  visitorContact: z.string(),
  matter: z.string(),
  status: appointmentStatusSchema,
  deputyNote: z.string().nullable(),
  receptionId: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  actions: z.array(actionAvailabilitySchema),
  timeline: z.array(timelineEventSchema),
});
export type Appointment = z.infer<typeof appointmentSchema>;
export const appointmentPageSchema = pageOf(appointmentSchema.omit({ actions: true, timeline: true }));

export const appointmentQuerySchema = pageQuerySchema.extend({
  view: z.enum(['all', 'mine']).default('all'),
  status: appointmentStatusSchema.optional(),
  stationId: idSchema.optional(),
  from: dateSchema.optional(),
});

export const slotSchema = z.object({
  receptionDayId: z.string(),
  date: z.string(),
  startTime: z.string(),
  stationName: z.string(),
  deputyCode: z.string(),
  deputyName: z.string(),
});
export type Slot = z.infer<typeof slotSchema>;

export const citizenAppointmentSchema = challengeAnswerSchema.extend({
  deputyCode: z.string().trim().min(4).max(20),
  receptionDayId: idSchema,
  startTime: timeSchema,
  name: z.string().trim().max(40).nullable().optional(),
  contact: contactSchema,
  matter: z.string().trim().min(citizenLimits.matterMin).max(1000),
});
export type CitizenAppointment = z.infer<typeof citizenAppointmentSchema>;

export const publicAppointmentSchema = z.object({
  trackingCode: z.string(),
  deputyName: z.string(),
  stationName: z.string(),
  stationAddress: z.string(),
  date: z.string(),
  startTime: z.string(),
  proposedDate: z.string().nullable(),
  proposedTime: z.string().nullable(),
  matter: z.string(),
  status: appointmentStatusSchema,
  statusLabel: z.string(),
  deputyNote: z.string().nullable(),
  /** What the citizen may do now: `confirm` a proposed time, `cancel`. */
  actions: z.array(z.string()),
});
export type PublicAppointment = z.infer<typeof publicAppointmentSchema>;

export const proposeInputSchema = z.object({
  date: dateSchema,
  startTime: timeSchema,
  note: z.string().trim().max(300).optional(),
});

// ── Deputy → agency head appointments (DBF art. 29) ─────────────────────────

export const agencyStatusValues = [
  'requested',
  'scheduled',
  'held',
  'follow_up',
  'closed',
  'withdrawn',
] as const;
export const agencyStatusSchema = z.enum(agencyStatusValues);
export type AgencyStatus = z.infer<typeof agencyStatusSchema>;
export const agencyStatusLabels: Record<AgencyStatus, Label> = {
  requested: { zh: '已申请', en: 'Requested' },
  scheduled: { zh: '已安排', en: 'Scheduled' },
  held: { zh: '已约见', en: 'Held' },
  follow_up: { zh: '跟踪落实', en: 'Follow-up' },
  closed: { zh: '已办结', en: 'Closed' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

export const agencyAppointmentSchema = z.object({
  id: z.string(),
  bodyId: z.string(),
  deputyId: z.string(),
  deputyName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  officialTitle: z.string(),
  officialName: z.string().nullable(),
  matter: z.string(),
  reasons: z.string(),
  status: agencyStatusSchema,
  scheduledOn: z.string().nullable(),
  scheduledTime: z.string().nullable(),
  place: z.string().nullable(),
  firstScheduledOn: z.string().nullable(),
  postponedCount: z.number().int(),
  postponeReason: z.string().nullable(),
  /** The latest date a postponement may move the meeting to (one month after the first date). */
  latestPostponeOn: z.string().nullable(),
  minutes: z.string().nullable(),
  heldOn: z.string().nullable(),
  followUp: z.string().nullable(),
  closingNote: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  actions: z.array(actionAvailabilitySchema),
  timeline: z.array(timelineEventSchema),
});
export type AgencyAppointment = z.infer<typeof agencyAppointmentSchema>;
export const agencyAppointmentPageSchema = pageOf(
  agencyAppointmentSchema.omit({ actions: true, timeline: true }),
);

export const agencyAppointmentQuerySchema = pageQuerySchema.extend({
  bodyId: idSchema.optional(),
  status: agencyStatusSchema.optional(),
  view: z.enum(['all', 'mine']).default('all'),
});

export const agencyAppointmentCreateSchema = z.object({
  bodyId: idSchema,
  unitId: idSchema,
  officialTitle: z.string().trim().min(2).max(40),
  officialName: z.string().trim().max(40).nullable().optional(),
  matter: z.string().trim().min(4).max(200),
  reasons: z.string().trim().min(10).max(2000),
});
export type AgencyAppointmentCreate = z.infer<typeof agencyAppointmentCreateSchema>;

export const agencyScheduleSchema = z.object({
  scheduledOn: dateSchema,
  scheduledTime: timeSchema,
  place: z.string().trim().min(2).max(100),
  officialName: z.string().trim().max(40).nullable().optional(),
});
export const agencyPostponeSchema = z.object({
  scheduledOn: dateSchema,
  scheduledTime: timeSchema,
  reason: z.string().trim().min(2).max(300),
});
