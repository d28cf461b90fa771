import { contentModule } from '@rustok/content';
import type { ContentNode } from '@rustok/content/contracts';
import { type Call, caller, createTestPlatform, describeEachBackend, ok as okJson, type TestPlatform } from '@rustok/testing';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { forumModule } from '../src/index.js';

type Page = { items: ContentNode[]; nextCursor: string | null };

describeEachBackend('forum order and reply edits', (backend) => {
  let p: TestPlatform;
  const call: Call = (...args) => caller(p)(...args);
  const ok = (res: Promise<LightMyRequestResponse>, status = 200) => okJson<ContentNode>(res, status);
  const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
  const staff = async (slug: string) => {
    const tenant = await p.createTenant(slug);
    return { tenant, editor: (await p.userWithToken(tenant.id, ['editor'])).headers };
  };

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: [contentModule, forumModule] });
  });
  afterAll(() => p?.close());

  it('lists pinned topics first, then by last activity (a reply moves a topic up), the same across pages', async () => {
    const { tenant, editor } = await staff('forum-order');
    const ids: Record<string, string> = {};
    for (const title of ['A', 'B', 'C', 'D']) {
      ids[title] = (await ok(call('POST', '/forum/topics', editor, { title }), 201)).id;
      await tick();
    }
    const anonymous = { 'x-tenant-id': tenant.id };
    const titles = async (limit = 20) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await call('GET', `/forum/topics?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, anonymous);
        expect(res.statusCode, res.body).toBe(200);
        const page = res.json<Page>();
        seen.push(...page.items.map((t) => t.title));
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    };
    expect(await titles()).toEqual(['D', 'C', 'B', 'A']);
    await ok(call('POST', `/forum/topics/${ids.A}/replies`, editor, { body: 'bump' }), 201);
    expect(await titles()).toEqual(['A', 'D', 'C', 'B']);
    await ok(call('POST', `/forum/topics/${ids.B}/pin`, editor, { pinned: true }));
    await ok(call('POST', `/forum/topics/${ids.C}/pin`, editor, { pinned: true }));
    expect(await titles()).toEqual(['C', 'B', 'A', 'D']);
    expect(await titles(1)).toEqual(['C', 'B', 'A', 'D']);
    expect(await titles(3)).toEqual(['C', 'B', 'A', 'D']);
    await ok(call('POST', `/forum/topics/${ids.C}/pin`, editor, { pinned: false }));
    expect(await titles(2)).toEqual(['B', 'A', 'D', 'C']);
    const bad = await call('GET', '/forum/topics?cursor=bm90LWEtY3Vyc29y', anonymous);
    expect(bad.statusCode, bad.body).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'cursor' }] });
  });

  it("lets authors edit their own replies, not another's (403); moderators edit any; another tenant's is 404", async () => {
    const { tenant, editor } = await staff('forum-edits');
    const author = (await p.userWithToken(tenant.id, ['customer'])).headers;
    const someone = (await p.userWithToken(tenant.id, ['customer'])).headers;
    const topic = await ok(call('POST', '/forum/topics', editor, { title: 'Edits' }), 201);
    const mine = await ok(call('POST', `/forum/topics/${topic.id}/replies`, author, { body: 'typo' }), 201);
    const theirs = await ok(call('POST', `/forum/topics/${topic.id}/replies`, someone, { body: 'other' }), 201);
    const url = (replyId: string, topicId = topic.id) => `/forum/topics/${topicId}/replies/${replyId}`;

    const edited = await ok(call('PATCH', url(mine.id), author, { body: 'no typo' }));
    expect(edited).toMatchObject({ id: mine.id, body: 'no typo', revision: mine.revision + 1, status: 'published' });
    const forbidden = await call('PATCH', url(theirs.id), author, { body: 'hijacked' });
    expect(forbidden.statusCode, forbidden.body).toBe(403);
    expect(forbidden.json()).toMatchObject({ code: 'AUTH_FORBIDDEN' });
    expect((await ok(call('PATCH', url(theirs.id), editor, { body: 'moderated' }))).body).toBe('moderated');
    expect((await call('PATCH', url(mine.id), { 'x-tenant-id': tenant.id }, { body: 'x' })).statusCode).toBe(401);
    expect((await call('PATCH', url(mine.id), author, { body: '' })).statusCode).toBe(422);

    const other = await ok(call('POST', '/forum/topics', editor, { title: 'Other topic' }), 201);
    const elsewhere = await call('PATCH', url(mine.id, other.id), editor, { body: 'x' });
    expect(elsewhere.json(), elsewhere.body).toMatchObject({ status: 404, code: 'FORUM_REPLY_NOT_FOUND' });
    const notAReply = await call('PATCH', url(other.id, topic.id), editor, { body: 'x' });
    expect(notAReply.json()).toMatchObject({ code: 'FORUM_REPLY_NOT_FOUND' });

    const { editor: foreign } = await staff('forum-edits-b');
    const crossed = await call('PATCH', url(mine.id), foreign, { body: 'from B' });
    expect(crossed.statusCode, crossed.body).toBe(404);
    expect(crossed.json()).toMatchObject({ code: 'FORUM_TOPIC_NOT_FOUND' });

    await ok(call('POST', `/forum/topics/${topic.id}/lock`, editor, { locked: true }));
    const locked = await call('PATCH', url(mine.id), author, { body: 'too late' });
    expect(locked.json(), locked.body).toMatchObject({ status: 409, code: 'FORUM_TOPIC_LOCKED' });
    expect((await ok(call('PATCH', url(mine.id), editor, { body: 'closed by a moderator' }))).body).toBe('closed by a moderator');
    const read = await call('GET', `/forum/topics/${topic.id}/replies`, { 'x-tenant-id': tenant.id });
    expect(read.json<Page>().items.map((r) => [r.id, r.body])).toEqual([
      [theirs.id, 'moderated'],
      [mine.id, 'closed by a moderator'],
    ]);
    const { rows } = await p.database.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM sys_events WHERE tenant_id = $1 AND type = 'content.node.updated' AND envelope->'payload'->>'nodeId' = $2",
      [tenant.id, mine.id],
    );
    expect(rows).toEqual([{ n: 2 }]);
  });
});
