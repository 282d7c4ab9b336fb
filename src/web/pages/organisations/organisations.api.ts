import type { z } from 'zod';
import type {
  CongressSession,
  congressSessionCreateSchema,
  congressSessionUpdateSchema,
  Delegation,
  delegationCreateSchema,
  delegationUpdateSchema,
  DeputyGroup,
  deputyGroupCreateSchema,
  deputyGroupUpdateSchema,
  Term,
  termCreateSchema,
  termUpdateSchema,
} from '../../../shared/schemas/organisations.js';
import { useResourceList, useResourceMutations } from '../../api/resource.js';

/** Who may change the organisation structure of a body (the server checks the same). */
export const organisationWriters = ['admin', 'office_staff'] as const;

/** Terms of a body, newest first. */
export const useTerms = (bodyId: string | null) =>
  useResourceList<Term[]>('terms', { bodyId }, bodyId !== null);
export const useTermMutations = () =>
  useResourceMutations<Term, z.input<typeof termCreateSchema>, z.input<typeof termUpdateSchema>>('terms');

export const useSessions = (termId: string | null) =>
  useResourceList<CongressSession[]>('sessions', { termId }, termId !== null);
export const useSessionMutations = () =>
  useResourceMutations<
    CongressSession,
    z.input<typeof congressSessionCreateSchema>,
    z.input<typeof congressSessionUpdateSchema>
  >('sessions');

export const useDelegations = (termId: string | null) =>
  useResourceList<Delegation[]>('delegations', { termId }, termId !== null);
export const useDelegationMutations = () =>
  useResourceMutations<
    Delegation,
    z.input<typeof delegationCreateSchema>,
    z.input<typeof delegationUpdateSchema>
  >('delegations');

/** Groups of a body (of every term and of none). */
export const useDeputyGroups = (bodyId: string | null) =>
  useResourceList<DeputyGroup[]>('deputy-groups', { bodyId }, bodyId !== null);
export const useDeputyGroupMutations = () =>
  useResourceMutations<
    DeputyGroup,
    z.input<typeof deputyGroupCreateSchema>,
    z.input<typeof deputyGroupUpdateSchema>
  >('deputy-groups');
