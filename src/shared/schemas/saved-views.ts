import { z } from 'zod';
import { idSchema } from './common.js';

/** Stored configs are small: a column layout, not data. */
export const savedViewConfigMaxBytes = 8 * 1024;

/** Which list a view belongs to, e.g. `suggestions`, `deputies`, `unit-inbox`. */
export const listKeySchema = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[a-z][a-z0-9_.-]*$/, '只能使用小写字母、数字和 . _ -');

const filterValue = z.union([z.string().max(500), z.number(), z.boolean(), z.null()]);

/** A list's layout: shown columns in order, filter values (as the list's query), sort and page size. */
export const savedViewConfigSchema = z
  .object({
    columns: z.array(z.string().trim().min(1).max(60)).max(100),
    filters: z.record(z.string().min(1).max(60), z.union([filterValue, z.array(filterValue).max(100)])),
    /** The list's `sort` query value, e.g. `newest` or `serial`. */
    sort: z.string().trim().min(1).max(60).optional(),
    pageSize: z.number().int().min(1).max(200).optional(),
  })
  // TextEncoder, not Buffer: the web app validates with the same schema in the browser.
  .refine((config) => new TextEncoder().encode(JSON.stringify(config)).length <= savedViewConfigMaxBytes, {
    message: '不能超过 8 KB',
    params: { en: 'must be at most 8 KB' },
  });
export type SavedViewConfig = z.infer<typeof savedViewConfigSchema>;

export const savedViewCreateSchema = z.object({
  listKey: listKeySchema,
  name: z.string().trim().min(1).max(40),
  config: savedViewConfigSchema,
});
export type SavedViewCreate = z.infer<typeof savedViewCreateSchema>;

export const savedViewSchema = z.object({
  id: z.string(),
  listKey: z.string(),
  name: z.string(),
  config: savedViewConfigSchema,
  createdAt: z.string(),
});
export type SavedView = z.infer<typeof savedViewSchema>;

export const savedViewQuerySchema = z.object({ listKey: listKeySchema });
export const savedViewListSchema = z.object({ items: z.array(savedViewSchema) });
export const savedViewParamsSchema = z.object({ id: idSchema });
