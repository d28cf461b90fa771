import pg from 'pg';

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * LISTEN on a dedicated connection (a pooled one would be handed to other work). The connection is
 * re-established after an error, with a growing delay, until the returned function is called.
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
  let delay = 100;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url, options: `-c role=${role}` });
    c.on('notification', (message) => onNotify(message.payload ?? ''));
    c.on('error', () => {
      void c.end().catch(() => {});
      if (client === c) client = undefined;
      if (!stopped) setTimeout(() => void reconnect(), delay).unref();
    });
    await c.connect();
    await c.query(`LISTEN ${channel}`);
    client = c;
    delay = 100;
  };
  const reconnect = async (): Promise<void> => {
    if (stopped || client) return;
    try {
      await connect();
      onNotify(''); // whatever was sent while disconnected is unknown: wake the listener once
    } catch {
      delay = Math.min(delay * 2, 5_000);
      if (!stopped) setTimeout(() => void reconnect(), delay).unref();
    }
  };
  await connect();
  return async () => {
    stopped = true;
    await client?.end().catch(() => {});
    client = undefined;
  };
};
