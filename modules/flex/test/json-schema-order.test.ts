import type { TenantRef } from '@rustok/kernel';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import flexModule from '../src/index.js';

// Readers (the admin's preview, the storefront's cards) show a schema's fields in the order its
// JSON Schema lists them: that is the fields' order, not the stored document's key order.
describeEachBackend('flex: JSON Schema properties in the fields’ order', (backend) => {
  let p: TestPlatform;
  let a: TenantRef;

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: [flexModule] });
    a = await p.createTenant('flex-order-a');
  });
  afterAll(() => p?.close());

  it('lists the properties as the fields are ordered, a group’s own too', async () => {
    const admin = (await p.userWithToken(a.id, ['admin'])).headers;
    const fields = [
      { key: 'question', type: 'text', access: 'public' },
      { key: 'answer', type: 'rich_text', access: 'public' },
      {
        key: 'details',
        type: 'object',
        fields: [
          { key: 'zone', type: 'text' },
          { key: 'at', type: 'date' },
        ],
      },
      { key: 'a', type: 'integer' },
    ];
    const created = await p.app.inject({
      method: 'POST',
      url: '/api/v1/flex/schemas',
      headers: admin,
      payload: { slug: 'faq', name: 'FAQ', fields },
    });
    expect(created.statusCode, created.body).toBe(201);
    const res = await p.app.inject({ method: 'GET', url: '/api/v1/flex/schemas/faq/json-schema', headers: { 'x-tenant-id': a.id } });
    expect(res.statusCode, res.body).toBe(200);
    const doc = res.json<{ properties: Record<string, { properties?: object }>; required: string[] }>();
    expect(Object.keys(doc.properties)).toEqual(['question', 'answer', 'details', 'a']);
    expect(Object.keys(doc.properties.details?.properties ?? {})).toEqual(['zone', 'at']);
  });
});
