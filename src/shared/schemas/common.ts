import { z } from 'zod';

export const idSchema = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[0-9A-Za-z_-]+$/, '编号格式不正确');
export const idParamsSchema = z.object({ id: idSchema });

/** A calendar day, `YYYY-MM-DD`, that really exists. */
export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(
    (value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
    },
    { message: '日期不存在', params: { en: 'no such date' } },
  );

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const okSchema = z.object({ ok: z.literal(true) });

export const bodyLevelValues = ['national', 'province', 'city', 'county', 'township'] as const;
export const bodyLevelSchema = z.enum(bodyLevelValues);
export type BodyLevel = z.infer<typeof bodyLevelSchema>;
export const bodyLevelLabels: Record<BodyLevel, { zh: string; en: string }> = {
  national: { zh: '全国', en: 'National' },
  province: { zh: '省级', en: 'Province' },
  city: { zh: '市级', en: 'City' },
  county: { zh: '县级', en: 'County' },
  township: { zh: '乡镇级', en: 'Township' },
};

/** Optional trimmed text: empty string becomes null, so forms can clear a field. */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();
}

type WithoutDefault<T> = T extends z.ZodDefault<infer Inner> ? Inner : T;

/**
 * Every field optional and with its `.default()` removed: the shape of a partial update. (zod 4's
 * `.partial()` keeps inner defaults, so an update leaving a field out would reset it to the default.)
 */
export function partialWithoutDefaults<Shape extends z.ZodRawShape>(
  schema: z.ZodObject<Shape>,
): z.ZodObject<{ [K in keyof Shape]: z.ZodOptional<WithoutDefault<Shape[K]>> }> {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => [
      key,
      (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType)).optional(),
    ]),
  );
  return z.object(shape) as unknown as z.ZodObject<{
    [K in keyof Shape]: z.ZodOptional<WithoutDefault<Shape[K]>>;
  }>;
}
