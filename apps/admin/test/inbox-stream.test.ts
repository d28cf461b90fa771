import { afterEach, describe, expect, it, vi } from 'vitest';
import { followInbox } from '../src/api/inbox-stream.js';

const streamOf = (chunks: readonly string[], signal: AbortSignal | null | undefined, end: boolean): ReadableStream<Uint8Array> =>
  new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      if (end) controller.close();
      else signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
    },
  });

const eventStream = (body: ReadableStream<Uint8Array>) => new Response(body, { headers: { 'content-type': 'text/event-stream' } });

describe('following the inbox stream', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends the bearer token, reports counts and notices, reconnects after a failure and after the stream ends', async () => {
    const store = new Map([['rustok.admin.session', JSON.stringify({ tenant: 'shop', accessToken: 'tok' })]]);
    vi.stubGlobal('sessionStorage', { getItem: (k: string) => store.get(k) ?? null, setItem: () => {}, removeItem: () => {} });
    const calls: { url: string; headers: Record<string, string> }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push({ url, headers: init.headers as Record<string, string> });
      if (calls.length === 1) return new Response('{}', { status: 503, headers: { 'content-type': 'application/problem+json' } });
      if (calls.length === 2) {
        const notice = JSON.stringify({ id: 'n1', kind: 'orders.placed', title: 'New order #1', createdAt: '2026-01-01T00:00:00Z' });
        const chunks = [
          'retry: 3000\n\nevent: unread\ndata: {"count":0}\n\n',
          `id: n1\nevent: notification\ndata: ${notice}\n\n`,
          'event: unread\ndata: {"count":1}\n\n',
        ];
        return eventStream(streamOf(chunks, init.signal, true));
      }
      return eventStream(streamOf([': ping\n\n'], init.signal, false));
    });
    const seen: string[] = [];
    const controller = new AbortController();
    const following = followInbox(
      {
        onOpen: () => seen.push('open'),
        onDown: () => seen.push('down'),
        onUnread: (count) => seen.push(`unread ${count}`),
        onNotice: (n) => seen.push(`notice ${n.id} ${n.title} ${n.readAt}`),
      },
      controller.signal,
    );
    await vi.waitFor(() => expect(calls).toHaveLength(3), { timeout: 5_000 });
    controller.abort();
    await following;
    expect(seen).toEqual(['down', 'open', 'unread 0', 'notice n1 New order #1 null', 'unread 1', 'open']);
    expect(calls.map((c) => c.url)).toEqual(Array(3).fill('/api/v1/notifications/inbox/stream'));
    expect(calls[0]?.headers).toMatchObject({ authorization: 'Bearer tok', 'x-tenant-id': 'shop', accept: 'text/event-stream' });
    expect(calls[1]?.headers['last-event-id']).toBeUndefined();
    // The reconnection asks for what came after the last notice it saw.
    expect(calls[2]?.headers['last-event-id']).toBe('n1');
  });
});
