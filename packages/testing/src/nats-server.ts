import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeLoopbackPort } from './free-port.js';

/**
 * A NATS server with JetStream of a test's own (a free loopback port, a temporary store), for
 * tests that stop and restart it, which the shared one must never be.
 */
export interface NatsServer {
  readonly url: string;
  readonly port: number;
  /** Stops the process (SIGTERM) and waits for its exit; the store stays. */
  stop(): Promise<void>;
  /**
   * Starts it again on the same port and store; resolves once it accepts connections. With
   * `jetstream: false` it comes back without JetStream (as while JetStream is not ready yet).
   */
  start(options?: { readonly jetstream?: boolean }): Promise<void>;
  /** Stops it for good and removes the store. */
  close(): Promise<void>;
}

const binary = (): string | undefined => {
  try {
    return execFileSync('sh', ['-c', 'command -v nats-server'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
};

/** Why no NATS server can be started here, or undefined. In CI (CI=true) a missing binary is an error. */
export const natsServerSkipReason = (env: NodeJS.ProcessEnv = process.env): string | undefined => {
  if (binary()) return undefined;
  const reason = 'no nats-server binary on the PATH';
  if (env.CI === 'true') throw new Error(`CI needs ${reason.replace('no ', 'a ')}`);
  return reason;
};

const accepts = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('error', () => done(false));
    socket.connect(port, '127.0.0.1', () => done(true));
  });

export const startNatsServer = async (): Promise<NatsServer> => {
  const file = binary();
  if (!file) throw new Error(natsServerSkipReason() ?? 'no nats-server');
  const store = await mkdtemp(join(tmpdir(), 'rustok-nats-'));
  const port = await freeLoopbackPort();
  let child: ChildProcess | undefined;
  const start = async (options: { readonly jetstream?: boolean } = {}) => {
    const js = options.jetstream === false ? [] : ['-js', '-sd', store];
    const c = spawn(file, [...js, '-a', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
    child = c;
    const deadline = Date.now() + 15_000;
    while (!(await accepts(port))) {
      if (c.exitCode !== null || Date.now() > deadline) throw new Error(`nats-server did not start on port ${port}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const stop = async () => {
    const c = child;
    child = undefined;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGTERM');
    await exited;
  };
  await start();
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    stop,
    start,
    close: async () => {
      await stop();
      await rm(store, { recursive: true, force: true });
    },
  };
};
