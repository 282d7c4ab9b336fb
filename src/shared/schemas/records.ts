import { z } from 'zod';
import { dateSchema, idSchema, pageOf, pageQuerySchema } from './common.js';
import { assignmentRoleSchema } from './suggestions.js';
import { contactMethodSchema, contactStageSchema, ratingValueSchema } from './handling.js';

/** The handling record (全程纪实表): signed in order by the deputy, the unit leader, the government leader. */
export const recordStatusValues = ['open', 'deputy_signed', 'unit_signed', 'complete', 'returned'] as const;
export const recordStatusSchema = z.enum(recordStatusValues);
export type RecordStatus = z.infer<typeof recordStatusSchema>;
export const recordStatusLabels: Record<RecordStatus, { zh: string; en: string }> = {
  open: { zh: '待领衔代表签字', en: 'Awaiting the lead deputy' },
  deputy_signed: { zh: '待承办单位负责人签字', en: "Awaiting the lead unit's leader" },
  unit_signed: { zh: '待政府分管领导签字', en: 'Awaiting the government leader in charge' },
  complete: { zh: '签字完成', en: 'Signed' },
  returned: { zh: '已退回重新办理', en: 'Returned for re-handling' },
};

export const recordStepValues = ['deputy', 'unit_leader', 'government_leader'] as const;
export const recordStepSchema = z.enum(recordStepValues);
export type RecordStep = z.infer<typeof recordStepSchema>;
export const recordStepLabels: Record<RecordStep, { zh: string; en: string }> = {
  deputy: { zh: '领衔代表', en: 'Lead deputy' },
  unit_leader: { zh: '承办单位负责人', en: "Lead unit's leader" },
  government_leader: { zh: '政府分管领导', en: 'Government leader in charge' },
};

export const recordSignInputSchema = z.object({
  note: z.string().trim().max(500).optional(),
});
export const recordReturnInputSchema = z.object({
  dueOn: dateSchema,
  reason: z.string().trim().min(5).max(1000),
});
export const recordReopenInputSchema = z.object({
  note: z.string().trim().max(500).optional(),
});

const labelled = z.object({ zh: z.string(), en: z.string() });

export const handlingRecordSchema = z.object({
  suggestionId: z.string(),
  bodyId: z.string(),
  bodyName: z.string(),
  serialLabel: z.string().nullable(),
  title: z.string(),
  sessionName: z.string().nullable(),
  categoryName: z.string().nullable(),
  leadDeputyName: z.string(),
  coSignerNames: z.array(z.string()),
  suggestionStatus: z.string(),
  handlingEnded: z.boolean(),
  closedAt: z.string().nullable(),
  closeReason: z.string().nullable(),
  status: recordStatusSchema,
  statusLabel: labelled,
  cycle: z.number().int(),
  version: z.number().int(),
  units: z.array(
    z.object({
      unitName: z.string(),
      role: assignmentRoleSchema,
      status: z.string(),
      assignedOn: z.string(),
      replyDueOn: z.string(),
      receivedAt: z.string().nullable(),
      handlerName: z.string().nullable(),
      plan: z.string().nullable(),
      plannedFinishOn: z.string().nullable(),
      extension: z.string().nullable(),
      repliedAt: z.string().nullable(),
    }),
  ),
  contacts: z.array(
    z.object({
      unitName: z.string(),
      stage: contactStageSchema,
      method: contactMethodSchema,
      contactOn: z.string(),
      participants: z.string(),
      summary: z.string(),
    }),
  ),
  opinions: z.array(
    z.object({
      unitName: z.string(),
      opinion: z.string().nullable(),
      opinionAt: z.string().nullable(),
      lapsed: z.boolean(),
    }),
  ),
  replies: z.array(
    z.object({
      id: z.string(),
      round: z.number().int(),
      unitName: z.string(),
      documentNo: z.string(),
      outcomeClass: z.string(),
      outcomeLabel: z.string(),
      faceToFace: z.boolean(),
      sentAt: z.string().nullable(),
      signoffs: z.array(z.object({ stepName: z.string(), userName: z.string(), signedAt: z.string() })),
    }),
  ),
  ratings: z.array(
    z.object({
      round: z.number().int(),
      deputyName: z.string(),
      isLead: z.boolean(),
      attitude: ratingValueSchema,
      result: ratingValueSchema,
      reason: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  ratingsHidden: z.boolean(),
  signatures: z.array(
    z.object({
      step: recordStepSchema,
      stepName: z.string(),
      signed: z.boolean(),
      userName: z.string().nullable(),
      unitName: z.string().nullable(),
      note: z.string().nullable(),
      signedAt: z.string().nullable(),
    }),
  ),
  returns: z.array(
    z.object({
      cycle: z.number().int(),
      reason: z.string(),
      dueOn: z.string(),
      returnedByName: z.string(),
      returnedAt: z.string(),
    }),
  ),
  allowedActions: z.array(z.string()),
  actions: z.array(
    z.object({
      action: z.string(),
      label: z.string(),
      allowed: z.boolean(),
      reason: z.string().nullable(),
    }),
  ),
});
export type HandlingRecord = z.infer<typeof handlingRecordSchema>;

export const recordListQuerySchema = pageQuerySchema.extend({
  bodyId: idSchema,
  /** Only records still missing a signature (appraisal: 签字不全). */
  missing: z.stringbool().default(false),
});
export type RecordListQuery = z.infer<typeof recordListQuerySchema>;

export const recordListItemSchema = z.object({
  suggestionId: z.string(),
  bodyId: z.string(),
  serialLabel: z.string().nullable(),
  title: z.string(),
  leadDeputyName: z.string(),
  leadUnitNames: z.array(z.string()),
  closedAt: z.string().nullable(),
  status: recordStatusSchema,
  statusLabel: labelled,
  missingSteps: z.array(z.object({ step: recordStepSchema, stepName: z.string() })),
  returnDueOn: z.string().nullable(),
});
export const recordListSchema = pageOf(recordListItemSchema);
export type RecordListItem = z.infer<typeof recordListItemSchema>;
