import { PassThrough } from 'node:stream';
import { inTenant } from '@rustok/api';
import { generateId, isId } from '@rustok/kernel';
import type { NotificationsContext } from '../context.js';
import { type InboxWatcher, inboxHubOf } from '../inbox/hub.js';
import { inboxOwnerOf } from '../inbox/owner.js';
import type { Notification } from '../schemas-inbox.js';
import { countUnread, selectNoticesAfter, selectNoticesById } from '../store/inbox.js';

/** An open stream: the response body, and how to end it (the client left, the server closes). */
export interface InboxStream {
  readonly body: PassThrough;
  close(): void;
}

const CATCH_UP = 50;
const REMEMBERED = 500;

const noticeEvent = (n: Notification): string => `id: ${n.id}\nevent: notification\ndata: ${JSON.stringify(n)}\n\n`;
const countEvent = (count: number): string => `event: unread\ndata: ${JSON.stringify({ count })}\n\n`;

/** What a stream sends over its life: notices it has not sent, the unread count, heartbeats when idle. */
const streamState = (ctx: NotificationsContext, userId: string, since: string) => {
  const body = new PassThrough();
  const sent = new Set<string>();
  const timers: { idle?: NodeJS.Timeout; life?: NodeJS.Timeout } = {};
  let newest = since;
  let closed = false;
  const write = (text: string): void => {
    if (closed) return;
    body.write(text);
    clearTimeout(timers.idle);
    timers.idle = setTimeout(() => write(': ping\n\n'), ctx.inbox.heartbeat_ms);
  };
  const send = (notices: readonly Notification[], count: number): void => {
    for (const n of notices.filter((x) => !sent.has(x.id))) {
      write(noticeEvent(n));
      sent.add(n.id);
      if (sent.size > REMEMBERED) sent.delete(sent.values().next().value as string);
      if (n.id > newest) newest = n.id;
    }
    write(countEvent(count));
  };
  /** Reads the new notice (`newer`: any newer than the newest sent; `count`: none) and the count, in the caller's tenant. */
  const look = (which: string | 'newer' | 'count') =>
    inTenant(ctx, async (w) => {
      const notices =
        which === 'count'
          ? []
          : which === 'newer'
            ? await selectNoticesAfter(w.tx, userId, newest, CATCH_UP)
            : await selectNoticesById(w.tx, userId, [which]);
      send(notices, await countUnread(w.tx, userId));
    });
  return { body, timers, write, look, isClosed: () => closed, markClosed: () => (closed = true) };
};

/**
 * GET /notifications/inbox/stream: the caller's live inbox as server-sent events. First the unread
 * count (and, with `Last-Event-ID`, the notices after it); then each new notice (`notification`,
 * its id as the event id) followed by the count (`unread`), also when the user reads elsewhere;
 * a comment when idle. New notices reach it from any process (inbox/hub.ts). It ends after
 * `stream_max_ms`, when the server closes, or when the client leaves.
 */
export const openInboxStream = async (ctx: NotificationsContext, lastEventId?: string): Promise<InboxStream> => {
  const userId = inboxOwnerOf(ctx);
  const s = streamState(ctx, userId, lastEventId && isId(lastEventId) ? lastEventId : generateId());
  let chain: Promise<void> = Promise.resolve();
  let unwatch: (() => void) | undefined;
  const close = (): void => {
    if (s.isClosed()) return;
    s.markClosed();
    clearTimeout(s.timers.idle);
    clearTimeout(s.timers.life);
    unwatch?.();
    s.body.end();
  };
  const look = (which: string): void => {
    chain = chain.then(() => (s.isClosed() ? undefined : s.look(which))).catch(close);
  };
  const wake = (notificationId: string | undefined): void => look(notificationId && isId(notificationId) ? notificationId : 'newer');
  const watcher: InboxWatcher = { key: `${ctx.tenantId} ${userId}`, wake, close };
  unwatch = await inboxHubOf(ctx.db).watch(watcher);
  s.write('retry: 3000\n\n');
  look(lastEventId && isId(lastEventId) ? 'newer' : 'count');
  s.timers.life = setTimeout(close, ctx.inbox.stream_max_ms);
  return { body: s.body, close };
};
