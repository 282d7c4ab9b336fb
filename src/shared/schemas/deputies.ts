import { z } from 'zod';
import { bodyLevelSchema, dateSchema, idSchema, optionalText, pageOf, pageQuerySchema } from './common.js';

export const genderValues = ['male', 'female'] as const;
export const genderSchema = z.enum(genderValues);
export type Gender = z.infer<typeof genderSchema>;
export const genderLabels: Record<Gender, { zh: string; en: string }> = {
  male: { zh: '男', en: 'Male' },
  female: { zh: '女', en: 'Female' },
};

/** The gender for a code or its Chinese label (spreadsheets carry 男/女). */
export function genderFromText(text: string): Gender | undefined {
  const trimmed = text.trim().toLowerCase();
  return genderValues.find((g) => g === trimmed || genderLabels[g].zh === trimmed);
}

export const seatStatusValues = ['active', 'terminated'] as const;
export const seatStatusSchema = z.enum(seatStatusValues);
export type SeatStatus = z.infer<typeof seatStatusSchema>;
export const seatStatusLabels: Record<SeatStatus, { zh: string; en: string }> = {
  active: { zh: '在任', en: 'Active' },
  terminated: { zh: '代表资格终止', en: 'Terminated' },
};

/** Mobile or landline: digits with the usual separators. */
export const phoneSchema = z
  .string()
  .trim()
  .max(20)
  .regex(/^[0-9+\-\s()]*$/, '只能包含数字、空格、+、- 和括号')
  .transform((value) => (value === '' ? null : value))
  .nullable()
  .optional();

const personNameSchema = z.string().trim().min(1).max(40);
const birthYearSchema = z.number().int().min(1900).max(2100);
const emailSchema = z.email().max(100).nullable().optional();

// ── Views ──────────────────────────────────────────────────────────────────

export const deputySeatSchema = z.object({
  id: z.string(),
  deputyId: z.string(),
  bodyId: z.string(),
  bodyName: z.string(),
  level: bodyLevelSchema,
  termId: z.string(),
  termNumber: z.number().int(),
  delegationId: z.string().nullable(),
  delegationName: z.string().nullable(),
  groupId: z.string().nullable(),
  groupName: z.string().nullable(),
  electoralDistrict: z.string().nullable(),
  status: seatStatusSchema,
  terminatedOn: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DeputySeat = z.infer<typeof deputySeatSchema>;

export const deputySchema = z.object({
  id: z.string(),
  userId: z.string().nullable(),
  name: z.string(),
  gender: genderSchema,
  ethnicity: z.string().nullable(),
  birthYear: z.number().int().nullable(),
  occupation: z.string().nullable(),
  /** Private contact: null unless the reader is the deputy or office staff of one of their bodies. */
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  /** Whether phone, email and address were disclosed to this reader (null then means "not given"). */
  contactsVisible: z.boolean(),
  hasPhoto: z.boolean(),
  seats: z.array(deputySeatSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Deputy = z.infer<typeof deputySchema>;
export const deputyPageSchema = pageOf(deputySchema);
export type DeputyPage = z.infer<typeof deputyPageSchema>;

// ── Inputs ─────────────────────────────────────────────────────────────────

export const seatCreateSchema = z.object({
  bodyId: idSchema,
  termId: idSchema,
  delegationId: idSchema.nullable().optional(),
  groupId: idSchema.nullable().optional(),
  electoralDistrict: optionalText(100),
});
export type SeatCreate = z.infer<typeof seatCreateSchema>;

export const seatUpdateSchema = z.object({
  delegationId: idSchema.nullable().optional(),
  groupId: idSchema.nullable().optional(),
  electoralDistrict: optionalText(100),
});
export type SeatUpdate = z.infer<typeof seatUpdateSchema>;

export const seatTerminateSchema = z.object({
  terminatedOn: dateSchema,
  reason: z.string().trim().min(2).max(500),
});
export type SeatTerminate = z.infer<typeof seatTerminateSchema>;

const personFields = {
  name: personNameSchema,
  gender: genderSchema,
  ethnicity: optionalText(20),
  birthYear: birthYearSchema.nullable().optional(),
  occupation: optionalText(100),
  phone: phoneSchema,
  email: emailSchema,
  address: optionalText(200),
  /** Links the deputy to a sign-in account (`deputy` role); null unlinks. */
  userId: idSchema.nullable().optional(),
};

/** A person and their first seat. */
export const deputyCreateSchema = z.object({ ...personFields, seat: seatCreateSchema });
export type DeputyCreate = z.infer<typeof deputyCreateSchema>;

export const deputyUpdateSchema = z.object({
  ...personFields,
  name: personNameSchema.optional(),
  gender: genderSchema.optional(),
});
export type DeputyUpdate = z.infer<typeof deputyUpdateSchema>;

/** Filters shared by the list and the export. */
export const deputyFilterSchema = z.object({
  bodyId: idSchema.optional(),
  /** With `bodyId`: also seats in the bodies below it (townships of a county). */
  includeLower: z.stringbool().default(false),
  level: bodyLevelSchema.optional(),
  termId: idSchema.optional(),
  delegationId: idSchema.optional(),
  groupId: idSchema.optional(),
  status: seatStatusSchema.optional(),
  q: z.string().trim().max(40).optional(),
});
export type DeputyFilter = z.infer<typeof deputyFilterSchema>;

export const deputyQuerySchema = pageQuerySchema.extend(deputyFilterSchema.shape);
export type DeputyQuery = z.infer<typeof deputyQuerySchema>;

export const deputySeatParamsSchema = z.object({ id: idSchema, seatId: idSchema });

/** Photos: what an upload may be, checked on the bytes. */
export const photoMimeTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const photoMaxBytes = 5 * 1024 * 1024;
