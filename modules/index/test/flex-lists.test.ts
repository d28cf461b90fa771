import { contentModule } from '@rustok/content';
import flexModule from '@rustok/flex';
import type { TenantRef } from '@rustok/kernel';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { onIndexApplied } from '../src/contracts.js';
import { indexModule } from '../src/index.js';
import { ok, waitFor } from './helpers.js';

// Storefront pages listing a flex schema's entries are tagged flex:<schema>: the index tells its
// listeners that tag once an entry (or the schema) of that schema changed.
describeEachBackend('index: flex:<schema> for pages listing entries', (backend) => {
  let p: TestPlatform;
  let tenant: TenantRef;
  let admin: Record<string, string>;
  const heard: { tenantId: string; tags: readonly string[] | 'all' }[] = [];
  let stop: () => void = () => {};
  const call = (method: 'POST', url: string, payload: object) => p.app.inject({ method, url: `/api/v1${url}`, headers: admin, payload });
  const told = (tag: string) => heard.filter((h) => h.tenantId === tenant.id && h.tags !== 'all' && h.tags.includes(tag)).length;

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: [contentModule, flexModule, indexModule] });
    tenant = await p.createTenant('index-flex-lists');
    admin = (await p.userWithToken(tenant.id, ['admin'])).headers;
    stop = onIndexApplied((change) => heard.push(change));
  });
  afterAll(async () => {
    stop();
    await p?.close();
  });

  it('tells flex:<schema> when the schema is made and when an entry of it is written and published', async () => {
    const fields = [{ key: 'question', type: 'text', access: 'public' }];
    await ok(call('POST', '/flex/schemas', { slug: 'faq', name: 'FAQ', fields }), 201);
    await ok(call('POST', '/flex/schemas', { slug: 'other', name: 'Other', fields }), 201);
    await waitFor(async () => told('flex:faq') >= 1, 5_000, 'flex:faq for the schema');
    const before = told('flex:faq');
    const entry = await ok<{ id: string }>(call('POST', '/flex/schemas/faq/entries', { values: { question: 'Why?' } }), 201);
    await waitFor(async () => told('flex:faq') > before, 5_000, 'flex:faq for the entry');
    const created = told('flex:faq');
    await ok(call('POST', `/flex/entries/${entry.id}/publish`, {}));
    await waitFor(async () => told('flex:faq') > created, 5_000, 'flex:faq for publishing');
    // Only the schema an event names: "other" was heard once (its creation), never for faq's entries.
    expect(told('flex:other')).toBe(1);
  });
});
