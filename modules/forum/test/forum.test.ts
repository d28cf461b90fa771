import blogModule from '@rustok/blog';
import { contentModule } from '@rustok/content';
import type { ContentNode } from '@rustok/content/contracts';
import type { TenantRef } from '@rustok/kernel';
import { type Call, caller, createTestPlatform, describeEachBackend, ok as okJson, type TestPlatform } from '@rustok/testing';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { forumModule } from '../src/index.js';

describeEachBackend('forum', (backend) => {
  let p: TestPlatform;
  let tenant: TenantRef;
  let editor: Record<string, string>;
  let customer: Record<string, string>;
  const call: Call = (...args) => caller(p)(...args);
  const ok = (res: Promise<LightMyRequestResponse>, status = 200) => okJson<ContentNode>(res, status);

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: [contentModule, blogModule, forumModule] });
    tenant = await p.createTenant('forum-a');
    editor = (await p.userWithToken(tenant.id, ['editor'])).headers;
    customer = (await p.userWithToken(tenant.id, ['customer'])).headers;
  });
  afterAll(() => p?.close());

  it('opens a topic in a category, published, with forum.topic.created', async () => {
    const category = await call('POST', '/content/categories', editor, { name: 'General' });
    const categoryId = category.json<{ id: string }>().id;
    const topic = await ok(call('POST', '/forum/topics', customer, { title: 'Help wanted', body: 'How?', categoryId }), 201);
    expect(topic).toMatchObject({ kind: 'topic', status: 'published', categoryId, metadata: { pinned: false, locked: false } });
    const listed = await call('GET', `/forum/topics?category=${categoryId}`, { 'x-tenant-id': tenant.id });
    expect(listed.json<{ items: ContentNode[] }>().items.map((t) => t.id)).toEqual([topic.id]);
    const edited = await ok(call('PATCH', `/forum/topics/${topic.id}`, customer, { title: 'Help wanted, please' }));
    expect(edited.title).toBe('Help wanted, please');
    const pinned = await ok(call('POST', `/forum/topics/${topic.id}/pin`, editor, { pinned: true }));
    expect(pinned.metadata).toMatchObject({ pinned: true });
    expect((await call('POST', `/forum/topics/${topic.id}/pin`, customer, { pinned: false })).statusCode).toBe(403);
    const { rows } = await p.database.db.query<{ type: string }>(
      "SELECT type FROM sys_events WHERE tenant_id = $1 AND type LIKE 'forum.%' ORDER BY id",
      [tenant.id],
    );
    expect(rows.map((r) => r.type)).toEqual(['forum.topic.created']);
  });

  it('keeps replyCount exact under 50 concurrent replies', async () => {
    const topic = await ok(call('POST', '/forum/topics', editor, { title: 'Busy topic' }), 201);
    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, i) => call('POST', `/forum/topics/${topic.id}/replies`, customer, { body: `reply ${i}` })),
    );
    expect(replies.map((r) => r.statusCode)).toEqual(Array(50).fill(201));
    const after = await ok(call('GET', `/forum/topics/${topic.id}`, customer));
    expect(after.replyCount).toBe(50);
    expect(after.metadata.lastActivityAt).not.toBe(topic.metadata.lastActivityAt);
    const { rows } = await p.database.db.query<{ envelope: { payload: { replyCount: number } } }>(
      "SELECT envelope FROM sys_events WHERE tenant_id = $1 AND type = 'forum.reply.created' AND envelope->'payload'->>'topicId' = $2",
      [tenant.id, topic.id],
    );
    expect(rows.map((r) => r.envelope.payload.replyCount).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const page = await call('GET', `/forum/topics/${topic.id}/replies?limit=100`, { 'x-tenant-id': tenant.id });
    expect(page.json<{ items: ContentNode[] }>().items).toHaveLength(50);
  });

  it('refuses a reply to a locked topic with 409 FORUM_TOPIC_LOCKED', async () => {
    const topic = await ok(call('POST', '/forum/topics', editor, { title: 'Closed topic' }), 201);
    await ok(call('POST', `/forum/topics/${topic.id}/lock`, editor, { locked: true }));
    const res = await call('POST', `/forum/topics/${topic.id}/replies`, customer, { body: 'too late' });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json()).toMatchObject({ code: 'FORUM_TOPIC_LOCKED' });
    await ok(call('POST', `/forum/topics/${topic.id}/lock`, editor, { locked: false }));
    await ok(call('POST', `/forum/topics/${topic.id}/replies`, customer, { body: 'open again' }), 201);
    expect((await call('DELETE', `/forum/topics/${topic.id}`, editor)).statusCode).toBe(204);
    expect((await call('GET', `/forum/topics/${topic.id}`, editor)).json()).toMatchObject({ code: 'FORUM_TOPIC_NOT_FOUND' });
  });
});
