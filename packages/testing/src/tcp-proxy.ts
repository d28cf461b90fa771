import { createServer, type Server, Socket } from 'node:net';

/**
 * A TCP proxy in front of a real server, to make that server "go away" and "come back" in a test
 * without touching it: `cut()` drops every connection and refuses new ones, `restore()` resumes.
 */
export interface TcpProxy {
  readonly port: number;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export interface TcpProxyOptions {
  /** Holds every chunk the server sends this long before passing it on (a slow network or server). */
  readonly replyDelayMs?: number;
}

export const startTcpProxy = async (targetHost: string, targetPort: number, options: TcpProxyOptions = {}): Promise<TcpProxy> => {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer((client) => {
        const upstream = new Socket();
        sockets.add(client).add(upstream);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        const delay = options.replyDelayMs ?? 0;
        // What the server sent before closing still reaches the client, as late as the rest.
        const dropAfterReplies = () => (delay === 0 ? drop() : setTimeout(drop, delay));
        client.on('error', drop).on('close', drop);
        upstream.on('error', dropAfterReplies).on('close', dropAfterReplies);
        upstream.connect(targetPort, targetHost, () => {
          client.pipe(upstream);
          if (delay === 0) upstream.pipe(client);
          else upstream.on('data', (chunk: Buffer) => setTimeout(() => client.writable && client.write(chunk), delay));
        });
      });
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        port = (s.address() as { port: number }).port;
        server = s;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      if (!server) return resolve();
      server.close(() => resolve());
      server = undefined;
    });
  await listen();
  return { port, cut: stop, restore: listen, close: stop };
};
