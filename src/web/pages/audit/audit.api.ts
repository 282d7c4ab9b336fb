import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  auditPageSchema,
  auditQuerySchema,
  auditVerificationSchema,
} from '../../../shared/schemas/audit.js';
import { api } from '../../api/client.js';

export type AuditQuery = Partial<z.infer<typeof auditQuerySchema>>;
export type AuditPage = z.infer<typeof auditPageSchema>;
export type AuditVerification = z.infer<typeof auditVerificationSchema>;

export function useAuditEntries(query: AuditQuery) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: () => api.get<AuditPage>('/audit', query),
    placeholderData: keepPreviousData,
  });
}

/** Walks the whole SM3 chain on the server; run on demand, never cached. */
export function useVerifyAuditChain() {
  return useMutation({ mutationFn: () => api.get<AuditVerification>('/audit/verify') });
}
