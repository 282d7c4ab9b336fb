import { z } from 'zod';
import { dateSchema, optionalText } from './common.js';
import { periodSchema } from './settings.js';

/** Years the calendar accepts as input; outside them deadlines are not meaningful here. */
export const calendarYears = { min: 1900, max: 2999 } as const;
export const calendarYearSchema = z.coerce.number().int().min(calendarYears.min).max(calendarYears.max);

/** What an administrator may declare a day to be, overriding the official arrangement. */
export const calendarOverrideKindSchema = z.enum(['workday', 'holiday']);
export type CalendarOverrideKind = z.infer<typeof calendarOverrideKindSchema>;

export const calendarOverrideSchema = z.object({
  date: z.string(),
  kind: calendarOverrideKindSchema,
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type CalendarOverride = z.infer<typeof calendarOverrideSchema>;

export const calendarOverrideInputSchema = z.object({
  kind: calendarOverrideKindSchema,
  note: optionalText(200),
});
export type CalendarOverrideInput = z.infer<typeof calendarOverrideInputSchema>;

export const calendarDateParamsSchema = z.object({ date: dateSchema });

export const calendarOverrideListQuerySchema = z.object({
  /** Omitted: every override. */
  year: calendarYearSchema.optional(),
});

/** How a day counts: a working weekday, a weekend, a holiday, or a rest day made working. */
export const calendarDayKindSchema = z.enum(['workday', 'weekend', 'holiday', 'makeup_workday']);
export type CalendarDayKind = z.infer<typeof calendarDayKindSchema>;

export const calendarDaySchema = z.object({
  date: z.string(),
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: z.number().int().min(1).max(7),
  working: z.boolean(),
  /** The effective kind, overrides applied (`working` is true exactly for the two working kinds). */
  kind: calendarDayKindSchema,
  /** The festival from the official data (for a make-up day, the festival it makes up for). */
  holidayName: z.string().nullable(),
  override: calendarOverrideSchema.nullable(),
});
export type CalendarDay = z.infer<typeof calendarDaySchema>;

export const calendarMonthQuerySchema = z.object({
  year: calendarYearSchema,
  month: z.coerce.number().int().min(1).max(12),
});

export const calendarMonthSchema = z.object({
  year: z.number().int(),
  month: z.number().int(),
  /** False when the official holiday data does not cover the year: only weekends are rest days. */
  officialData: z.boolean(),
  days: z.array(calendarDaySchema),
});
export type CalendarMonth = z.infer<typeof calendarMonthSchema>;

/** A computed legal deadline (Civil Code arts. 201-203). */
export const dueDateSchema = z.object({
  /** The last day of the period, moved off rest days. */
  due: z.string(),
  /** The last day of the period before the rest-day rule. */
  nominal: z.string(),
  movedForRestDay: z.boolean(),
  /** False when some year counted has no official holiday data (weekends only: provisional). */
  officialData: z.boolean(),
});
export type DueDate = z.infer<typeof dueDateSchema>;

export const deadlineSchema = dueDateSchema.extend({
  from: z.string(),
  period: periodSchema,
  /** How it was counted, in one Chinese sentence. */
  rule: z.string(),
});
export type Deadline = z.infer<typeof deadlineSchema>;

const countSchema = z.coerce.number().int().min(1).max(365);
const countFields = ['months', 'workingDays', 'days'] as const;

/** `from` and exactly one of `months`, `workingDays`, `days`. */
export const deadlineQuerySchema = z
  .object({
    from: dateSchema,
    months: countSchema.optional(),
    workingDays: countSchema.optional(),
    days: countSchema.optional(),
  })
  .superRefine((query, ctx) => {
    const given = countFields.filter((field) => query[field] !== undefined).length;
    if (given === 1) return;
    ctx.addIssue({
      code: 'custom',
      path: [],
      message:
        given === 0
          ? '请提供期限：「月数」(months)、「工作日数」(workingDays) 或「天数」(days) 中的一项'
          : '「月数」(months)、「工作日数」(workingDays)、「天数」(days) 只能提供其中一项',
      params: {
        en:
          given === 0
            ? 'give the period: one of "months", "workingDays" or "days"'
            : 'give only one of "months", "workingDays" and "days"',
      },
    });
  });
export type DeadlineQuery = z.infer<typeof deadlineQuerySchema>;
