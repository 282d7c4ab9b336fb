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

/** The address of an API path with a query, e.g. for a download link (cookies go along). */
export function apiUrl(path: string, query?: QueryParams): string {
  return urlOf(path, query);
}

function urlOf(path: string, query?: QueryParams): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${base}${path}${search ? `?${search}` : ''}`;
}

interface RawOptions {
  query?: QueryParams;
  /** Sent as is: a `FormData` upload sets its own multipart content type. */
  body?: BodyInit;
  accept?: string;
  contentType?: string;
}

/**
 * A request with the session's credentials, CSRF token and language, answered as the raw
 * `Response` whatever its status: for uploads and file downloads. Read failures with `failureOf`.
 */
export async function fetchRaw(method: string, path: string, options: RawOptions = {}): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: options.accept ?? 'application/json',
    'Accept-Language': acceptLanguage,
  };
  if (options.contentType) headers['Content-Type'] = options.contentType;
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(urlOf(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body,
    });
  } catch (cause) {
    throw networkError(cause);
  }
}

/** The `ApiError` of a failed response; sign-in problems are reported to the session handler. */
export async function failureOf(response: Response, quietAuth = false): Promise<ApiError> {
  const error: ApiError = await apiErrorFromResponse(response);
  const problem = authProblemOf(error.code);
  if (problem && !quietAuth) reportAuthProblem(problem);
  return error;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const json = options.body !== undefined;
  const response = await fetchRaw(method, path, {
    query: options.query,
    body: json ? JSON.stringify(options.body) : undefined,
    contentType: json ? 'application/json' : undefined,
  });
  if (!response.ok) throw await failureOf(response, options.quietAuth);
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
  /** A multipart upload (one file under `field`). */
  upload: async <T>(path: string, file: File, field = 'file'): Promise<T> => {
    const form = new FormData();
    form.append(field, file);
    const response = await fetchRaw('POST', path, { body: form });
    if (!response.ok) throw await failureOf(response);
    return (await response.json()) as T;
  },
};
