import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Role } from '../../../shared/role-labels.js';
import { bodyIdsWithRole } from '../../auth/roles.js';
import { useSession } from '../../auth/session.js';

/**
 * The congress body a page works on, kept in the address (`?body=`) so it survives reloads and can
 * be linked. Defaults to a body where the user holds one of `roles`, else any body of theirs.
 */
export function useChosenBody(roles: readonly Role[]): {
  bodyId: string | null;
  choose: (id: string) => void;
} {
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const fallback = me ? (bodyIdsWithRole(me, roles)[0] ?? me.roles[0]?.bodyId ?? null) : null;
  const choose = useCallback(
    (id: string) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.set('body', id);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { bodyId: params.get('body') ?? fallback, choose };
}
