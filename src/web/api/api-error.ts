import type { Problem } from '../../server/http/problem.js';

export interface FieldError {
  field: string;
  message: string;
}

/** An RFC 9457 problem answered by the API (or a network failure, status 0), typed for the UI. */
export class ApiError extends Error {
  readonly status: number;
  /** Stable machine code, e.g. `invalid_credentials`, `account_locked`, `validation_failed`. */
  readonly code: string;
  readonly title: string;
  /** The server's message for a person, already in the UI's language. */
  readonly detail: string;
  readonly fieldErrors: FieldError[];
  /** Extra members of the problem, e.g. `remainingAttempts`, `lockedUntil`. */
  readonly extensions: Record<string, unknown>;

  constructor(init: {
    status: number;
    code: string;
    title: string;
    detail: string;
    fieldErrors?: FieldError[];
    extensions?: Record<string, unknown>;
  }) {
    super(init.detail || init.title || init.code);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.fieldErrors = init.fieldErrors ?? [];
    this.extensions = init.extensions ?? {};
  }

  /** A string extension such as `lockedUntil`, if present. */
  stringExtension(name: string): string | null {
    const value = this.extensions[name];
    return typeof value === 'string' ? value : null;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function readFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) =>
    isRecord(item) && typeof item.field === 'string' && typeof item.message === 'string'
      ? [{ field: item.field, message: item.message }]
      : [],
  );
}

const problemMembers: readonly (keyof Problem)[] = [
  'type',
  'title',
  'status',
  'detail',
  'code',
  'instance',
  'requestId',
  'errors',
];

/** Reads a failed response: a problem document when the server sent one, else the bare status. */
export async function apiErrorFromResponse(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy error page, an empty body): keep the status only.
  }
  if (!isRecord(body)) {
    return new ApiError({
      status: response.status,
      code: `http_${response.status}`,
      title: response.statusText,
      detail: '',
    });
  }
  const extensions = Object.fromEntries(
    Object.entries(body).filter(([key]) => !problemMembers.some((member) => member === key)),
  );
  return new ApiError({
    status: response.status,
    code: text(body.code) || `http_${response.status}`,
    title: text(body.title),
    detail: text(body.detail),
    fieldErrors: readFieldErrors(body.errors),
    extensions,
  });
}

export function networkError(cause: unknown): ApiError {
  return new ApiError({
    status: 0,
    code: 'network_error',
    title: '',
    detail: cause instanceof Error ? cause.message : '',
  });
}
