import { z } from 'zod';
import { optionalText, pageQuerySchema, pageOf } from './common.js';
import { roleGrantSchema, roleGrantViewSchema, roleSchema } from './roles.js';

export const userStatusSchema = z.enum(['active', 'disabled']);

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  status: userStatusSchema,
  phone: z.string().nullable(),
  email: z.string().nullable(),
  mustChangePassword: z.boolean(),
  totpEnabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  roles: z.array(roleGrantViewSchema),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;
export const userPageSchema = pageOf(userSchema);

const usernameSchema = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .regex(/^[A-Za-z0-9_.-]+$/, '用户名只能包含字母、数字、下划线、点和连字符');

export const userCreateSchema = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(40),
  /** Omit to have a password generated and shown once. */
  password: z.string().min(1).max(128).optional(),
  phone: optionalText(20),
  email: z.email().max(100).nullable().optional(),
  roles: z.array(roleGrantSchema).min(1).max(20),
  mustChangePassword: z.boolean().default(true),
});
export type UserCreate = z.infer<typeof userCreateSchema>;

export const userUpdateSchema = z.object({
  displayName: z.string().trim().min(1).max(40).optional(),
  phone: optionalText(20),
  email: z.email().max(100).nullable().optional(),
  status: userStatusSchema.optional(),
  roles: z.array(roleGrantSchema).min(1).max(20).optional(),
});
export type UserUpdate = z.infer<typeof userUpdateSchema>;

export const userQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(40).optional(),
  role: roleSchema.optional(),
  unitId: z.string().max(40).optional(),
  bodyId: z.string().max(40).optional(),
  status: userStatusSchema.optional(),
});

export const userCreatedSchema = userSchema.extend({
  /** Present when the password was generated: shown once. */
  initialPassword: z.string().nullable(),
});
export const passwordResetSchema = z.object({ temporaryPassword: z.string() });
