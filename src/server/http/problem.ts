import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { DomainError } from '../platform/errors.js';
import type { ErrorKind, FieldError } from '../platform/errors.js';
import { requestLocale } from './locale.js';
import { constraintViolation } from '../db/dialect/constraint-errors.js';
import type { Locale } from './locale.js';
import { localiseIssues } from './validation-messages.js';
import type { ValidationIssue } from './validation-messages.js';

/** RFC 9457 problem document, as every error of the API is answered. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance: string;
  requestId: string;
  errors?: { field: string; message: string }[];
  [extension: string]: unknown;
}

/** The one place where an error kind becomes an HTTP status and a title. */
function statusAndTitle(kind: ErrorKind): { status: number; zh: string; en: string } {
  switch (kind) {
    case 'validation':
      return { status: 400, zh: '输入有误', en: 'Invalid input' };
    case 'unauthenticated':
      return { status: 401, zh: '需要登录', en: 'Authentication required' };
    case 'forbidden':
      return { status: 403, zh: '无权操作', en: 'Forbidden' };
    case 'not_found':
      return { status: 404, zh: '未找到', en: 'Not found' };
    case 'conflict':
      return { status: 409, zh: '操作冲突', en: 'Conflict' };
    case 'invalid_transition':
      return { status: 409, zh: '当前状态不允许此操作', en: 'Action not allowed in the current state' };
    case 'locked':
      return { status: 423, zh: '账户已锁定', en: 'Account locked' };
    case 'rate_limited':
      return { status: 429, zh: '请求过于频繁', en: 'Too many requests' };
    case 'payload_too_large':
      return { status: 413, zh: '内容过大', en: 'Payload too large' };
    default: {
      const exhaustive: never = kind;
      throw new Error(`unmapped error kind ${String(exhaustive)}`);
    }
  }
}

function build(
  request: FastifyRequest,
  locale: Locale,
  kind: ErrorKind,
  code: string,
  detail: { zh: string; en: string },
  fieldErrors: FieldError[],
  extra: Record<string, unknown> = {},
): Problem {
  const mapped = statusAndTitle(kind);
  const problem: Problem = {
    type: `urn:minyi:problem:${code}`,
    title: mapped[locale],
    status: mapped.status,
    detail: detail[locale],
    code,
    instance: request.url,
    requestId: String(request.id),
    ...extra,
  };
  if (fieldErrors.length > 0)
    problem.errors = fieldErrors.map((e) => ({ field: e.field, message: e.message[locale] }));
  return problem;
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.status(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}

/** Fastify error handler: domain errors, validation, framework errors, and the unexpected. */
export function problemErrorHandler(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const locale = requestLocale(request);
  if (error instanceof DomainError) {
    return sendProblem(
      reply,
      build(request, locale, error.kind, error.code, error.text, error.fieldErrors, error.extra),
    );
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = error.validationContext;
    const input =
      context === 'querystring' ? request.query : context === 'params' ? request.params : request.body;
    const fieldErrors = localiseIssues(error.validation as unknown as ValidationIssue[], input, context);
    const summary = fieldErrors.map((e) => e.message);
    return sendProblem(
      reply,
      build(
        request,
        locale,
        'validation',
        'validation_failed',
        { zh: summary.map((m) => m.zh).join('；'), en: summary.map((m) => m.en).join('; ') },
        fieldErrors,
      ),
    );
  }
  const constraint = constraintViolation(error);
  if (constraint) {
    request.log.warn({ err: error }, 'constraint violation');
    const text =
      constraint === 'unique'
        ? {
            zh: '该记录已存在（可能刚被他人提交），请刷新后重试。',
            en: 'This record already exists (perhaps just submitted by someone else); reload and retry.',
          }
        : {
            zh: '该记录仍被其他数据引用，或引用的数据不存在，操作未执行。',
            en: 'The record is still referenced, or refers to something missing; nothing was changed.',
          };
    return sendProblem(reply, build(request, locale, 'conflict', `${constraint}_violation`, text, []));
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error, issues: error.cause.issues }, 'response did not match its schema');
  }
  const statusCode = error.statusCode ?? 500;
  if (statusCode === 429) {
    return sendProblem(
      reply,
      build(
        request,
        locale,
        'rate_limited',
        'rate_limited',
        {
          zh: '请求过于频繁，请稍后再试。',
          en: 'Too many requests, please try again later.',
        },
        [],
      ),
    );
  }
  if (statusCode === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE') {
    return sendProblem(
      reply,
      build(
        request,
        locale,
        'payload_too_large',
        'payload_too_large',
        {
          zh: '上传的内容超过允许的大小。',
          en: 'The uploaded content is larger than allowed.',
        },
        [],
      ),
    );
  }
  if (statusCode >= 400 && statusCode < 500) {
    // Malformed JSON, unsupported media type and the like: say what the framework found.
    return sendProblem(reply, {
      ...build(
        request,
        locale,
        'validation',
        'bad_request',
        {
          zh: `请求格式有误：${error.message}`,
          en: `Malformed request: ${error.message}`,
        },
        [],
      ),
      status: statusCode,
    });
  }
  request.log.error({ err: error }, 'unexpected error');
  return sendProblem(reply, {
    type: 'urn:minyi:problem:internal_error',
    title: locale === 'en' ? 'Internal error' : '服务器内部错误',
    status: 500,
    detail:
      locale === 'en'
        ? 'Something went wrong; nothing was saved.'
        : '服务器出错，本次操作未保存。请稍后重试或联系管理员。',
    code: 'internal_error',
    instance: request.url,
    requestId: String(request.id),
  });
}

/** 404 for unknown API routes, as a problem document. */
export function notFoundHandler(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const locale = requestLocale(request);
  return sendProblem(
    reply,
    build(
      request,
      locale,
      'not_found',
      'route_not_found',
      {
        zh: `接口不存在：${request.method} ${request.url}`,
        en: `No such endpoint: ${request.method} ${request.url}`,
      },
      [],
    ),
  );
}
