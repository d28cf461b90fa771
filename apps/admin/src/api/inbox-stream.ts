import { backoffMs } from '../debounce.js';
import { sendAsUser } from './client.js';
import { type NotificationView, noticeOf } from './inbox.js';
import { type SseEvent, sseParser } from './sse.js';

/** What the live inbox reports. */
export interface InboxStreamHandlers {
  /** The stream answered: from now on counts come live. */
  readonly onOpen: () => void;
  /** The stream failed (or the server refused it): another try follows after a pause. */
  readonly onDown: () => void;
  readonly onUnread: (count: number) => void;
  readonly onNotice: (notice: NotificationView) => void;
}

const STREAM = '/notifications/inbox/stream';
/** The pause before reconnecting after the server ended a stream (it does so every few minutes). */
const RECONNECT_MS = 500;

const dispatch = (handlers: InboxStreamHandlers, e: SseEvent): void => {
  try {
    if (e.event === 'unread') handlers.onUnread(Number((JSON.parse(e.data) as { count?: unknown }).count ?? 0));
    else if (e.event === 'notification') handlers.onNotice(noticeOf(JSON.parse(e.data) as Partial<NotificationView>));
  } catch {
    // A line the client does not understand changes nothing.
  }
};

/**
 * One connection: reads events until the server ends the stream (true) or it fails (false). The
 * token goes in a header (fetch, not EventSource); an expired one is refreshed first.
 */
const readOnce = async (handlers: InboxStreamHandlers, signal: AbortSignal, lastId: { value?: string }): Promise<boolean> => {
  const headers: Record<string, string> = { accept: 'text/event-stream', ...(lastId.value ? { 'last-event-id': lastId.value } : {}) };
  const res = await sendAsUser(STREAM, { headers, signal });
  if (!res.ok || !res.body) return false;
  handlers.onOpen();
  const parser = sseParser((e) => {
    if (e.id) lastId.value = e.id;
    dispatch(handlers, e);
  });
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return true;
    parser.push(value);
  }
};

const pause = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/**
 * Follows the signed-in user's inbox until `signal` is aborted: reconnects at once after the server
 * ends a stream (it does so every so often), after a pause growing with each failure in a row
 * otherwise; notices missed meanwhile come first (`Last-Event-ID`).
 */
export const followInbox = async (handlers: InboxStreamHandlers, signal: AbortSignal): Promise<void> => {
  const lastId: { value?: string } = {};
  let failures = 0;
  while (!signal.aborted) {
    const ended = await readOnce(handlers, signal, lastId).catch(() => false);
    if (signal.aborted) return;
    failures = ended ? 0 : failures + 1;
    if (!ended) handlers.onDown();
    await pause(ended ? RECONNECT_MS : backoffMs(failures), signal);
  }
};
