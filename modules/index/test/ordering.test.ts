import { contentModule } from '@rustok/content';
import { type ContentNode, loadContentLocales, loadNodeIndexSource, type NodeIndexSource } from '@rustok/content/contracts';
import type { Tx } from '@rustok/db';
import { createDispatcher } from '@rustok/events';
import type { EventEnvelope, TenantRef } from '@rustok/kernel';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REBUILD } from '../src/apply/common.js';
import { applyNode } from '../src/apply/content-refresh.js';
import { indexHandlers } from '../src/handlers.js';
import { indexModule } from '../src/index.js';
import { caller, drained, ok } from './helpers.js';

describeEachBackend('index: out-of-order delivery', (backend) => {
  let p: TestPlatform;
  let tenant: TenantRef;
  let editor: Record<string, string>;
  let call: ReturnType<typeof caller>;
  const inTenant = <T>(fn: (tx: Tx) => Promise<T>): Promise<T> => p.database.db.transaction(fn, { tenantId: tenant.id });
  const rowOf = async (nodeId: string) =>
    (
      await p.database.db.transaction(
        (tx) =>
          tx.query<{ title: string; status: string; source_version: number; reply_count: number }>(
            "SELECT title, status, source_version, reply_count FROM index_content WHERE node_id = $1 AND locale = 'en'",
            [nodeId],
          ),
        { tenantId: tenant.id },
      )
    ).rows[0];
  const sourceOf = (id: string) => inTenant(async (tx) => loadNodeIndexSource(tx, id) as Promise<NodeIndexSource>);

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: [contentModule, indexModule] });
    call = caller(p);
    tenant = await p.createTenant('index-order');
    editor = (await p.userWithToken(tenant.id, ['editor'])).headers;
  });
  afterAll(() => p?.close());

  const writeThreeVersions = async () => {
    const node = await ok<ContentNode>(call('POST', '/content/nodes', editor, { kind: 'post', title: 'Version one' }), 201);
    await ok(call('POST', `/content/nodes/${node.id}/publish`, editor));
    await ok(call('PATCH', `/content/nodes/${node.id}`, editor, { title: 'Version two' }));
    const stale = await sourceOf(node.id);
    await ok(call('PATCH', `/content/nodes/${node.id}`, editor, { title: 'Version three' }));
    await drained(p);
    return { node, stale };
  };

  it('ends at the newest version when the events arrive newest first', async () => {
    const { node } = await writeThreeVersions();
    expect(await rowOf(node.id)).toMatchObject({ title: 'Version three', source_version: 4, status: 'published' });
    const { rows } = await p.database.db.query<{ envelope: EventEnvelope }>(
      "SELECT envelope FROM sys_events WHERE tenant_id = $1 AND envelope->'payload'->>'nodeId' = $2 ORDER BY id DESC",
      [tenant.id, node.id],
    );
    expect(rows.map((r) => r.envelope.type)).toEqual([
      'content.node.updated',
      'content.node.updated',
      'content.node.published',
      'content.node.created',
    ]);
    const handlers = indexHandlers.filter((h) => h.consumer === 'index.content').map((h) => ({ ...h, consumer: 'index.content_replay' }));
    const replay = createDispatcher({ db: p.database.db, handlers, logger: pino({ level: 'silent' }) });
    for (const { envelope } of rows) {
      const results = await replay.deliver([envelope]);
      expect(results.get(envelope.id)).toEqual({ ok: true });
      expect(await rowOf(node.id)).toMatchObject({ title: 'Version three', source_version: 4 });
    }
  });

  it('never lets a stale read overwrite a newer row, nor bring back an unpublished one', async () => {
    const { node, stale } = await writeThreeVersions();
    expect(stale.revision).toBe(3);
    const applyStale = () => inTenant(async (tx) => applyNode(tx, node.id, stale, await loadContentLocales(tx), REBUILD));
    await applyStale();
    expect(await rowOf(node.id)).toMatchObject({ title: 'Version three', source_version: 4 });
    await ok(call('POST', `/content/nodes/${node.id}/transitions`, editor, { to: 'archived' }));
    await drained(p);
    expect(await rowOf(node.id)).toMatchObject({ status: 'archived', source_version: 5 });
    await applyStale();
    expect(await rowOf(node.id)).toMatchObject({ status: 'archived', source_version: 5 });
    const store = await ok<{ items: { id: string }[] }>(call('GET', '/store/content?q=version', { 'x-tenant-id': tenant.id }));
    expect(store.items.map((i) => i.id)).not.toContain(node.id);
  });

  it('keeps the reply count of a parent exact as replies come and go (no revision of its own)', async () => {
    const topic = await ok<ContentNode>(call('POST', '/content/nodes', editor, { kind: 'topic', title: 'Parent topic' }), 201);
    await ok(call('POST', `/content/nodes/${topic.id}/publish`, editor));
    const replies: ContentNode[] = [];
    for (const title of ['First reply', 'Second reply']) {
      const reply = await ok<ContentNode>(call('POST', '/content/nodes', editor, { kind: 'reply', title, parentId: topic.id }), 201);
      await ok(call('POST', `/content/nodes/${reply.id}/publish`, editor));
      replies.push(reply);
    }
    await drained(p);
    expect(await rowOf(topic.id)).toMatchObject({ reply_count: 2, source_version: 2 });
    await ok(call('DELETE', `/content/nodes/${replies[0]?.id}`, editor), 204);
    await drained(p);
    expect(await rowOf(topic.id)).toMatchObject({ reply_count: 1 });
    expect(await rowOf(replies[0]?.id ?? '')).toMatchObject({ status: 'deleted' });
  });
});
