import { Type } from '@sinclair/typebox';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { declareEvent, type EventEnvelope, type HandlerContext, handlesType, on, typeMatches } from './events.js';

const published = declareEvent({
  type: 'blog.post.published',
  schemaVersion: 1,
  payload: Type.Object({ postId: Type.String(), title: Type.String() }),
});

const envelope = (payload: unknown): EventEnvelope => ({
  id: '00000000-0000-7000-8000-000000000001',
  type: published.type,
  schemaVersion: 1,
  tenantId: '00000000-0000-7000-8000-000000000002',
  actorId: null,
  correlationId: 'c',
  causationId: null,
  traceId: null,
  occurredAt: new Date(0).toISOString(),
  retryCount: 0,
  payload,
});

describe('on(event, handler)', () => {
  it('subscribes the consumer to exactly the declared type and hands the payload over', async () => {
    const seen: string[] = [];
    const handler = on('index.posts', published, async (event) => {
      expectTypeOf(event.payload).toEqualTypeOf<{ postId: string; title: string }>();
      seen.push(`${event.payload.postId}:${event.payload.title}`);
    });
    expect(handler.consumer).toBe('index.posts');
    expect(handler.types).toEqual(['blog.post.published']);
    expect(handlesType(handler, 'blog.post.published')).toBe(true);
    expect(handlesType(handler, 'blog.post.deleted')).toBe(false);
    await handler.handle(envelope({ postId: 'p1', title: 'Hello' }), {} as HandlerContext);
    expect(seen).toEqual(['p1:Hello']);
  });
});

describe('typeMatches', () => {
  it('matches exact types, prefixes with .*, and every domain event with *', () => {
    expect(typeMatches('blog.post.published', 'blog.post.published')).toBe(true);
    expect(typeMatches('blog.post.*', 'blog.post.deleted')).toBe(true);
    expect(typeMatches('blog.*', 'blog.post.deleted')).toBe(true);
    expect(typeMatches('blog.*', 'blogs.post.deleted')).toBe(false);
    expect(typeMatches('*', 'commerce.order.placed')).toBe(true);
    expect(typeMatches('*', 'system.tenant.created')).toBe(false);
    expect(typeMatches('system.*', 'system.tenant.created')).toBe(true);
  });
});
