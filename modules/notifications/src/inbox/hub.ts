import type { Database } from '@rustok/db';
import { INBOX_CHANNEL, parseInboxSignal } from './live.js';

/** One open live stream as the hub sees it: woken with the new notice's id (none: look again), closed on shutdown. */
export interface InboxWatcher {
  readonly key: string;
  wake(notificationId: string | undefined): void;
  close(): void;
}

export interface InboxHub {
  /** Starts hearing the channel (once per process) and adds the watcher; returns its removal. */
  watch(watcher: InboxWatcher): Promise<() => void>;
  /** Closes every watcher and stops listening (the server is closing). */
  close(): Promise<void>;
}

const createHub = (db: Database): InboxHub => {
  const watchers = new Map<string, Set<InboxWatcher>>();
  let listening: Promise<() => Promise<void>> | undefined;
  const all = () => [...watchers.values()].flatMap((set) => [...set]);
  const dispatch = (payload: string): void => {
    const signal = parseInboxSignal(payload);
    // An empty payload follows a lost connection: what was sent meanwhile is unknown, every watcher looks again.
    if (!signal) for (const w of all()) w.wake(undefined);
    else for (const w of watchers.get(signal.key) ?? []) w.wake(signal.notificationId);
  };
  return {
    async watch(watcher) {
      listening ??= db.listen(INBOX_CHANNEL, dispatch);
      await listening.catch((error: unknown) => {
        listening = undefined;
        throw error;
      });
      const set = watchers.get(watcher.key) ?? new Set();
      set.add(watcher);
      watchers.set(watcher.key, set);
      return () => {
        set.delete(watcher);
        if (set.size === 0 && watchers.get(watcher.key) === set) watchers.delete(watcher.key);
      };
    },
    async close() {
      for (const w of all()) w.close();
      watchers.clear();
      const stop = listening;
      listening = undefined;
      await (await stop?.catch(() => undefined))?.();
    },
  };
};

const hubs = new WeakMap<Database, InboxHub>();

/** The process's hub of a database: one LISTEN connection however many streams are open. */
export const inboxHubOf = (db: Database): InboxHub => {
  let hub = hubs.get(db);
  if (!hub) {
    hub = createHub(db);
    hubs.set(db, hub);
  }
  return hub;
};
