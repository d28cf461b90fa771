import pg from 'pg';

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;
const MAX_DELAY_MS = 5_000;

/**
 * LISTEN on a dedicated connection (a pooled one would be handed to other work). When the
 * connection is lost (a restart, a network cut) it is re-established, with a growing delay up to
 * 5 s, until the returned function is called; one reconnection runs at a time. After reconnecting,
 * `onNotify('')` is called once, because notifications sent meanwhile are lost.
 */
export const listenPostgres = async (
  url: string,
  role: string,
  channel: string,
  onNotify: (payload: string) => void,
): Promise<() => Promise<void>> => {
  if (!CHANNEL.test(channel)) throw new Error(`Invalid channel name "${channel}"`);
  let stopped = false;
  let client: pg.Client | undefined;
  let timer: NodeJS.Timeout | undefined;
  let delay = 100;
  const schedule = () => {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void reconnect();
    }, delay);
    timer.unref();
  };
  const lost = (c: pg.Client) => {
    void c.end().catch(() => {});
    if (client !== c) return;
    client = undefined;
    schedule();
  };
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url, options: `-c role=${role}` });
    c.on('notification', (message) => onNotify(message.payload ?? ''));
    // Always listened to: an unheard 'error' event would end the process.
    c.on('error', () => lost(c));
    c.on('end', () => lost(c));
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
    } catch (error) {
      void c.end().catch(() => {});
      throw error;
    }
    if (stopped) {
      await c.end().catch(() => {});
      return;
    }
    client = c;
    delay = 100;
  };
  const reconnect = async (): Promise<void> => {
    if (stopped || client) return;
    try {
      await connect();
      if (!stopped) onNotify(''); // whatever was sent while disconnected is unknown: wake the listener once
    } catch {
      delay = Math.min(delay * 2, MAX_DELAY_MS);
      schedule();
    }
  };
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    const c = client;
    client = undefined;
    await c?.end().catch(() => {});
  };
};
