import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findProjectRoot } from '@rustok/kernel';
import { builtInModules } from '@rustok/server';
import { createTestPlatform, type TestPlatform, testBackends } from '@rustok/testing';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The event catalogue a webhook receiver reads: every event the modules publish, as JSON
 * (GET /api/v1/events), each payload's JSON Schema (GET /api/v1/events/{type}/v{n}, the same as the
 * checked-in schemas/events file) and one HTML page (/docs/events), public and without a tenant.
 */
type Entry = { type: string; version: number; module: string; description: string; latest: boolean; schema: string };

describe('event catalogue', () => {
  let p: TestPlatform;
  let events: Entry[];
  const files = readdirSync(join(findProjectRoot(), 'schemas/events')).filter((f) => f.endsWith('.json'));

  beforeAll(async () => {
    p = await createTestPlatform({ backend: testBackends()[0] as ReturnType<typeof testBackends>[number], modules: builtInModules });
    const res = await p.app.inject({ method: 'GET', url: '/api/v1/events' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    events = res.json<{ events: Entry[] }>().events;
  });
  afterAll(() => p?.close());

  it('lists every checked-in event schema, with its module and meaning', () => {
    expect(events.map((e) => `${e.type}.v${e.version}.json`).sort()).toEqual([...files].sort());
    const placed = events.find((e) => e.type === 'commerce.order.placed');
    expect(placed).toMatchObject({ version: 1, module: 'commerce', latest: true, schema: '/api/v1/events/commerce.order.placed/v1' });
    expect(events.filter((e) => e.description === '').map((e) => e.type)).toEqual([]);
  });

  it('serves each payload schema as the checked-in file says, as a 2020-12 document that validates payloads', async () => {
    for (const event of events) {
      const res = await p.app.inject({ method: 'GET', url: event.schema });
      expect(res.statusCode, event.schema).toBe(200);
      expect(res.headers['content-type']).toContain('application/schema+json');
      const { $schema, $id, title, description: _d, ...payload } = res.json<Record<string, unknown>>();
      expect($schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect([$id, title]).toEqual([event.schema, `${event.type} v${event.version}`]);
      const file = JSON.parse(readFileSync(join(findProjectRoot(), 'schemas/events', `${event.type}.v${event.version}.json`), 'utf8'));
      expect(payload, event.type).toEqual(file);
    }
    const schema = (await p.app.inject({ method: 'GET', url: '/api/v1/events/commerce.order.placed/v1' })).json<object>();
    const validate = new Ajv2020({ strict: false, validateFormats: false }).compile(schema);
    expect(validate({ orderId: 'x' })).toBe(false);
  });

  it('answers an unknown type or version with a catalogued 404, and a malformed one with 422', async () => {
    for (const url of ['/api/v1/events/commerce.order.nope/v1', '/api/v1/events/commerce.order.placed/v9']) {
      const res = await p.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json<{ code: string }>().code).toBe('EVENT_TYPE_NOT_FOUND');
    }
    const bad = await p.app.inject({ method: 'GET', url: '/api/v1/events/<script>/v1' });
    expect(bad.statusCode).toBe(422);
  });

  it('publishes the catalogue as a page: every event with its fields, text escaped', async () => {
    const res = await p.app.inject({ method: 'GET', url: '/docs/events' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    for (const event of events) expect(res.body).toContain(`id="${event.type}.v${event.version}"`);
    expect(res.body).toContain('<code>lines[].quantity</code>');
    expect(res.body).toContain('webhook-signature');
    expect(res.body).not.toMatch(/<script/i);
  });
});
