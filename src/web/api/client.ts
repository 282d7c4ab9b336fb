import { apiErrorFromResponse, networkError } from './api-error.js';
import type { ApiError } from './api-error.js';
import { authProblemOf, reportAuthProblem } from './auth-events.js';

const base = '/api/v1';

/** Per-tab state the client adds to requests: the session's CSRF token and the UI language. */
let csrfToken: string | null = null;
let acceptLanguage = 'zh-CN';

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setApiLanguage(locale: 'zh-CN' | 'en-US'): void {
  acceptLanguage = locale === 'en-US' ? 'en-US,en;q=0.9' : 'zh-CN,zh;q=0.9';
}

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

interface RequestOptions {
  query?: QueryParams;
  body?: unknown;
  /** Do not report sign-in problems globally (the caller handles them: login, the `me` probe). */
  quietAuth?: boolean;
}

function urlOf(path: string, query?: QueryParams): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${base}${path}${search ? `?${search}` : ''}`;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': acceptLanguage };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(urlOf(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch (cause) {
    throw networkError(cause);
  }
  if (!response.ok) {
    const error: ApiError = await apiErrorFromResponse(response);
    const problem = authProblemOf(error.code);
    if (problem && !options.quietAuth) reportAuthProblem(problem);
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** The JSON API under `/api/v1`. Writes carry the CSRF token; failures throw `ApiError`. */
export const api = {
  get: <T>(path: string, query?: QueryParams, options: Omit<RequestOptions, 'query' | 'body'> = {}) =>
    request<T>('GET', path, { ...options, query }),
  post: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
