import { useMemo } from 'react';
import { useSessions, useTerms } from '../../organisations/organisations.api.js';
import { useUnits } from '../../units/units.api.js';

/** Sessions of the body's current (newest) term, newest first: what a suggestion belongs to. */
export function useCurrentSessions(bodyId: string | null) {
  const terms = useTerms(bodyId);
  const termId = terms.data?.[0]?.id ?? null;
  const sessions = useSessions(termId);
  const items = useMemo(
    () => [...(sessions.data ?? [])].sort((a, b) => b.number - a.number),
    [sessions.data],
  );
  return { items, loading: terms.isPending || (termId !== null && sessions.isPending) };
}

/** Active units of a body (a county has 30-80, a province a few hundred: one page of 200). */
export function useActiveUnits(bodyId: string | null) {
  const units = useUnits(
    { bodyId: bodyId ?? undefined, active: 'true', page: 1, pageSize: 200 },
    bodyId !== null,
  );
  const items = useMemo(() => units.data?.items ?? [], [units.data]);
  return { items, loading: units.isPending && bodyId !== null };
}
