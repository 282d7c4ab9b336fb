import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Attachment } from '../../../../shared/schemas/suggestion-files.js';
import { api, apiUrl } from '../../../api/client.js';
import { suggestionPath, suggestionsKey } from './suggestions.api.js';

const key = (id: string) => [suggestionsKey, 'attachments', id] as const;
const filesPath = (id: string) => `${suggestionPath(id)}/attachments`;

export function useAttachments(id: string | undefined) {
  return useQuery({
    queryKey: key(id ?? ''),
    queryFn: async () => (await api.get<{ items: Attachment[] }>(filesPath(id ?? ''))).items,
    enabled: id !== undefined,
  });
}

/** Where the browser downloads a file (the session cookie goes along). */
export const attachmentUrl = (id: string, fileId: string) =>
  apiUrl(`${filesPath(id)}/${encodeURIComponent(fileId)}`);

export function useUploadAttachment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => api.upload<Attachment>(filesPath(id), file),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key(id) }),
  });
}

export function useDeleteAttachment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fileId: string) =>
      api.delete<{ ok: true }>(`${filesPath(id)}/${encodeURIComponent(fileId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key(id) }),
  });
}
