import { z } from 'zod';
import { idSchema, pageOf, pageQuerySchema } from './common.js';
import { suggestionStatusSchema } from './suggestions.js';
import type { CountKey, RateKey } from '../stats-definitions.js';
import {
  averageDaysDefinition,
  countDefinitions,
  countKeys,
  definitionText,
  rateDefinitions,
  rateKeys,
} from '../stats-definitions.js';

export const groupByValues = [
  'none',
  'session',
  'year',
  'body',
  'unit',
  'category',
  'delegation',
  'deputy',
] as const;
export const groupBySchema = z.enum(groupByValues);
export type GroupBy = z.infer<typeof groupBySchema>;
export const groupByLabels: Record<GroupBy, { zh: string; en: string }> = {
  none: { zh: '合计', en: 'Total' },
  session: { zh: '按会次', en: 'By session' },
  year: { zh: '按年度', en: 'By year' },
  body: { zh: '按人大（含下级）', en: 'By congress (with lower levels)' },
  unit: { zh: '按承办单位', en: 'By unit' },
  category: { zh: '按类别', en: 'By category' },
  delegation: { zh: '按代表团', en: 'By delegation' },
  deputy: { zh: '按领衔代表', en: 'By lead deputy' },
};

/** Which items the indicators count, and how the rows are grouped. */
export const indicatorQuerySchema = z.object({
  bodyId: idSchema.describe('人大机关；默认含其下级人大'),
  includeLowerLevels: z.stringbool().default(true).describe('是否把下级人大（按机关路径）汇总进来'),
  sessionId: idSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('交办年度（北京时间）'),
  unitId: idSchema.optional().describe('只统计该承办单位（主办、分办）办理的件'),
  categoryId: idSchema.optional(),
  delegationId: idSchema.optional().describe('领衔代表所在代表团'),
  deputyId: idSchema.optional().describe('领衔代表'),
  groupBy: groupBySchema.default('none'),
});
export type IndicatorQuery = z.infer<typeof indicatorQuerySchema>;
export type IndicatorQueryInput = z.input<typeof indicatorQuerySchema>;

const countField = (key: CountKey) => z.number().int().describe(definitionText(countDefinitions[key]));

export const indicatorCountsSchema = z.object(
  Object.fromEntries(countKeys.map((key) => [key, countField(key)])) as Record<
    CountKey,
    ReturnType<typeof countField>
  >,
);
export type IndicatorCounts = z.infer<typeof indicatorCountsSchema>;

/** One rate: numerator ÷ denominator in percent, one decimal; null when the denominator is 0. */
export const rateSchema = z.object({
  numerator: z.number().int(),
  denominator: z.number().int(),
  value: z.number().nullable(),
});
export type Rate = z.infer<typeof rateSchema>;

const rateField = (key: RateKey) => rateSchema.describe(definitionText(rateDefinitions[key]));

export const indicatorRatesSchema = z.object(
  Object.fromEntries(rateKeys.map((key) => [key, rateField(key)])) as Record<
    RateKey,
    ReturnType<typeof rateField>
  >,
);
export type IndicatorRates = z.infer<typeof indicatorRatesSchema>;

/** Every indicator of DOMAIN.md §5 for one cell, with the counts they divide. */
export const indicatorSetSchema = z.object({
  rates: indicatorRatesSchema,
  counts: indicatorCountsSchema,
  averageDaysToReply: z.number().nullable().describe(definitionText(averageDaysDefinition)),
});
export type IndicatorSet = z.infer<typeof indicatorSetSchema>;

export const indicatorRowSchema = z.object({
  /** The group's id (session, unit, …) or the year as text; `total` for the totals row. */
  key: z.string(),
  label: z.string(),
  indicators: indicatorSetSchema,
});
export type IndicatorRow = z.infer<typeof indicatorRowSchema>;

export const indicatorTableSchema = z.object({
  groupBy: groupBySchema,
  /** Day the time-dependent counts (overdue, warnings) were taken, Asia/Shanghai. */
  asOf: z.string(),
  rows: z.array(indicatorRowSchema),
  totals: indicatorRowSchema,
  /**
   * For a unit user grouping by unit: the average over all units of the scope (rates of the
   * summed counts), without any other unit's name or figure.
   */
  unitAverage: indicatorSetSchema.nullable(),
});
export type IndicatorTable = z.infer<typeof indicatorTableSchema>;

export const drillIndicatorValues = [...rateKeys, 'overdue', 'warnings', 'noFeedback', 'withdrawn'] as const;
export const drillQuerySchema = indicatorQuerySchema.extend({
  ...pageQuerySchema.shape,
  indicator: z.enum(drillIndicatorValues),
  part: z.enum(['numerator', 'denominator']).default('numerator'),
  /** The row clicked (its key), within the grouping of `groupBy`; omitted for the totals row. */
  rowKey: z.string().max(300).optional(),
});
export type DrillQuery = z.infer<typeof drillQuerySchema>;

export const drillItemSchema = z.object({
  id: z.string(),
  serialLabel: z.string().nullable(),
  title: z.string(),
  status: suggestionStatusSchema,
  bodyName: z.string(),
  leadDeputyName: z.string(),
  unitNames: z.array(z.string()),
  assignedOn: z.string().nullable(),
  repliedOn: z.string().nullable(),
  dueOn: z.string().nullable(),
});
export type DrillItem = z.infer<typeof drillItemSchema>;
export const drillPageSchema = pageOf(drillItemSchema);
export type DrillPage = z.infer<typeof drillPageSchema>;

/** Dashboards: a body (with lower levels) and optionally a year (default: this year). */
export const dashboardQuerySchema = z.object({
  bodyId: idSchema,
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

export const pipelineStageSchema = z.object({
  status: suggestionStatusSchema,
  label: z.string(),
  count: z.number().int(),
});

export const deadlineHeatSchema = z.object({
  dueThisWeek: z.number().int().describe('未来 7 天内（含今天）到期仍未答复的件数'),
  overdue: z.number().int(),
  warnings: z.number().int(),
  /** Units with something due this week or overdue, most overdue first. */
  byUnit: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      dueThisWeek: z.number().int(),
      overdue: z.number().int(),
    }),
  ),
});

export const officeDashboardSchema = z.object({
  bodyId: z.string(),
  bodyName: z.string(),
  year: z.number().int(),
  asOf: z.string(),
  pipeline: z.array(pipelineStageSchema),
  deadlines: deadlineHeatSchema,
  thisYear: indicatorSetSchema,
  lastYear: indicatorSetSchema,
  /** Units by on-time rate, then satisfaction (items assigned in the year). */
  unitsRanked: z.array(indicatorRowSchema),
});
export type OfficeDashboard = z.infer<typeof officeDashboardSchema>;

export const keySuggestionRowSchema = z.object({
  suggestionId: z.string(),
  serialLabel: z.string().nullable(),
  title: z.string(),
  stage: z.string(),
  stageLabel: z.string(),
  units: z.array(z.string()),
  daysLeft: z.number().int().nullable(),
  overdue: z.boolean(),
  warnings: z.array(z.string()),
});

export const leaderDashboardSchema = z.object({
  bodyId: z.string(),
  bodyName: z.string(),
  year: z.number().int(),
  asOf: z.string(),
  keySuggestions: z.array(keySuggestionRowSchema),
  thisYear: indicatorSetSchema,
  deadlines: deadlineHeatSchema,
});
export type LeaderDashboard = z.infer<typeof leaderDashboardSchema>;

export const unitDashboardQuerySchema = z.object({
  unitId: idSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const unitDashboardSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  bodyId: z.string(),
  year: z.number().int(),
  asOf: z.string(),
  own: indicatorSetSchema,
  /** All units of the body pooled: no other unit's name or figure. */
  average: indicatorSetSchema,
  dueThisWeek: z.number().int(),
});
export type UnitDashboard = z.infer<typeof unitDashboardSchema>;

/** What a body publishes on the portal. */
export const publicationInputSchema = z.object({
  indicators: z.array(z.enum(rateKeys)).max(rateKeys.length),
});
export const publicationSchema = publicationInputSchema.extend({
  bodyId: z.string(),
  updatedAt: z.string().nullable(),
});
export type Publication = z.infer<typeof publicationSchema>;

export const publicStatsQuerySchema = z.object({
  bodyId: idSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const publicIndicatorSchema = z.object({
  key: z.enum(rateKeys),
  label: z.string(),
  definition: z.string(),
  numerator: z.number().int(),
  denominator: z.number().int(),
  value: z.number().nullable(),
});
export const publicStatsSchema = z.object({
  bodies: z.array(
    z.object({
      bodyId: z.string(),
      bodyName: z.string(),
      asOf: z.string(),
      /** Disclosed items assigned (withdrawn left out). */
      total: z.number().int(),
      indicators: z.array(publicIndicatorSchema),
      byYear: z.array(z.object({ year: z.number().int(), indicators: z.array(publicIndicatorSchema) })),
    }),
  ),
});
export type PublicStats = z.infer<typeof publicStatsSchema>;
