import { z } from 'zod';
import { roleGrantViewSchema } from './roles.js';

export const loginSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
});

export const totpCodeSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, '验证码应为 6 位数字'),
});

export const passwordChangeSchema = z.object({
  currentPassword: z.string().min(1).max(128),
  newPassword: z.string().min(1).max(128),
});

/** Where a login stands: done, waiting for the second factor, or the second factor must be set up. */
export const sessionStageSchema = z.enum(['complete', 'totp_required', 'totp_setup_required']);
export type SessionStage = z.infer<typeof sessionStageSchema>;

export const meSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleGrantViewSchema),
  deputyId: z.string().nullable(),
  mustChangePassword: z.boolean(),
  totpEnabled: z.boolean(),
  stage: sessionStageSchema,
  csrfToken: z.string().nullable(),
  locale: z.string().nullable(),
  idleTimeoutMinutes: z.number().int(),
});
export type Me = z.infer<typeof meSchema>;

export const totpSetupSchema = z.object({ secret: z.string(), otpauthUrl: z.string() });

export const apiTokenCreateSchema = z.object({
  name: z.string().trim().min(1).max(60),
  expiresInDays: z.number().int().min(1).max(730).nullable().optional(),
});
export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const apiTokenCreatedSchema = apiTokenSchema.extend({
  /** Shown once: only its hash is kept. */
  token: z.string(),
});
