import { z } from 'zod';
import { pageOf, pageQuerySchema } from './common.js';

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  bodyId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export const auditPageSchema = pageOf(auditEntrySchema);

export const auditQuerySchema = pageQuerySchema.extend({
  actorId: z.string().max(40).optional(),
  action: z.string().max(80).optional(),
  targetType: z.string().max(40).optional(),
  targetId: z.string().max(40).optional(),
  from: z.string().max(30).optional(),
  to: z.string().max(30).optional(),
  q: z.string().trim().max(60).optional(),
});

export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  algorithm: z.enum(['sm3', 'sha256']),
  checked: z.number().int(),
  headSeq: z.number().int(),
  failure: z.object({ seq: z.number().int(), reason: z.string() }).optional(),
});
