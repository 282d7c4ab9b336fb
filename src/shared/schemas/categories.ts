import { z } from 'zod';
import { idSchema } from './common.js';

export const categoryUnitSchema = z.object({ unitId: idSchema, role: z.enum(['lead', 'co']) });

export const categorySchema = z.object({
  id: z.string(),
  bodyId: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  sortOrder: z.number().int(),
  /** Units usually handling this category: suggested on the assignment workbench. */
  units: z.array(categoryUnitSchema),
});
export type Category = z.infer<typeof categorySchema>;

export const categoryCreateSchema = z.object({
  bodyId: idSchema,
  parentId: idSchema.nullable().optional(),
  name: z.string().trim().min(1).max(30),
  sortOrder: z.number().int().min(0).max(9999).default(0),
  units: z.array(categoryUnitSchema).max(10).default([]),
});
export const categoryUpdateSchema = z.object({
  name: z.string().trim().min(1).max(30).optional(),
  sortOrder: z.number().int().min(0).max(9999).optional(),
  units: z.array(categoryUnitSchema).max(10).optional(),
});
