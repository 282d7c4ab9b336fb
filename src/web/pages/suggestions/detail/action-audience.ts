import type { Me } from '../../../../shared/schemas/auth.js';
import type { SuggestionDetail } from '../../../../shared/schemas/suggestions.js';
import { hasAnyRole } from '../../../auth/roles.js';
import { actionDialogs } from './action-dialogs.js';

type Action = SuggestionDetail['actions'][number];

const reviewerRoles = ['office_staff', 'committee_staff', 'leader', 'admin'] as const;
const officeRoles = ['office_staff', 'admin'] as const;

/**
 * Which actions the bar shows. Allowed ones always; a refused one only where it concerns this user
 * and the item is at that step (a deputy's submit on a draft, a reviewer's review on an item in
 * review), so nobody sees a wall of greyed-out buttons that were never theirs.
 */
export function shownActions(detail: SuggestionDetail, me: Me): Action[] {
  const isLead = me.deputyId !== null && me.deputyId === detail.leadDeputyId;
  return detail.actions.filter((action) => {
    // Steps of later stages (rating, replies) have their own screens.
    if (!(action.action in actionDialogs)) return false;
    if (action.allowed) return true;
    if (action.action === 'submit') return isLead && ['draft', 'returned'].includes(detail.status);
    if (action.action === 'withdraw') return false;
    if (action.action === 'assign') return hasAnyRole(me, officeRoles) && detail.status === 'accepted';
    return hasAnyRole(me, reviewerRoles) && detail.status === 'in_review';
  });
}
