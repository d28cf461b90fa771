// NATS JetStream consumer groups with real OS processes: two child processes (fixtures/nats-consumer.ts,
// run from the TypeScript sources) share one durable group and split the stored events between them,
// each event handed to exactly one of them exactly once; then a new group, in another process,
// reads every stored event from the start. Needs both PostgreSQL (DATABASE_URL) and NATS (NATS_URL).
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Database, openPostgres, runMigrations } from '@rustok/db';
import { defineModule, type EventEnvelope, generateId } from '@rustok/kernel';
import { createThrowawayDatabase } from '@rustok/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eventsModule, type NatsStreaming } from '../src/index.js';
import { connectNatsStreaming, deleteStreams } from '../src/nats/index.js';
import { makeEnvelope, silentLogger, uniqueNames } from '../src/nats/test-fixtures/streaming.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const script = fileURLToPath(new URL('./fixtures/nats-consumer.ts', import.meta.url));

const APP_ROLE = 'rustok_app';
const N = 200;

const { urls, skipped } = inject('services');
const missing = [skipped.postgres && `postgres: ${skipped.postgres}`, skipped.nats && `nats: ${skipped.nats}`].filter(
  (reason): reason is string => Boolean(reason),
);
const title = `NATS consumer groups across OS processes [postgres + nats${missing.length ? `: skipped, ${missing.join('; ')}` : ''}]`;

/**
 * `handled` has a primary key (the effect of an event is kept once); `handled_log` has none, so a
 * second handling of an event would be a second row there.
 */
const processFixtureModule = defineModule({
  slug: 'fixture',
  name: 'Fixture',
  description: 'which process handled which event',
  version: '1.0.0',
  kind: 'optional',
  migrations: [
    {
      name: 'm20260101_fixture_001_handled',
      up: `
CREATE TABLE handled (consumer text NOT NULL, event_id uuid NOT NULL, pid int NOT NULL, PRIMARY KEY (consumer, event_id));
CREATE TABLE handled_log (consumer text NOT NULL, event_id uuid NOT NULL, pid int NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp());`,
    },
  ],
});

type Message = Record<string, unknown>;
interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

const live = new Set<ChildProcess>();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const waitUntil = async (what: string, check: () => Promise<boolean> | boolean, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(50);
  }
};

/** A consumer process: JSON lines on its stdout are its reports, `start` on its stdin lets it consume. */
const startChild = (env: Record<string, string>) => {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', script], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'test', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  live.add(child);
  const messages: Message[] = [];
  let buffered = '';
  let stderr = '';
  let exit: Exit | undefined;
  child.stdout?.on('data', (data) => {
    buffered += data;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) if (line.startsWith('{')) messages.push(JSON.parse(line) as Message);
  });
  child.stderr?.on('data', (data) => (stderr += data));
  child.stdin?.on('error', () => {}); // the child may be gone already
  const closed = new Promise<Exit>((resolve) => {
    child.once('close', (code, signal) => {
      live.delete(child);
      exit = { code, signal };
      resolve(exit);
    });
  });
  const describeChild = () => `pid ${child.pid}; messages: ${JSON.stringify(messages).slice(0, 2_000)}; stderr: ${stderr}`;

  return {
    pid: child.pid ?? -1,
    messages,
    /** The first report carrying `key`; fails when the child exits or stays silent too long. */
    async report(key: string, timeoutMs = 20_000): Promise<Message> {
      await waitUntil(
        `report "${key}" from the child`,
        () => {
          if (messages.some((m) => key in m)) return true;
          if (exit) throw new Error(`the child exited (${JSON.stringify(exit)}) before reporting "${key}"; ${describeChild()}`);
          return false;
        },
        timeoutMs,
      ).catch((error: Error) => {
        throw new Error(`${error.message}; ${describeChild()}`);
      });
      return messages.find((m) => key in m) as Message;
    },
    send(line: string) {
      child.stdin?.write(`${line}\n`);
    },
    /** SIGTERM, then waits (bounded) for the child to exit; SIGKILLs it if it does not. */
    async stop(timeoutMs = 10_000): Promise<Exit> {
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), timeoutMs);
      });
      const result = await Promise.race([closed, timeout]);
      clearTimeout(timer);
      if (!result) {
        child.kill('SIGKILL');
        throw new Error(`the child did not exit within ${timeoutMs} ms of SIGTERM; ${describeChild()}`);
      }
      return result;
    },
    describe: describeChild,
  };
};
type Child = ReturnType<typeof startChild>;

/** The event ids a stopped child reports it was handed by its consumer. */
const deliveredTo = async (child: Child): Promise<string[]> => (await child.report('stopped', 1_000)).delivered as string[];

describe.skipIf(missing.length > 0)(title, () => {
  const names = uniqueNames();
  const tenantId = generateId();
  const items: EventEnvelope[] = Array.from({ length: N }, () => makeEnvelope(tenantId, 'fixture.item.created'));
  const published = items.map((e) => e.id).sort();
  let scratch: { url: string; drop: () => Promise<void> } | undefined;
  let db: Database | undefined;
  let streaming: NatsStreaming | undefined;

  const childEnv = (mode: 'group' | 'replay', group: string, consumer: string): Record<string, string> => ({
    NATS_PROC_URL: urls.nats ?? '',
    NATS_PROC_DATABASE_URL: scratch?.url ?? '',
    NATS_PROC_ROOT: names.root,
    NATS_PROC_STREAM_PREFIX: names.streamPrefix,
    NATS_PROC_MODE: mode,
    NATS_PROC_GROUP: group,
    NATS_PROC_CONSUMER: consumer,
  });
  const query = async <Row extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<Row[]> => {
    if (!db) throw new Error('no database');
    return (await db.query<Row>(sql, params)).rows;
  };
  const handledCount = async (consumer: string) =>
    (await query<{ n: number }>('SELECT count(*)::int AS n FROM handled WHERE consumer = $1', [consumer]))[0]?.n ?? 0;
  /** Handled events per process, from `handled`; and events with more than one row in `handled_log`. */
  const perPid = async (consumer: string) =>
    Object.fromEntries(
      (
        await query<{ pid: number; n: number }>('SELECT pid, count(*)::int AS n FROM handled WHERE consumer = $1 GROUP BY pid', [consumer])
      ).map((r) => [r.pid, r.n]),
    );
  const handledTwice = (consumer: string) =>
    query<{ event_id: string; n: number }>(
      'SELECT event_id, count(*)::int AS n FROM handled_log WHERE consumer = $1 GROUP BY event_id HAVING count(*) > 1',
      [consumer],
    );
  const handledIds = async (consumer: string) =>
    (await query<{ event_id: string }>('SELECT event_id FROM handled WHERE consumer = $1 ORDER BY event_id', [consumer])).map(
      (r) => r.event_id,
    );
  const logRows = async (consumer: string) =>
    (await query<{ n: number }>('SELECT count(*)::int AS n FROM handled_log WHERE consumer = $1', [consumer]))[0]?.n;
  const receipts = async (consumer: string) =>
    (await query<{ n: number }>('SELECT count(*)::int AS n FROM sys_event_receipts WHERE consumer = $1', [consumer]))[0]?.n;

  beforeAll(async () => {
    if (!urls.postgres || !urls.nats) throw new Error('postgres and nats are required');
    scratch = await createThrowawayDatabase(urls.postgres);
    db = await openPostgres({
      url: scratch.url,
      appRole: APP_ROLE,
      poolMax: 2,
      ownerSetup: async (owner) => {
        await runMigrations(owner, [eventsModule, processFixtureModule], { appRole: APP_ROLE });
      },
    });
    streaming = await connectNatsStreaming({ url: urls.nats, logger: silentLogger, ...names, reconnectTimeWaitMs: 100, name: 'parent' });
    const results = await streaming.sink.deliver(items);
    expect([...results.values()].filter((r) => !r.ok)).toEqual([]);
    expect((await streaming.jsm.streams.info(streaming.subjects.streams.domain)).state.messages).toBe(N);
  }, 30_000);

  afterAll(async () => {
    for (const child of live) child.kill('SIGKILL');
    if (streaming) await deleteStreams(streaming.jsm, streaming.subjects);
    await streaming?.close();
    await db?.close();
    await scratch?.drop();
  }, 30_000);

  it(`splits ${N} events between two processes of one durable group: each handled once, by one of them`, async () => {
    const consumer = 'fixture.split';
    const a = startChild(childEnv('group', 'g1_', consumer));
    const b = startChild(childEnv('group', 'g1_', consumer));
    await Promise.all([a.report('ready'), b.report('ready')]);
    // Both are connected: let them pull at the same time.
    a.send('start');
    b.send('start');
    const [consumingA, consumingB] = await Promise.all([a.report('consuming', 10_000), b.report('consuming', 10_000)]);
    const durable = `${names.streamPrefix}_DOMAIN/g1_fixture_split`;
    expect(consumingA.durables).toEqual([durable]);
    expect(consumingB.durables).toEqual([durable]);

    await waitUntil(`${N} events handled`, async () => (await handledCount(consumer)) >= N, 20_000).catch((error: Error) => {
      throw new Error(`${error.message}\nA: ${a.describe()}\nB: ${b.describe()}`);
    });
    const [exitA, exitB] = await Promise.all([a.stop(), b.stop()]);
    expect(exitA, a.describe()).toEqual({ code: 0, signal: null });
    expect(exitB, b.describe()).toEqual({ code: 0, signal: null });

    // The database: every published event handled, each exactly once, the work shared by both pids.
    expect(await handledIds(consumer)).toEqual(published);
    expect(await handledTwice(consumer)).toEqual([]);
    expect(await logRows(consumer)).toBe(N);
    expect(await receipts(consumer)).toBe(N);
    const byPid = await perPid(consumer);
    expect(Object.keys(byPid).map(Number).sort()).toEqual([a.pid, b.pid].sort());
    expect(byPid[a.pid]).toBeGreaterThan(0);
    expect(byPid[b.pid]).toBeGreaterThan(0);

    // JetStream: each message handed to one process only, once (no redelivery, nothing shared).
    const [toA, toB] = await Promise.all([deliveredTo(a), deliveredTo(b)]);
    expect(toA).toHaveLength(byPid[a.pid] ?? -1);
    expect(toB).toHaveLength(byPid[b.pid] ?? -1);
    expect([...toA, ...toB].sort()).toEqual(published);
    const info = await streaming?.jsm.consumers.info(streaming.subjects.streams.domain, 'g1_fixture_split');
    expect(info?.num_pending).toBe(0);
    expect(info?.num_ack_pending).toBe(0);
    expect(info?.num_redelivered).toBe(0);
    expect(info?.delivered.consumer_seq).toBe(N);
  }, 40_000);

  it(`replays all ${N} stored events to a new group, in a new process, from the start`, async () => {
    const consumer = 'fixture.rebuild';
    const child = startChild(childEnv('replay', 'g2_', consumer));
    await child.report('ready');
    child.send('start');
    expect((await child.report('consuming', 10_000)).durables).toEqual([`${names.streamPrefix}_DOMAIN/g2_fixture_rebuild`]);

    await waitUntil(`${N} events replayed`, async () => (await handledCount(consumer)) >= N, 20_000).catch((error: Error) => {
      throw new Error(`${error.message}\n${child.describe()}`);
    });
    expect(await child.stop(), child.describe()).toEqual({ code: 0, signal: null });

    expect(await handledIds(consumer)).toEqual(published);
    expect(await handledTwice(consumer)).toEqual([]);
    expect(await perPid(consumer)).toEqual({ [child.pid]: N });
    expect(await receipts(consumer)).toBe(N);
    const delivered = await deliveredTo(child);
    expect(delivered).toHaveLength(N);
    // One process alone in the group reads the stream in its order.
    const stored: string[] = [];
    await streaming?.replay({ onEvent: (e) => void stored.push(e.id) });
    expect(delivered).toEqual(stored);
    // The first group's reading is untouched.
    expect(await handledCount('fixture.split')).toBe(N);
  }, 40_000);
});
