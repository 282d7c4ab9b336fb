import type { z } from 'zod';
import type {
  Committee,
  committeeCreateSchema,
  CommitteeKind,
  committeeUpdateSchema,
  StandingCommitteeMember,
  standingCommitteeMemberCreateSchema,
  standingCommitteeMemberUpdateSchema,
} from '../../../shared/schemas/organisations.js';
import { useResourceList, useResourceMutations } from '../../api/resource.js';

/** Committees and offices of a body, optionally of one kind. */
export const useCommittees = (bodyId: string | null, kind?: CommitteeKind) =>
  useResourceList<Committee[]>('committees', { bodyId, kind }, bodyId !== null);
export const useCommitteeMutations = () =>
  useResourceMutations<
    Committee,
    z.input<typeof committeeCreateSchema>,
    z.input<typeof committeeUpdateSchema>
  >('committees');

/** Standing committee members of a term, chair first. */
export const useStandingCommittee = (termId: string | null) =>
  useResourceList<StandingCommitteeMember[]>('standing-committee-members', { termId }, termId !== null);
export const useStandingCommitteeMutations = () =>
  useResourceMutations<
    StandingCommitteeMember,
    z.input<typeof standingCommitteeMemberCreateSchema>,
    z.input<typeof standingCommitteeMemberUpdateSchema>
  >('standing-committee-members');
