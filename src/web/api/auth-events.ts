/**
 * Sign-in problems any request can meet. The API client reports them here; the session provider
 * (which can navigate) listens, so every page gets the same handling without passing it around.
 */
export type AuthProblem = 'unauthenticated' | 'password_change_required' | 'second_factor_required';

type Listener = (problem: AuthProblem) => void;
const listeners = new Set<Listener>();

export function onAuthProblem(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function reportAuthProblem(problem: AuthProblem): void {
  for (const listener of listeners) listener(problem);
}

export function authProblemOf(code: string): AuthProblem | null {
  return code === 'unauthenticated' ||
    code === 'password_change_required' ||
    code === 'second_factor_required'
    ? code
    : null;
}
