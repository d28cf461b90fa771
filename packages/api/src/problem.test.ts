import { generateId } from '@rustok/kernel';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { capturedLog } from './test-fixtures/log-lines.js';
import { SECRET_MESSAGE, thingsModule } from './test-fixtures/things-module.js';

const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';
const typeOf = (slug: string) => `https://rustok.dev/problems/${slug}`;
const byPath = (a: { path: string }, b: { path: string }) => a.path.localeCompare(b.path);

/** A problem+json answer, exactly: status, content type, and the body with the request id as its instance. */
const expectProblemAnswer = (
  res: LightMyRequestResponse,
  p: { status: number; slug: string; title: string; detail: string; code: string },
): void => {
  expect(res.statusCode).toBe(p.status);
  expect(res.headers['content-type']).toBe(PROBLEM_TYPE);
  expect(res.json()).toEqual({
    type: typeOf(p.slug),
    title: p.title,
    status: p.status,
    detail: p.detail,
    code: p.code,
    instance: res.headers['x-request-id'],
  });
};

describeEachBackend('problem+json answers', (backend) => {
  let platform: TestPlatform;
  const { lines: logLines, logger } = capturedLog();

  beforeAll(async () => {
    platform = await createTestPlatform({ backend, modules: [thingsModule], config: { server: { body_limit_bytes: 2048 } }, logger });
  });
  afterAll(async () => platform?.close());

  const post = (payload: unknown) => platform.app.inject({ method: 'POST', url: '/api/v1/things', payload: payload as object });

  it('stores and reads a thing through the module routes (the happy path)', async () => {
    const created = await post({ name: 'lamp', count: 3 });
    expect(created.statusCode).toBe(201);
    const body = created.json<{ id: string; name: string; count: number }>();
    expect(body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: 'lamp', count: 3 });
    const read = await platform.app.inject({ method: 'GET', url: `/api/v1/things/${body.id}` });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(body);
  });

  it('answers a coded AppError with its status and code, instance = X-Request-Id', async () => {
    const id = generateId();
    const res = await platform.app.inject({ method: 'GET', url: `/api/v1/things/${id}` });
    expectProblemAnswer(res, {
      status: 404,
      slug: 'things-not-found',
      title: 'Not found',
      detail: `No thing ${id}`,
      code: 'THINGS_NOT_FOUND',
    });
  });

  it('lists every failing body field with 422 VALIDATION_FAILED', async () => {
    const res = await post({ name: '', count: -1, colour: 'red' });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toBe(PROBLEM_TYPE);
    const problem = res.json<{ errors: { path: string; message: string }[] }>();
    expect({ ...problem, errors: [...problem.errors].sort(byPath) }).toEqual({
      type: typeOf('validation-failed'),
      title: 'Validation failed',
      status: 422,
      detail: '3 field(s) failed validation',
      code: 'VALIDATION_FAILED',
      instance: res.headers['x-request-id'],
      errors: [
        { path: 'body/colour', message: 'is not an allowed property' },
        { path: 'body/count', message: 'must be >= 0' },
        { path: 'body/name', message: 'must NOT have fewer than 1 characters' },
      ],
    });
  });

  it('names each missing required field and each wrongly typed one', async () => {
    const missing = await post({});
    expect(missing.statusCode).toBe(422);
    expect(missing.json<{ errors: unknown[] }>().errors.sort(byPath as never)).toEqual([
      { path: 'body/count', message: "must have required property 'count'" },
      { path: 'body/name', message: "must have required property 'name'" },
    ]);
    const wrongType = await post({ name: 'x', count: 'many' });
    expect(wrongType.statusCode).toBe(422);
    expect(wrongType.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'body/count', message: 'must be integer' }] });
  });

  it('validates path parameters too, naming them under params/', async () => {
    const res = await platform.app.inject({ method: 'GET', url: '/api/v1/things/not-a-uuid' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'params/id', message: 'must match format "uuid"' }] });
  });

  it('answers a malformed JSON body with 400 REQUEST_MALFORMED', async () => {
    const res = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/things',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": "lamp", "count": ',
    });
    expectProblemAnswer(res, {
      status: 400,
      slug: 'request-malformed',
      title: 'Bad request',
      detail: 'The request body is not valid JSON',
      code: 'REQUEST_MALFORMED',
    });
  });

  it('answers a body over server.body_limit_bytes with 413 REQUEST_TOO_LARGE', async () => {
    const res = await post({ name: 'x'.repeat(3000), count: 1 });
    expectProblemAnswer(res, {
      status: 413,
      slug: 'request-too-large',
      title: 'Payload too large',
      detail: 'The request body is larger than the server accepts',
      code: 'REQUEST_TOO_LARGE',
    });
  });

  it('answers an unknown route with 404 ROUTE_NOT_FOUND, without the query string', async () => {
    const res = await platform.app.inject({ method: 'DELETE', url: '/api/v1/nowhere?token=abc' });
    expectProblemAnswer(res, {
      status: 404,
      slug: 'route-not-found',
      title: 'Not found',
      detail: 'No route DELETE /api/v1/nowhere',
      code: 'ROUTE_NOT_FOUND',
    });
  });

  it('answers an unexpected Error with 500 INTERNAL_ERROR and keeps its message and stack out', async () => {
    const res = await platform.app.inject({ method: 'GET', url: '/api/v1/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toBe(PROBLEM_TYPE);
    const requestId = res.headers['x-request-id'];
    expect(res.json()).toEqual({
      type: typeOf('internal-error'),
      title: 'Internal server error',
      status: 500,
      detail: 'An unexpected error occurred; it has been logged with the request id',
      code: 'INTERNAL_ERROR',
      instance: requestId,
    });
    expect(res.body).not.toContain(SECRET_MESSAGE);
    expect(res.body).not.toMatch(/stack|\bat .+:\d+:\d+/);
    // ... but the log has it, under the same request id.
    const logged = logLines.find((line) => line.requestId === requestId && line.msg === 'request failed');
    expect(logged).toMatchObject({ code: 'INTERNAL_ERROR', err: { message: SECRET_MESSAGE } });
  });
});
