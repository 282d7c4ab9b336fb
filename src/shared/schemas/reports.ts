import { z } from 'zod';
import { idSchema } from './common.js';

export const reportFormatValues = ['docx', 'pdf'] as const;
export const reportFormatSchema = z.enum(reportFormatValues);
export type ReportFormat = z.infer<typeof reportFormatSchema>;

/** The annual handling report of a body (with its lower levels) for the standing committee. */
export const annualReportQuerySchema = z.object({
  bodyId: idSchema,
  year: z.coerce.number().int().min(2000).max(2100),
});
export type AnnualReportQuery = z.infer<typeof annualReportQuerySchema>;

/** The compilation (汇编) of a session's suggestions with their replies. */
export const compilationQuerySchema = z.object({ sessionId: idSchema });
export type CompilationQuery = z.infer<typeof compilationQuerySchema>;

/** A unit's handling report: a session, or a year (the current one when neither). */
export const unitReportQuerySchema = z.object({
  sessionId: idSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type UnitReportQuery = z.infer<typeof unitReportQuerySchema>;
export const unitReportParamsSchema = z.object({ unitId: idSchema });
