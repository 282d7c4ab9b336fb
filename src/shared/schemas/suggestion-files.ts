/** Files around suggestions: the xlsx export of a list and the attachments of an item. */
import { z } from 'zod';
import { idSchema } from './common.js';
import { suggestionQuerySchema } from './suggestions.js';

/** The list's filters without paging: the export holds every matching item. */
export const suggestionExportQuerySchema = suggestionQuerySchema.omit({ page: true, pageSize: true });
export type SuggestionExportQuery = z.infer<typeof suggestionExportQuerySchema>;

export const attachmentMaxBytes = 20 * 1024 * 1024;
export const attachmentsPerSuggestion = 10;

export const attachmentSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;
export const attachmentListSchema = z.object({ items: z.array(attachmentSchema) });
export const attachmentParamsSchema = z.object({ id: idSchema, fileId: idSchema });
