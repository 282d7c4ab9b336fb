import { z } from 'zod';
import { dateSchema } from './common.js';

export const contactStageSchema = z.enum(['before', 'during', 'after']);
export const contactStageLabels = {
  before: { zh: '办前', en: 'Before' },
  during: { zh: '办中', en: 'During' },
  after: { zh: '办后', en: 'After' },
} as const;
export const contactMethodSchema = z.enum(['face_to_face', 'phone', 'meeting', 'site_visit']);
export const contactMethodLabels = {
  face_to_face: { zh: '当面沟通', en: 'Face to face' },
  phone: { zh: '电话沟通', en: 'Phone' },
  meeting: { zh: '座谈会', en: 'Meeting' },
  site_visit: { zh: '现场察看', en: 'Site visit' },
} as const;
/** Contacts that count for 面商率 (face-to-face rate). */
export const faceToFaceMethods = ['face_to_face', 'meeting', 'site_visit'] as const;

export const planSchema = z.object({
  handlerName: z.string().trim().min(1).max(40),
  handlerPhone: z.string().trim().min(5).max(20),
  plan: z.string().trim().min(5).max(2000),
  plannedFinishOn: dateSchema,
});

export const contactInputSchema = z.object({
  stage: contactStageSchema,
  method: contactMethodSchema,
  contactOn: dateSchema,
  participants: z.string().trim().min(1).max(200),
  summary: z.string().trim().min(5).max(2000),
});
export const contactSchema = contactInputSchema.extend({
  id: z.string(),
  assignmentId: z.string(),
  unitName: z.string(),
  createdAt: z.string(),
});

export const ratingValueSchema = z.enum(['satisfied', 'basically_satisfied', 'unsatisfied']);
export const ratingValueLabels = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basically_satisfied: { zh: '基本满意', en: 'Basically satisfied' },
  unsatisfied: { zh: '不满意', en: 'Unsatisfied' },
} as const;

export const ratingInputSchema = z
  .object({
    attitude: ratingValueSchema,
    result: ratingValueSchema,
    reason: z.string().trim().max(1000).optional(),
  })
  .refine(
    (r) => (r.attitude !== 'unsatisfied' && r.result !== 'unsatisfied') || (r.reason ?? '').length >= 5,
    {
      message: '评价为不满意时须填写理由（至少 5 个字）',
      params: { en: 'an unsatisfied rating needs a reason (at least 5 characters)' },
      path: ['reason'],
    },
  );
export type RatingInput = z.infer<typeof ratingInputSchema>;

export const ratingSchema = z.object({
  round: z.number().int(),
  deputyName: z.string(),
  isLead: z.boolean(),
  attitude: ratingValueSchema,
  result: ratingValueSchema,
  reason: z.string().nullable(),
  createdAt: z.string(),
});

export const replyDraftSchema = z.object({
  outcomeClass: z.string().trim().min(1).max(8),
  documentNo: z.string().trim().min(2).max(60),
  body: z.string().trim().min(20).max(20000),
  faceToFace: z.boolean().default(false),
});
export type ReplyDraft = z.infer<typeof replyDraftSchema>;

export const replySchema = z.object({
  id: z.string(),
  assignmentId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  round: z.number().int(),
  outcomeClass: z.string(),
  outcomeLabel: z.string(),
  documentNo: z.string(),
  body: z.string(),
  faceToFace: z.boolean(),
  status: z.enum(['draft', 'signing', 'sent']),
  signStep: z.number().int(),
  nextStepName: z.string().nullable(),
  signoffs: z.array(
    z.object({ step: z.number().int(), stepName: z.string(), userName: z.string(), signedAt: z.string() }),
  ),
  sentAt: z.string().nullable(),
  version: z.number().int(),
});
export type Reply = z.infer<typeof replySchema>;

export const extensionInputSchema = z.object({
  newDueOn: dateSchema,
  reason: z.string().trim().min(5).max(1000),
});
