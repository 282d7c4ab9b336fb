import { z } from 'zod';
import { idSchema, optionalText, pageOf, pageQuerySchema } from './common.js';

/** 一府一委两院 and the rest: who handles a suggestion. */
export const unitKindValues = [
  'government_department',
  'supervision_commission',
  'court',
  'procuratorate',
  'other',
] as const;
export const unitKindSchema = z.enum(unitKindValues);
export type UnitKind = z.infer<typeof unitKindSchema>;
export const unitKindLabels: Record<UnitKind, { zh: string; en: string }> = {
  government_department: { zh: '政府部门', en: 'Government department' },
  supervision_commission: { zh: '监察委员会', en: 'Supervision commission' },
  court: { zh: '法院', en: 'Court' },
  procuratorate: { zh: '检察院', en: 'Procuratorate' },
  other: { zh: '其他', en: 'Other' },
};

/** The kind for a code or its Chinese label (spreadsheets carry 政府部门, not the code). */
export function unitKindFromText(text: string): UnitKind | undefined {
  const trimmed = text.trim();
  return unitKindValues.find((kind) => kind === trimmed || unitKindLabels[kind].zh === trimmed);
}

const unitNameSchema = z.string().trim().min(2).max(60);
const departmentNameSchema = z.string().trim().min(1).max(60);

export const unitSchema = z.object({
  id: z.string(),
  bodyId: z.string(),
  name: z.string(),
  kind: unitKindSchema,
  shortName: z.string().nullable(),
  /** Null for readers who only get the unit list (deputies). */
  contactPerson: z.string().nullable(),
  contactPhone: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Unit = z.infer<typeof unitSchema>;
export const unitPageSchema = pageOf(unitSchema);
export type UnitPage = z.infer<typeof unitPageSchema>;

export const unitCreateSchema = z.object({
  bodyId: idSchema,
  name: unitNameSchema,
  kind: unitKindSchema,
  shortName: optionalText(20),
  contactPerson: optionalText(40),
  contactPhone: optionalText(30),
  /** 内设科室 created with the unit. */
  departments: z.array(departmentNameSchema).max(100).optional(),
});
export type UnitCreate = z.infer<typeof unitCreateSchema>;

export const unitUpdateSchema = z.object({
  name: unitNameSchema.optional(),
  kind: unitKindSchema.optional(),
  shortName: optionalText(20),
  contactPerson: optionalText(40),
  contactPhone: optionalText(30),
});
export type UnitUpdate = z.infer<typeof unitUpdateSchema>;

export const unitQuerySchema = pageQuerySchema.extend({
  bodyId: idSchema.optional(),
  kind: unitKindSchema.optional(),
  q: z.string().trim().max(40).optional(),
  active: z.stringbool().optional(),
});
export type UnitQuery = z.infer<typeof unitQuerySchema>;

/**
 * One row of a bulk unit import (`UnitsService.createMany`): the body comes from the import, and
 * the kind may be given as its Chinese label.
 */
export const unitImportRowSchema = unitCreateSchema.omit({ bodyId: true }).extend({
  kind: z.preprocess(
    (value) => (typeof value === 'string' ? (unitKindFromText(value) ?? value) : value),
    unitKindSchema,
  ),
});
export type UnitImportRow = z.input<typeof unitImportRowSchema>;

export const unitDepartmentSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  name: z.string(),
  createdAt: z.string(),
});
export type UnitDepartment = z.infer<typeof unitDepartmentSchema>;

export const unitDepartmentInputSchema = z.object({ name: departmentNameSchema });
export type UnitDepartmentInput = z.infer<typeof unitDepartmentInputSchema>;

export const unitDepartmentParamsSchema = z.object({ id: idSchema, departmentId: idSchema });
