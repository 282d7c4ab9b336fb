import { z } from 'zod';
import { bodyLevelSchema, idSchema, optionalText } from './common.js';
import { ruleProfileSchema } from './settings.js';

export const bodySchema = z.object({
  id: z.string(),
  name: z.string(),
  level: bodyLevelSchema,
  parentId: z.string().nullable(),
  path: z.string(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Body = z.infer<typeof bodySchema>;

export const bodyCreateSchema = z.object({
  name: z.string().trim().min(2).max(60),
  level: bodyLevelSchema,
  parentId: idSchema.nullable(),
  regionCode: optionalText(12),
  regionName: optionalText(60),
});
export type BodyCreate = z.infer<typeof bodyCreateSchema>;

export const bodyUpdateSchema = z.object({
  name: z.string().trim().min(2).max(60).optional(),
  regionCode: optionalText(12),
  regionName: optionalText(60),
});
export type BodyUpdate = z.infer<typeof bodyUpdateSchema>;

export const ruleProfileViewSchema = z.object({
  bodyId: z.string(),
  /** Where the effective settings come from: this body, an ancestor, or the built-in defaults. */
  source: z.enum(['own', 'inherited', 'default']),
  sourceBodyId: z.string().nullable(),
  settings: ruleProfileSchema,
});
export type RuleProfileView = z.infer<typeof ruleProfileViewSchema>;
