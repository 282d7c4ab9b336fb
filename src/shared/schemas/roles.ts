import { z } from 'zod';
import { roleValues } from '../role-labels.js';

export { roleLabels, roleValues, staffRoles, unitRoles } from '../role-labels.js';
export type { Role } from '../role-labels.js';

export const roleSchema = z.enum(roleValues);

export const roleGrantSchema = z.object({
  role: roleSchema,
  bodyId: z.string().min(1).max(40),
  unitId: z.string().min(1).max(40).nullable().optional(),
  committeeId: z.string().min(1).max(40).nullable().optional(),
});
export type RoleGrantInput = z.infer<typeof roleGrantSchema>;

export const roleGrantViewSchema = z.object({
  id: z.string(),
  role: roleSchema,
  bodyId: z.string(),
  bodyName: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  committeeId: z.string().nullable(),
});
export type RoleGrantView = z.infer<typeof roleGrantViewSchema>;
