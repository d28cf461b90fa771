import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freeLoopbackPort } from './free-port.js';

const run = promisify(execFile);

/**
 * A PostgreSQL cluster of a test's own (initdb into a temporary directory, pg_ctl on a free
 * loopback port), for tests that stop or restart the server, which the shared one must never be.
 */
export interface PostgresCluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` (trust authentication). */
  readonly url: string;
  readonly port: number;
  /** `pg_ctl restart -m <mode>`; resolves once the server accepts connections again. */
  restart(mode?: 'smart' | 'fast' | 'immediate'): Promise<void>;
  /** Stops the server (immediate) and removes the directory. */
  stop(): Promise<void>;
}

const BASE = '/usr/lib/postgresql';

/** The newest `/usr/lib/postgresql/<version>/bin` holding initdb and pg_ctl, if any. */
const postgresBinDir = (): string | undefined => {
  if (!existsSync(BASE)) return undefined;
  const versions = readdirSync(BASE)
    .filter((v) => existsSync(join(BASE, v, 'bin', 'initdb')) && existsSync(join(BASE, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(BASE, versions[0], 'bin');
};

/** Why a cluster cannot be started here, or undefined. In CI (CI=true) a missing binary is an error. */
export const postgresClusterSkipReason = (env: NodeJS.ProcessEnv = process.env): string | undefined => {
  if (postgresBinDir()) return undefined;
  const reason = `no PostgreSQL binaries (initdb, pg_ctl) under ${BASE}/*/bin`;
  if (env.CI === 'true') throw new Error(`CI needs a PostgreSQL installation: ${reason}`);
  return reason;
};

/** initdb refuses to run as root: as root, the cluster belongs to the `postgres` OS user. */
const osUser = async (): Promise<{ uid: number; gid: number; prefix: string[] } | undefined> => {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
  const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
  return { uid, gid, prefix: ['runuser', '-u', 'postgres', '--'] };
};

/** Starts a fresh cluster; call `stop()` when done. */
export const startPostgresCluster = async (): Promise<PostgresCluster> => {
  const bin = postgresBinDir();
  if (!bin) throw new Error(postgresClusterSkipReason() ?? 'no PostgreSQL binaries');
  const dir = await mkdtemp(join(tmpdir(), 'rustok-pg-'));
  const user = await osUser();
  if (user) await chown(dir, user.uid, user.gid);
  const exec = (tool: string, args: string[]) => {
    const [file, ...rest] = [...(user?.prefix ?? []), join(bin, tool), ...args];
    return run(file as string, rest, { cwd: dir, timeout: 60_000 });
  };
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  const port = await freeLoopbackPort();
  const ctl = (args: string[]) => exec('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '60', ...args]);
  try {
    await exec('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
    await ctl(['start', '-o', `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir}`]);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    restart: async (mode = 'fast') => {
      await ctl(['restart', '-m', mode]);
    },
    stop: async () => {
      await ctl(['stop', '-m', 'immediate']).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
};
