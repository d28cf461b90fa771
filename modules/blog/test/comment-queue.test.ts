import { contentModule } from '@rustok/content';
import type { ContentNode } from '@rustok/content/contracts';
import type { TenantRef } from '@rustok/kernel';
import { type Call, caller, createTestPlatform, describeEachBackend, ok as okJson, type TestPlatform } from '@rustok/testing';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { blogModule } from '../src/index.js';

describeEachBackend('blog comment queue', (backend) => {
  let p: TestPlatform;
  let tenant: TenantRef;
  let editor: Record<string, string>;
  let customer: Record<string, string>;
  const call: Call = (...args) => caller(p)(...args);
  const ok = (res: Promise<LightMyRequestResponse>, status = 200) => okJson<ContentNode>(res, status);
  const queue = async (query = '', headers = editor) => {
    const res = await call('GET', `/blog/comments${query}`, headers);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: ContentNode[]; nextCursor: string | null }>();
  };
  const publishedPost = async (title: string) => {
    const post = await ok(call('POST', '/blog/posts', editor, { title }), 201);
    return ok(call('POST', `/blog/posts/${post.id}/publish`, editor));
  };
  const comment = async (postId: string, body: string) => ok(call('POST', `/blog/posts/${postId}/comments`, customer, { body }), 201);
  const moderate = (postId: string, commentId: string, status: string) =>
    ok(call('POST', `/blog/posts/${postId}/comments/${commentId}/moderate`, editor, { status }));

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: [contentModule, blogModule] });
    tenant = await p.createTenant('queue-a');
    editor = (await p.userWithToken(tenant.id, ['editor'])).headers;
    customer = (await p.userWithToken(tenant.id, ['customer'])).headers;
  });
  afterAll(() => p?.close());

  it('lists the comments waiting across posts, newest first, with their text; approved and rejected ones leave it, re-queued ones come back', async () => {
    const tea = await publishedPost('Tea');
    const coffee = await publishedPost('Coffee');
    const first = await comment(tea.id, 'On tea');
    const second = await comment(coffee.id, 'On coffee');
    const third = await comment(tea.id, 'More on tea');
    const waiting = await queue();
    expect(waiting.items.map((c) => [c.id, c.parentId, c.body, c.metadata.moderation])).toEqual([
      [third.id, tea.id, 'More on tea', 'pending'],
      [second.id, coffee.id, 'On coffee', 'pending'],
      [first.id, tea.id, 'On tea', 'pending'],
    ]);
    expect(waiting.nextCursor).toBeNull();
    await moderate(tea.id, first.id, 'approved');
    await moderate(coffee.id, second.id, 'rejected');
    expect((await queue()).items.map((c) => c.id)).toEqual([third.id]);
    await moderate(coffee.id, second.id, 'pending');
    expect((await queue()).items.map((c) => c.id)).toEqual([third.id, second.id]);
  });

  it('pages with a cursor, passing over rejected comments', async () => {
    const post = await publishedPost('Paged');
    const made: ContentNode[] = [];
    for (const body of ['a', 'b', 'c', 'd']) made.push(await comment(post.id, body));
    const [a, b, c, d] = made as [ContentNode, ContentNode, ContentNode, ContentNode];
    await moderate(post.id, c.id, 'rejected');
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 20; i++) {
      const page = await queue(`?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.items.filter((x) => x.parentId === post.id).map((x) => x.id));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual([d.id, b.id, a.id]);
  });

  it('is for moderators only', async () => {
    expect((await call('GET', '/blog/comments', customer)).statusCode).toBe(403);
    expect((await call('GET', '/blog/comments', { 'x-tenant-id': tenant.id })).statusCode).toBe(401);
  });
});
