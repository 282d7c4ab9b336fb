import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Body as CongressBody, BodyCreate, BodyUpdate } from '../../../shared/schemas/bodies.js';
import type { Me } from '../../../shared/schemas/auth.js';
import type { Role } from '../../../shared/role-labels.js';
import { api } from '../../api/client.js';

export const bodiesQueryKey = ['bodies'] as const;

/** All congress bodies (the structure is not secret), ordered as a tree by path. */
export function useBodies() {
  return useQuery({ queryKey: bodiesQueryKey, queryFn: () => api.get<CongressBody[]>('/bodies') });
}

export function useCreateBody() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BodyCreate) => api.post<CongressBody>('/bodies', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: bodiesQueryKey }),
  });
}

export function useUpdateBody() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: BodyUpdate }) =>
      api.patch<CongressBody>(`/bodies/${encodeURIComponent(id)}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: bodiesQueryKey }),
  });
}

export interface BodyNode extends CongressBody {
  children?: BodyNode[];
}

/** Nests the flat list by `parentId`; a body whose parent is missing becomes a root. */
export function bodyTree(bodies: readonly CongressBody[]): BodyNode[] {
  const nodes = new Map<string, BodyNode>(bodies.map((body) => [body.id, { ...body }]));
  const roots: BodyNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

/** Whether the user holds one of the roles in this body or an ancestor (as the server checks). */
export function coversBody(me: Me, roles: readonly Role[], body: CongressBody): boolean {
  return me.roles.some((grant) => roles.includes(grant.role) && body.path.includes(`/${grant.bodyId}/`));
}

/**
 * Whether the user holds one of the roles at a top-level body: what deployment-wide settings
 * (security policy, working-day calendar) require on the server.
 */
export function useHoldsRoleAtTop(me: Me | null, roles: readonly Role[]): boolean {
  const bodies = useBodies();
  if (!me) return false;
  const roots = new Set((bodies.data ?? []).filter((body) => body.parentId === null).map((body) => body.id));
  return me.roles.some((grant) => roles.includes(grant.role) && roots.has(grant.bodyId));
}
