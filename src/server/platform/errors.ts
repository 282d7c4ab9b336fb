/**
 * Typed domain errors with stable codes. Services throw these; `http/problem.ts` maps them to
 * RFC 9457 responses in one place. Messages are written for a person, Chinese first.
 */
export type ErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'invalid_transition'
  | 'locked'
  | 'rate_limited'
  | 'payload_too_large';

export interface LocalisedText {
  zh: string;
  en: string;
}

export interface FieldError {
  field: string;
  message: LocalisedText;
}

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    readonly text: LocalisedText,
    readonly fieldErrors: FieldError[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(`${code}: ${text.en}`);
    this.name = 'DomainError';
  }
}

export function notFound(what: LocalisedText, id?: string): DomainError {
  return new DomainError('not_found', 'not_found', {
    zh: `${what.zh}不存在或无权查看${id ? `（${id}）` : ''}`,
    en: `${what.en} not found or not visible to you${id ? ` (${id})` : ''}`,
  });
}

export function forbidden(reason: LocalisedText): DomainError {
  return new DomainError('forbidden', 'forbidden', reason);
}

/** A single-field validation error raised by a service (e.g. a duplicate name). */
export function invalidField(field: string, message: LocalisedText, code = 'validation_failed'): DomainError {
  return new DomainError(
    'validation',
    code,
    { zh: `输入有误：${message.zh}`, en: `Invalid input: ${message.en}` },
    [{ field, message }],
  );
}

export function conflict(code: string, text: LocalisedText): DomainError {
  return new DomainError('conflict', code, text);
}
