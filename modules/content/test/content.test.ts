import { systemActor } from '@rustok/api';
import { describeEachBackend, tenantSuite } from '@rustok/testing';
import { expect, it } from 'vitest';
import { contentModule } from '../src/index.js';
import { type ContentNode, publishDue } from '../src/kit.js';
import { eventsOf, expectProblem } from './helpers.js';

describeEachBackend('content nodes', (backend) => {
  const s = tenantSuite(backend, [contentModule], 'content-a', ['editor']);
  const create = async (body: Record<string, unknown>, headers = s.user) => {
    const res = await s.call('POST', '/content/nodes', headers, { kind: 'post', ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<ContentNode>();
  };

  it('walks create → translate → publish → edit → restore → archive, with an event for each step', async () => {
    const node = await create({ title: 'Hello world', body: 'First *version*', excerpt: 'hi' });
    expect(node).toMatchObject({
      status: 'draft',
      locale: 'en',
      slug: 'hello-world',
      revision: 1,
      bodyHtml: '<p>First <em>version</em></p>\n',
    });
    const ru = await s.call('PUT', `/content/nodes/${node.id}/translations/ru`, s.user, { title: 'Привет мир', body: 'Первая версия' });
    expect(ru.statusCode, ru.body).toBe(200);
    expect(ru.json()).toMatchObject({ locale: 'ru', slug: 'privet-mir', translations: [{ locale: 'en' }, { locale: 'ru' }] });
    const published = await s.call('POST', `/content/nodes/${node.id}/publish`, s.user);
    expect(published.json()).toMatchObject({ status: 'published', allowedTransitions: ['archived', 'draft'] });
    expect(published.json<ContentNode>().publishedAt).not.toBeNull();
    const edited = await s.call('PATCH', `/content/nodes/${node.id}`, s.user, { body: 'Second version', title: 'Hello again' });
    expect(edited.json()).toMatchObject({ title: 'Hello again', body: 'Second version', slug: 'hello-world', revision: 4 });
    const revisions = (await s.call('GET', `/content/nodes/${node.id}/revisions`, s.user)).json<{
      items: { id: string; number: number; action: string }[];
    }>();
    expect(revisions.items.map((r) => [r.number, r.action])).toEqual([
      [4, 'updated'],
      [3, 'published'],
      [2, 'translated'],
      [1, 'created'],
    ]);
    const previous = revisions.items[1]?.id;
    const restored = await s.call('POST', `/content/nodes/${node.id}/revisions/${previous}/restore`, s.user);
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json()).toMatchObject({ title: 'Hello world', body: 'First *version*', status: 'published', revision: 5 });
    const archived = await s.call('POST', `/content/nodes/${node.id}/transitions`, s.user, { to: 'archived' });
    expect(archived.json()).toMatchObject({ status: 'archived', allowedTransitions: ['draft'] });
    const events = await eventsOf(s.p, s.tenant.id, node.id);
    expect(events.map((e) => e.type)).toEqual([
      'content.node.created',
      'content.node.updated',
      'content.node.published',
      'content.node.updated',
      'content.node.updated',
      'content.node.archived',
    ]);
    expect(events[1]?.payload).toMatchObject({ changes: ['translations.ru'], locales: ['en', 'ru'] });
    expect(events[4]?.payload).toMatchObject({ changes: ['restored:3'], revision: 5 });
    const deleted = await s.call('DELETE', `/content/nodes/${node.id}`, s.user);
    expect(deleted.statusCode).toBe(204);
    expect((await eventsOf(s.p, s.tenant.id, node.id)).at(-1)).toEqual({
      type: 'content.node.deleted',
      payload: { nodeId: node.id, kind: 'post' },
    });
    expectProblem(await s.call('GET', `/content/nodes/${node.id}`, s.user), 404, 'CONTENT_NODE_NOT_FOUND');
  });

  it('refuses an invalid transition with 409 naming the allowed ones', async () => {
    const node = await create({ title: 'Transitions' });
    const res = await s.call('POST', `/content/nodes/${node.id}/transitions`, s.user, { to: 'archived' });
    expectProblem(res, 409, 'CONTENT_INVALID_TRANSITION');
    expect(res.json<{ detail: string }>().detail).toContain('published, scheduled');
    expectProblem(await s.call('POST', `/content/nodes/${node.id}/transitions`, s.user, { to: 'scheduled' }), 422, 'VALIDATION_FAILED');
    expectProblem(await s.call('POST', `/content/nodes/${node.id}/transitions`, s.user, { to: 'gone' }), 422, 'VALIDATION_FAILED');
  });

  it('publishes scheduled nodes when their time comes', async () => {
    const node = await create({ title: 'Later' });
    const publishAt = new Date(Date.now() + 3_600_000).toISOString();
    const scheduled = await s.call('POST', `/content/nodes/${node.id}/transitions`, s.user, { to: 'scheduled', publishAt });
    expect(scheduled.json()).toMatchObject({ status: 'scheduled', publishAt });
    const ctx = { db: s.p.database.db, events: s.p.bus, tenantId: s.tenant.id, actor: systemActor };
    expect(await publishDue(ctx)).toEqual([]);
    expect(await publishDue(ctx, new Date(Date.now() + 7_200_000))).toEqual([node.id]);
    expect((await s.call('GET', `/content/nodes/${node.id}`, s.user)).json()).toMatchObject({ status: 'published' });
    expect((await eventsOf(s.p, s.tenant.id, node.id)).at(-1)?.type).toBe('content.node.published');
  });

  it('makes slugs from Cyrillic titles, numbers collisions and refuses bad slugs', async () => {
    const first = await create({ title: 'Съешь же ещё этих мягких булок' });
    expect(first.slug).toBe('syesh-zhe-eschyo-etikh-myagkikh-bulok');
    const second = await create({ title: 'Съешь же ещё этих мягких булок' });
    expect(second.slug).toBe(`${first.slug}-2`);
    const other = await create({ title: 'Съешь же ещё этих мягких булок', kind: 'page' });
    expect(other.slug).toBe(first.slug);
    expectProblem(
      await s.call('POST', '/content/nodes', s.user, { kind: 'post', title: 'x', slug: '../etc/passwd' }),
      422,
      'VALIDATION_FAILED',
    );
    expectProblem(await s.call('PATCH', `/content/nodes/${first.id}`, s.user, { slug: '../x' }), 422);
    expectProblem(await s.call('PATCH', `/content/nodes/${second.id}`, s.user, { slug: first.slug }), 409, 'CONTENT_SLUG_TAKEN');
  });

  it('strips <script> from the rendered HTML and keeps the raw body', async () => {
    const raw = 'Hi <script>alert(1)</script><img src=x onerror="alert(2)"> [x](javascript:alert(3))';
    const node = await create({ title: 'XSS', body: raw });
    const got = (await s.call('GET', `/content/nodes/${node.id}`, s.user)).json<ContentNode>();
    expect(got.body).toBe(raw);
    expect(got.bodyHtml).not.toMatch(/script|onerror|javascript:/);
    const html = await create({ title: 'HTML', body: '<p onclick="x()">ok</p><script>bad()</script>', bodyFormat: 'html' });
    expect(html.bodyHtml).toBe('<p>ok</p>');
  });

  it('answers bad input with problem+json and stores nothing', async () => {
    const before = (await s.call('GET', '/content/nodes?limit=100', s.user)).json<{ items: unknown[] }>().items.length;
    expectProblem(await s.call('POST', '/content/nodes', s.user, { kind: 'post' }), 422, 'VALIDATION_FAILED');
    expectProblem(await s.call('POST', '/content/nodes', s.user, { kind: 'post', title: '   ' }), 422, 'VALIDATION_FAILED');
    expectProblem(
      await s.call('POST', '/content/nodes', s.user, { kind: 'post', title: 'x', locale: 'de' }),
      422,
      'CONTENT_LOCALE_UNSUPPORTED',
    );
    expectProblem(
      await s.call('POST', '/content/nodes', s.user, { kind: 'post', title: 'x', locale: 'english' }),
      422,
      'VALIDATION_FAILED',
    );
    expectProblem(await s.call('POST', '/content/nodes', s.user, { kind: '../x', title: 'x' }), 422, 'VALIDATION_FAILED');
    expectProblem(
      await s.call('POST', '/content/nodes', s.user, { kind: 'post', title: 'big', body: 'x'.repeat(10 * 1024 * 1024) }),
      413,
      'REQUEST_TOO_LARGE',
    );
    expectProblem(
      await s.call('POST', '/content/nodes', s.user, { kind: 'post', title: 'x', categoryId: '0190a1b2-0000-7000-8000-000000000001' }),
      422,
    );
    const node = await create({ title: 'Locales' });
    expectProblem(
      await s.call('PUT', `/content/nodes/${node.id}/translations/de`, s.user, { title: 'Hallo' }),
      422,
      'CONTENT_LOCALE_UNSUPPORTED',
    );
    expectProblem(await s.call('PUT', `/content/nodes/${node.id}/translations/..%2F`, s.user, { title: 'x' }), 422);
    expectProblem(await s.call('GET', `/content/nodes/${node.id}?locale=de`, s.user), 422, 'CONTENT_LOCALE_UNSUPPORTED');
    expect((await s.call('GET', '/content/nodes?limit=100', s.user)).json<{ items: unknown[] }>().items.length).toBe(before + 1);
  });

  it('falls back from the requested locale to the tenant default, then to any', async () => {
    const both = await create({ title: 'Both' });
    await s.call('PUT', `/content/nodes/${both.id}/translations/ru`, s.user, { title: 'Оба' });
    const onlyRu = await create({ title: 'Только русский', locale: 'ru' });
    const get = async (id: string, locale: string) =>
      (await s.call('GET', `/content/nodes/${id}?locale=${locale}`, s.user)).json<ContentNode>();
    expect(await get(both.id, 'ru')).toMatchObject({ locale: 'ru', title: 'Оба' });
    expect(await get(both.id, 'en')).toMatchObject({ locale: 'en', title: 'Both' });
    expect(await get(onlyRu.id, 'en')).toMatchObject({ locale: 'ru', title: 'Только русский' });
    const enOnly = await create({ title: 'English only' });
    expect(await get(enOnly.id, 'ru')).toMatchObject({ locale: 'en', title: 'English only' });
  });
});
