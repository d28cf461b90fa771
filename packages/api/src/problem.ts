import { databaseUnavailable } from '@rustok/db';
import { type AppError, defaultTitle, type FieldError, isAppError, kernelErrors } from '@rustok/kernel';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { databaseAppError } from './db-errors.js';
import { apiErrors } from './errors.js';
import { correlationIdOf } from './request-ids.js';

/** RFC 9457 problem details, as every RusToK error answer carries them. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly instance: string;
  readonly errors?: readonly FieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';
const TYPE_BASE = 'https://rustok.dev/problems/';

const typeOf = (code: string) => `${TYPE_BASE}${code.toLowerCase().replace(/_/g, '-')}`;

export const problemOf = (error: AppError, instance: string): Problem => ({
  type: typeOf(error.code),
  title: error.title,
  status: error.status,
  detail: error.message,
  code: error.code,
  instance,
  ...(error.errors.length > 0 ? { errors: error.errors } : {}),
});

type ValidationItem = { instancePath?: string; message?: string; params?: Record<string, unknown> };

const fieldErrors = (error: FastifyError): FieldError[] =>
  ((error.validation ?? []) as ValidationItem[]).map((item) => {
    const segments = (item.instancePath ?? '').split('/').filter(Boolean);
    const missing = item.params?.missingProperty ?? item.params?.additionalProperty;
    if (missing !== undefined) segments.push(String(missing));
    const where = error.validationContext ?? 'body';
    const message = item.params?.additionalProperty !== undefined ? 'is not an allowed property' : (item.message ?? 'is invalid');
    return { path: `${where}/${segments.join('/')}`.replace(/\/$/, ''), message };
  });

/** Fastify's own errors (validation, parsing, limits) as coded AppErrors; anything else is unexpected. */
export const toAppError = (error: unknown): AppError => {
  if (isAppError(error)) return error;
  const unavailable = databaseUnavailable(error);
  if (unavailable) return unavailable;
  const fe = error as Partial<FastifyError>;
  if (fe.validation) {
    const errors = fieldErrors(fe as FastifyError);
    return kernelErrors.VALIDATION_FAILED(`${errors.length} field(s) failed validation`, { errors });
  }
  const stored = databaseAppError(error);
  if (stored) return stored;
  const status = typeof fe.statusCode === 'number' ? fe.statusCode : 500;
  if (status === 413) return apiErrors.REQUEST_TOO_LARGE('The request body is larger than the server accepts', { status });
  if (status === 415) return apiErrors.REQUEST_UNSUPPORTED_MEDIA_TYPE(fe.message ?? 'Unsupported media type', { status });
  if (status >= 400 && status < 500) {
    const detail =
      fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
        ? 'The request body is not valid JSON'
        : (fe.message ?? defaultTitle(status));
    return apiErrors.REQUEST_MALFORMED(detail, { status });
  }
  return apiErrors.INTERNAL_ERROR('An unexpected error occurred; it has been logged with the request id', { cause: error });
};

export const sendProblem = (reply: FastifyReply, request: FastifyRequest, error: AppError): FastifyReply =>
  reply.status(error.status).type(PROBLEM_CONTENT_TYPE).send(problemOf(error, request.id));

const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export const errorHandler = (error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply => {
  const appError = toAppError(error);
  // 503 is a known outage (the database away): one warning per request, not an error with its stack.
  if (appError.status === 503) request.log.warn({ code: appError.code, reason: errorMessage(error) }, 'request refused: unavailable');
  else if (appError.status >= 500) request.log.error({ err: error, code: appError.code }, 'request failed');
  else request.log.info({ code: appError.code, status: appError.status }, 'request refused');
  // A throttling or unavailable answer says when to come back (e.g. the login limits' meta.retryAfterSeconds).
  const retryAfter = appError.meta.retryAfterSeconds;
  if ((appError.status === 429 || appError.status === 503) && typeof retryAfter === 'number')
    reply.header('retry-after', String(Math.max(1, Math.ceil(retryAfter))));
  return sendProblem(reply, request, appError);
};

/** Requests the router refuses before any hook runs: a URL that is not valid percent-encoding, a path parameter over the length limit. */
const frameworkError = (error: FastifyError): AppError => {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return apiErrors.REQUEST_PARAM_TOO_LONG('A path parameter is longer than the server accepts');
  }
  if (error.code === 'FST_ERR_BAD_URL') return apiErrors.REQUEST_BAD_URL('The URL is not validly percent-encoded');
  return toAppError(error);
};

/**
 * Fastify's `frameworkErrors`: such requests skip the hooks, so the request-id headers are set
 * here, and the answer is problem+json like every other.
 */
export const frameworkErrorHandler = (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
  const appError = frameworkError(error);
  reply.header('x-request-id', request.id).header('x-correlation-id', correlationIdOf(request));
  request.log.info({ code: appError.code, status: appError.status }, 'request refused');
  sendProblem(reply, request, appError);
};

export const notFoundHandler = (request: FastifyRequest, reply: FastifyReply): FastifyReply =>
  sendProblem(reply, request, apiErrors.ROUTE_NOT_FOUND(`No route ${request.method} ${request.url.split('?')[0]}`));

/** JSON Schema of a problem answer, for route `response` declarations and the OpenAPI document. */
export const ProblemSchema = {
  $id: 'Problem',
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code', 'instance'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string' },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } },
    },
  },
} as const;
