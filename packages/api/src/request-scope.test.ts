import { currentScope } from '@rustok/kernel';
import Fastify from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { registerRequestIds, requestIdOf } from './request-ids.js';

const app = Fastify({ genReqId: requestIdOf });
beforeAll(async () => {
  registerRequestIds(app);
  const scope = async () => ({ scope: (await Promise.resolve()) ?? currentScope() ?? null });
  app.get('/scope', scope);
  app.post('/scope', scope);
  await app.ready();
});
afterAll(() => app.close());

it('runs a request that may change state inside the scope of its ids, through its promises', async () => {
  const res = await app.inject({ method: 'POST', url: '/scope', headers: { 'x-correlation-id': 'order-42' } });
  expect(res.json()).toEqual({ scope: { requestId: res.headers['x-request-id'], correlationId: 'order-42' } });
});

it('runs a safe request outside it, with the ids still on the answer', async () => {
  const res = await app.inject({ method: 'GET', url: '/scope' });
  expect(res.json()).toEqual({ scope: null });
  expect(res.headers['x-request-id']).toEqual(res.headers['x-correlation-id']);
});
