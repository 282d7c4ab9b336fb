import { z } from 'zod';
import { idSchema } from './common.js';
import { suggestionExportQuerySchema } from './suggestion-files.js';
import { appraisalQuerySchema } from './appraisal.js';
import {
  annualReportQuerySchema,
  compilationQuerySchema,
  reportFormatSchema,
  unitReportQuerySchema,
} from './reports.js';

export const exportKindValues = [
  'suggestions_xlsx',
  'appraisal_xlsx',
  'annual_report',
  'compilation',
  'unit_report',
] as const;
export const exportKindSchema = z.enum(exportKindValues);
export type ExportKind = z.infer<typeof exportKindSchema>;

export const exportKindLabels: Record<ExportKind, { zh: string; en: string }> = {
  suggestions_xlsx: { zh: '建议列表（Excel）', en: 'Suggestion list (Excel)' },
  appraisal_xlsx: { zh: '承办单位考评（Excel）', en: 'Unit appraisal (Excel)' },
  annual_report: { zh: '年度建议办理情况报告', en: 'Annual handling report' },
  compilation: { zh: '代表建议及答复汇编', en: 'Compilation of suggestions and replies' },
  unit_report: { zh: '承办单位办理情况报告', en: 'Unit handling report' },
};

/** What to export: the kind and its parameters (the same as the matching download's query). */
export const exportRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('suggestions_xlsx'), params: suggestionExportQuerySchema }),
  z.object({ kind: z.literal('appraisal_xlsx'), params: appraisalQuerySchema }),
  z.object({
    kind: z.literal('annual_report'),
    params: annualReportQuerySchema.extend({ format: reportFormatSchema }),
  }),
  z.object({
    kind: z.literal('compilation'),
    params: compilationQuerySchema.extend({ format: reportFormatSchema }),
  }),
  z.object({
    kind: z.literal('unit_report'),
    params: unitReportQuerySchema.extend({ unitId: idSchema, format: reportFormatSchema }),
  }),
]);
export type ExportRequest = z.output<typeof exportRequestSchema>;
export type ExportRequestInput = z.input<typeof exportRequestSchema>;

export const exportStatusValues = ['queued', 'running', 'done', 'failed'] as const;
export const exportStatusSchema = z.enum(exportStatusValues);
export type ExportStatus = z.infer<typeof exportStatusSchema>;
export const exportStatusLabels: Record<ExportStatus, { zh: string; en: string }> = {
  queued: { zh: '排队中', en: 'Queued' },
  running: { zh: '生成中', en: 'Running' },
  done: { zh: '已完成', en: 'Done' },
  failed: { zh: '失败', en: 'Failed' },
};

export const exportViewSchema = z.object({
  id: z.string(),
  kind: exportKindSchema,
  kindLabel: z.string(),
  status: exportStatusSchema,
  /** 0-100. */
  progress: z.number().int(),
  error: z.string().nullable(),
  fileName: z.string().nullable(),
  sizeBytes: z.number().int().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** Set once done. */
  downloadUrl: z.string().nullable(),
});
export type ExportView = z.infer<typeof exportViewSchema>;
export const exportListSchema = z.object({ items: z.array(exportViewSchema) });
export const exportIdParamsSchema = z.object({ id: idSchema });
