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
  /** Stops the server (fast) and keeps its files: `startServer()` starts it again. */
  stopServer(): Promise<void>;
  startServer(): Promise<void>;
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

/** A temporary directory owned by the cluster's OS user, and the PostgreSQL tools run as that user from it. */
const clusterHome = async () => {
  const bin = postgresBinDir();
  if (!bin) throw new Error(postgresClusterSkipReason() ?? 'no PostgreSQL binaries');
  const dir = await mkdtemp(join(tmpdir(), 'rustok-pg-'));
  const user = await osUser();
  if (user) await chown(dir, user.uid, user.gid);
  const exec = (tool: string, args: string[]) => {
    const [file, ...rest] = [...(user?.prefix ?? []), join(bin, tool), ...args];
    return run(file as string, rest, { cwd: dir, timeout: 120_000 });
  };
  const data = join(dir, 'data');
  const ctl = (args: string[]) => exec('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', ...args]);
  return { dir, data, exec, ctl };
};

type ClusterHome = Awaited<ReturnType<typeof clusterHome>>;

/** Starts the server of a prepared data directory on `port`; removes the directory when `prepare` or the start fails. */
const startIn = async (home: ClusterHome, port: number, prepare: () => Promise<unknown>): Promise<PostgresCluster> => {
  // wal_level=replica (the default since PostgreSQL 10, named here): a standby can be made of it.
  const start = () => home.ctl(['start', '-o', `-p ${port} -c listen_addresses=127.0.0.1 -k ${home.dir} -c wal_level=replica`]);
  try {
    await prepare();
    await start();
  } catch (error) {
    await rm(home.dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    restart: async (mode = 'fast') => {
      await home.ctl(['restart', '-m', mode]);
    },
    stopServer: async () => {
      await home.ctl(['stop', '-m', 'fast']);
    },
    startServer: async () => {
      await start();
    },
    stop: async () => {
      await home.ctl(['stop', '-m', 'immediate']).catch(() => undefined);
      await rm(home.dir, { recursive: true, force: true });
    },
  };
};

/** Starts a fresh cluster (which can have standbys: startStandby); call `stop()` when done. */
export const startPostgresCluster = async (): Promise<PostgresCluster> => {
  const home = await clusterHome();
  const port = await freeLoopbackPort();
  return startIn(home, port, () => home.exec('initdb', ['-D', home.data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']));
};

/**
 * A streaming-replication standby of `primary` on a free port of its own: a base backup of the
 * primary (`pg_basebackup -R`, which also writes the connection to it), started as a hot standby
 * that answers reads and replays the primary's WAL. initdb's trust rules admit replication
 * connections from the loopback. `stop()` it before the primary.
 */
export const startStandby = async (primary: PostgresCluster): Promise<PostgresCluster> => {
  const home = await clusterHome();
  const port = await freeLoopbackPort();
  const source = ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres'];
  return startIn(home, port, () => home.exec('pg_basebackup', [...source, '-D', home.data, '-R', '-X', 'stream', '--no-sync']));
};
