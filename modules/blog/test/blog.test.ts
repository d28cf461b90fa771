import { contentModule } from '@rustok/content';
import type { ContentNode } from '@rustok/content/contracts';
import forumModule from '@rustok/forum';
import type { TenantRef } from '@rustok/kernel';
import { type Call, caller, createTestPlatform, describeEachBackend, ok as okJson, type TestPlatform } from '@rustok/testing';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { blogModule } from '../src/index.js';

describeEachBackend('blog', (backend) => {
  let p: TestPlatform;
  let tenant: TenantRef;
  let editor: Record<string, string>;
  const call: Call = (...args) => caller(p)(...args);
  const ok = (res: Promise<LightMyRequestResponse>, status = 200) => okJson<ContentNode>(res, status);
  const eventTypes = async (tenantId: string) => {
    const { rows } = await p.database.db.query<{ type: string; envelope: { payload: Record<string, unknown> } }>(
      "SELECT type, envelope FROM sys_events WHERE tenant_id = $1 AND type NOT LIKE 'auth.%' ORDER BY id",
      [tenantId],
    );
    for (const r of rows) expect(p.bus.catalog.get(r.type, 1)?.validate(r.envelope.payload), r.type).toBe(true);
    return rows.map((r) => r.type);
  };
  const publishedPost = async (headers = editor, title = 'A post') => {
    const post = await ok(call('POST', '/blog/posts', headers, { title }), 201);
    return ok(call('POST', `/blog/posts/${post.id}/publish`, headers));
  };

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: [contentModule, blogModule, forumModule] });
    tenant = await p.createTenant('blog-a');
    editor = (await p.userWithToken(tenant.id, ['editor'])).headers;
  });
  afterAll(() => p?.close());

  it('walks create (two locales) → publish → edit → restore → threaded comments → archive, with every event', async () => {
    const post = await ok(call('POST', '/blog/posts', editor, { title: 'Hello blog', body: 'First' }), 201);
    expect(post).toMatchObject({ kind: 'post', status: 'draft', slug: 'hello-blog' });
    const ru = await ok(call('PATCH', `/blog/posts/${post.id}`, editor, { locale: 'ru', title: 'Привет блог', body: 'Первый' }));
    expect(ru.translations.map((t) => t.locale)).toEqual(['en', 'ru']);
    const published = await ok(call('POST', `/blog/posts/${post.id}/publish`, editor));
    expect(published.status).toBe('published');
    const edited = await ok(call('PATCH', `/blog/posts/${post.id}`, editor, { body: 'Second' }));
    expect(edited).toMatchObject({ body: 'Second', revision: 4 });
    const revisions = (await call('GET', `/content/nodes/${post.id}/revisions`, editor)).json<{
      items: { id: string; number: number }[];
    }>();
    expect(revisions.items.map((r) => r.number)).toEqual([4, 3, 2, 1]);
    const restored = await ok(call('POST', `/content/nodes/${post.id}/revisions/${revisions.items[1]?.id}/restore`, editor));
    expect(restored).toMatchObject({ body: 'First', revision: 5 });
    const first = await ok(call('POST', `/blog/posts/${post.id}/comments`, editor, { body: 'Nice' }), 201);
    const reply = await ok(call('POST', `/blog/posts/${post.id}/comments`, editor, { body: 'Thanks', replyTo: first.id }), 201);
    expect(reply).toMatchObject({ kind: 'comment', parentId: post.id, metadata: { moderation: 'pending', replyTo: first.id } });
    const badReply = await call('POST', `/blog/posts/${post.id}/comments`, editor, { body: 'x', replyTo: post.id });
    expect(badReply.statusCode).toBe(422);
    expect((await ok(call('GET', `/blog/posts/${post.id}`, editor))).replyCount).toBe(2);
    const archived = await ok(call('POST', `/content/nodes/${post.id}/transitions`, editor, { to: 'archived' }));
    expect(archived.status).toBe('archived');
    expect(await eventTypes(tenant.id)).toEqual([
      'content.node.created',
      'content.node.updated',
      'content.node.published',
      'blog.post.published',
      'content.node.updated',
      'content.node.updated',
      'content.node.created',
      'blog.comment.created',
      'content.node.created',
      'blog.comment.created',
      'content.node.archived',
    ]);
  });

  it('keeps customer comments pending until a moderator approves them (or approves at once with autoApprove)', async () => {
    const post = await publishedPost(editor, 'Moderated');
    const customer = (await p.userWithToken(tenant.id, ['customer'])).headers;
    const comment = await ok(call('POST', `/blog/posts/${post.id}/comments`, customer, { body: 'First!' }), 201);
    expect(comment).toMatchObject({ status: 'draft', metadata: { moderation: 'pending' } });
    const anonymous = { 'x-tenant-id': tenant.id };
    const publicList = () =>
      call('GET', `/blog/posts/${post.id}/comments`, anonymous).then((r) => r.json<{ items: ContentNode[] }>().items);
    expect(await publicList()).toEqual([]);
    expect(
      (await call('POST', `/blog/posts/${post.id}/comments/${comment.id}/moderate`, customer, { status: 'approved' })).statusCode,
    ).toBe(403);
    const approved = await ok(call('POST', `/blog/posts/${post.id}/comments/${comment.id}/moderate`, editor, { status: 'approved' }));
    expect(approved).toMatchObject({ status: 'published', metadata: { moderation: 'approved' } });
    expect((await publicList()).map((c) => [c.id, c.body])).toEqual([[comment.id, 'First!']]);
    const rejected = await ok(call('POST', `/blog/posts/${post.id}/comments/${comment.id}/moderate`, editor, { status: 'rejected' }));
    expect(rejected).toMatchObject({ status: 'archived', metadata: { moderation: 'rejected' } });
    expect(await publicList()).toEqual([]);
    const admin = (await p.userWithToken(tenant.id, ['admin'])).headers;
    const settings = { enabled: true, settings: { comments: { autoApprove: true } } };
    expect((await call('PUT', '/modules/blog', admin, settings)).statusCode).toBe(200);
    const auto = await ok(call('POST', `/blog/posts/${post.id}/comments`, customer, { body: 'Second' }), 201);
    expect(auto).toMatchObject({ status: 'published', metadata: { moderation: 'approved' } });
    expect((await call('PUT', '/modules/blog', admin, { enabled: true, settings: {} })).statusCode).toBe(200);
  });

  it('refuses comments on drafts, and hides posts of another kind', async () => {
    const draft = await ok(call('POST', '/blog/posts', editor, { title: 'Draft only' }), 201);
    expect((await call('POST', `/blog/posts/${draft.id}/comments`, editor, { body: 'x' })).json()).toMatchObject({
      code: 'BLOG_POST_NOT_PUBLISHED',
    });
    const page = await ok(call('POST', '/content/nodes', editor, { kind: 'article', title: 'Not a post' }), 201);
    expect((await call('GET', `/blog/posts/${page.id}`, editor)).json()).toMatchObject({ code: 'BLOG_POST_NOT_FOUND' });
    expect((await call('DELETE', `/blog/posts/${page.id}`, editor)).statusCode).toBe(404);
  });

  it('switches blog off for one tenant only; content, being core, cannot be switched off', async () => {
    const other = await p.createTenant('blog-b');
    const adminA = (await p.userWithToken(tenant.id, ['admin'])).headers;
    const adminB = (await p.userWithToken(other.id, ['admin'])).headers;
    await publishedPost(adminB, 'Post of B');
    expect((await call('PUT', '/modules/blog', adminA, { enabled: false })).statusCode).toBe(200);
    try {
      expect((await call('GET', '/blog/posts', adminA)).statusCode).toBe(404);
      expect((await call('POST', '/blog/posts', adminA, { title: 'x' })).statusCode).toBe(404);
      const ofB = await call('GET', '/blog/posts', adminB);
      expect(ofB.statusCode).toBe(200);
      expect(ofB.json<{ items: ContentNode[] }>().items.map((i) => i.title)).toEqual(['Post of B']);
    } finally {
      expect((await call('PUT', '/modules/blog', adminA, { enabled: true })).statusCode).toBe(200);
    }
    expect((await call('GET', '/blog/posts', adminA)).statusCode).toBe(200);
    expect((await call('PUT', '/modules/content', adminA, { enabled: false })).statusCode).toBe(409);
  });
});
