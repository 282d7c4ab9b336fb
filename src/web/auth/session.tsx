import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import type { Me } from '../../shared/schemas/auth.js';
import { api, setCsrfToken } from '../api/client.js';
import { isApiError } from '../api/api-error.js';
import { onAuthProblem } from '../api/auth-events.js';

export const meQueryKey = ['auth', 'me'] as const;

/** Where to go after signing in, passed in the navigation state. */
export interface LoginRedirectState {
  from?: string;
}

interface SessionValue {
  /** The signed-in user, also while a second factor or password change is pending; null if none. */
  me: Me | null;
  loading: boolean;
  /** Stores the answer of login, TOTP verification or a fresh `GET /auth/me`. */
  setMe: (me: Me | null) => void;
  refresh: () => Promise<Me | null>;
  logout: () => Promise<void>;
  /** Set when a signed-in session ended on its own (idle timeout): the login page says so. */
  expiredAfterMinutes: number | null;
}

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/auth/me', undefined, { quietAuth: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

const SessionContext = createContext<SessionValue | null>(null);

/**
 * Holds the session and handles what any request may learn about it: signed out or timed out →
 * login page (saying so), a pending password change or second factor → the matching login step.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const meQuery = useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: Infinity });
  // Kept here, not in the navigation state: the signed-in shell's own redirect would replace that.
  const [expiredAfterMinutes, setExpiredAfterMinutes] = useState<number | null>(null);

  const setMe = useCallback(
    (me: Me | null) => {
      setCsrfToken(me?.csrfToken ?? null);
      if (me) setExpiredAfterMinutes(null);
      queryClient.setQueryData(meQueryKey, me);
    },
    [queryClient],
  );

  const refresh = useCallback(async () => {
    const me = await fetchMe();
    setMe(me);
    return me;
  }, [setMe]);

  const endSession = useCallback(() => {
    setMe(null);
    // Nothing a previous user loaded may be shown to the next one.
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
  }, [queryClient, setMe]);

  const logout = useCallback(async () => {
    try {
      await api.post('/auth/logout', undefined, { quietAuth: true });
    } finally {
      endSession();
      navigate('/login', { replace: true });
    }
  }, [endSession, navigate]);

  useEffect(
    () =>
      onAuthProblem((problem) => {
        const previous = queryClient.getQueryData<Me | null>(meQueryKey);
        if (problem === 'unauthenticated') {
          const state: LoginRedirectState = { from: window.location.pathname + window.location.search };
          if (previous) setExpiredAfterMinutes(previous.idleTimeoutMinutes);
          navigate('/login', { replace: true, state });
          endSession();
          return;
        }
        // A password change or second factor is pending: the login page shows that step.
        void refresh().then(() => navigate('/login', { replace: true }));
      }),
    [endSession, navigate, queryClient, refresh],
  );

  const value = useMemo<SessionValue>(
    () => ({
      me: meQuery.data ?? null,
      loading: meQuery.isPending,
      setMe,
      refresh,
      logout,
      expiredAfterMinutes,
    }),
    [meQuery.data, meQuery.isPending, setMe, refresh, logout, expiredAfterMinutes],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** Signed in completely: password accepted, second factor passed, no password change pending. */
export function isSessionComplete(me: Me | null): me is Me {
  return me !== null && me.stage === 'complete' && !me.mustChangePassword;
}
