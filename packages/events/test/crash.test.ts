// Crash tests with real processes: a child (fixtures/*.ts, run from the TypeScript sources) writes
// or relays events and is SIGKILLed at a chosen point; the test then reopens the same database —
// taking over the dead child's data-dir lock on PGlite — and checks that every committed event is
// handled exactly once and nothing of an uncommitted transaction survives.
import { type ChildProcess, spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '@rustok/db';
import { createThrowawayDatabase, describeEachBackend, type TestBackend } from '@rustok/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EventBus } from '../src/index.js';
import {
  COUNTER,
  CRASH_EVENTS,
  CRASH_KILL_AT,
  type CrashTarget,
  crashBus,
  crashSettings,
  crashShopModule,
  openCrashDatabase,
  targetEnv,
} from './fixtures/crash-shop.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

type Message = Record<string, unknown>;
interface ChildResult {
  readonly pid: number;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly messages: Message[];
  readonly stderr: string;
}

const live = new Set<ChildProcess>();

/** Runs a fixture script as a real process; resolves when it exits, SIGKILLs it after `timeoutMs`. */
const runChild = (script: string, args: string[], target: CrashTarget, timeoutMs = 25_000): Promise<ChildResult> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', fixture(script), ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'test', ...targetEnv(target) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    live.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d) => (stdout += d));
    child.stderr?.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} ${args.join(' ')} did not exit within ${timeoutMs} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, timeoutMs);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      live.delete(child);
      const messages = stdout
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Message);
      resolve({ pid: child.pid ?? -1, code, signal, messages, stderr });
    });
  });

const field = <T>(result: ChildResult, key: string): T => {
  const message = result.messages.find((m) => key in m);
  if (!message)
    throw new Error(`the child never reported "${key}"; messages: ${JSON.stringify(result.messages)}; stderr: ${result.stderr}`);
  return message[key] as T;
};

/** The child must have died of its own SIGKILL, at the point it reported. */
const expectKilled = (result: ChildResult) => {
  expect(result.signal, `stderr: ${result.stderr}`).toBe('SIGKILL');
  expect(result.messages.some((m) => 'killing' in m)).toBe(true);
};

const waitFor = async (what: string, check: () => Promise<boolean>, timeoutMs = 15_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

/** Storage for one scenario: a copy of a migrated PGlite data dir, or a throw-away PostgreSQL database. */
const storage = (backend: TestBackend) => {
  let template: string | undefined;
  const disposers: (() => Promise<void>)[] = [];
  return {
    /** PGlite: initdb + migrations once, copied per scenario (the cold start is the slow part). */
    async prepare() {
      if (backend.name !== 'pglite') return;
      template = await mkdtemp(join(tmpdir(), 'rustok-crash-template-'));
      const db = await openCrashDatabase({ backend: 'pglite', dataDir: template }, crashShopModule());
      await db.close();
    },
    async fresh(): Promise<CrashTarget> {
      if (backend.name === 'pglite') {
        if (!template) throw new Error('prepare() first');
        const dataDir = await mkdtemp(join(tmpdir(), 'rustok-crash-'));
        await cp(template, dataDir, { recursive: true });
        disposers.push(() => rm(dataDir, { recursive: true, force: true }));
        return { backend: 'pglite', dataDir };
      }
      if (!backend.url) throw new Error('postgres backend without a URL');
      const scratch = await createThrowawayDatabase(backend.url);
      disposers.push(scratch.drop);
      return { backend: 'postgres', url: scratch.url };
    },
    async dispose() {
      for (const dispose of disposers.splice(0)) await dispose();
      if (template) await rm(template, { recursive: true, force: true });
    },
  };
};

/** On PGlite the dead child's lock file is still there, naming it: reopening must take it over. */
const expectStaleLock = async (target: CrashTarget, pid: number) => {
  if (target.backend !== 'pglite') return;
  expect(await readFile(join(target.dataDir, 'rustok.lock'), 'utf8')).toBe(String(pid));
};

/** Reads with the tenant set (the shop tables have row-level security). */
const tenantRows = <Row extends Record<string, unknown>>(db: Database, tenantId: string, sql: string, params: unknown[] = []) =>
  db.transaction(async (tx) => (await tx.query<Row>(sql, params)).rows, { tenantId });

describeEachBackend('events survive a SIGKILLed process', (backend) => {
  const store = storage(backend);
  beforeAll(() => store.prepare(), 30_000);
  afterAll(async () => {
    for (const child of live) child.kill('SIGKILL');
    await store.dispose();
  });

  let db: Database | undefined;
  let bus: EventBus | undefined;
  afterEach(async () => {
    await bus?.stop();
    await db?.close();
    bus = undefined;
    db = undefined;
  });

  describe('a writer killed around its commit', () => {
    let target: CrashTarget;
    let committed: ChildResult;
    let killedInside: ChildResult;
    let thrown: ChildResult;

    beforeAll(async () => {
      target = await store.fresh();
      // Each child opens the database (holding the data-dir lock, taking over the one a killed
      // predecessor left), writes, and dies or fails. The last one leaves its lock behind.
      thrown = await runChild('writer.ts', ['throw-after-publish'], target);
      committed = await runChild('writer.ts', ['commit-then-kill'], target);
      killedInside = await runChild('writer.ts', ['kill-before-commit'], target);
    }, 45_000);

    it('delivers an event committed just before the kill, exactly once, when a relay runs later', async () => {
      expectKilled(committed);
      const eventId = field<string>(committed, 'committed');
      const tenantId = field<string>(committed, 'tenantId');
      const orderId = field<string>(committed, 'orderId');
      await expectStaleLock(target, killedInside.pid);

      const shop = crashShopModule();
      db = await openCrashDatabase(target, shop);
      // Nothing ran it yet: the row is pending and was never claimed.
      const before = await db.query<{ status: string; attempts: number }>('SELECT status, attempts FROM sys_events WHERE id = $1', [
        eventId,
      ]);
      expect(before.rows).toEqual([{ status: 'pending', attempts: 0 }]);
      expect(await tenantRows(db, tenantId, 'SELECT id FROM shop_orders WHERE id = $1', [orderId])).toHaveLength(1);

      bus = crashBus(db, shop);
      await bus.start();
      const effects = () =>
        tenantRows<{ order_id: string }>(db as Database, tenantId, 'SELECT order_id FROM shop_effects WHERE event_id = $1', [eventId]);
      await waitFor('the handler effect', async () => (await effects()).length > 0);
      await waitFor('the event dispatched', async () => {
        const { rows } = await (db as Database).query<{ status: string }>('SELECT status FROM sys_events WHERE id = $1', [eventId]);
        return rows[0]?.status === 'dispatched';
      });
      // Another pass of the relay finds nothing to do and adds no second effect.
      expect(await bus.relay?.runOnce()).toBe(0);
      expect(await effects()).toEqual([{ order_id: orderId }]);
      const receipts = await db.query('SELECT 1 FROM sys_event_receipts WHERE consumer = $1 AND event_id = $2', [COUNTER, eventId]);
      expect(receipts.rows).toHaveLength(1);
    });

    it('leaves neither the order nor the event when the writer is killed inside its transaction', async () => {
      expectKilled(killedInside);
      expect(killedInside.messages.some((m) => 'committed' in m)).toBe(false);
      const eventId = field<string>(killedInside, 'published');
      const tenantId = field<string>(killedInside, 'tenantId');
      const orderId = field<string>(killedInside, 'orderId');
      db = await openCrashDatabase(target, crashShopModule());
      expect((await db.query('SELECT 1 FROM sys_events WHERE id = $1', [eventId])).rows).toHaveLength(0);
      expect(await tenantRows(db, tenantId, 'SELECT 1 FROM shop_orders WHERE id = $1', [orderId])).toHaveLength(0);
    });

    it('leaves neither the order nor the event when the transaction throws after publishInTx', async () => {
      expect(thrown.code, `stderr: ${thrown.stderr}`).toBe(0);
      expect(field<boolean>(thrown, 'rolledBack')).toBe(true);
      const eventId = field<string>(thrown, 'published');
      const tenantId = field<string>(thrown, 'tenantId');
      const orderId = field<string>(thrown, 'orderId');
      db = await openCrashDatabase(target, crashShopModule());
      expect((await db.query('SELECT 1 FROM sys_events WHERE id = $1', [eventId])).rows).toHaveLength(0);
      expect(await tenantRows(db, tenantId, 'SELECT 1 FROM shop_orders WHERE id = $1', [orderId])).toHaveLength(0);
      // The outbox holds exactly the one committed event of the three writers.
      expect((await db.query('SELECT id FROM sys_events')).rows).toEqual([{ id: field<string>(committed, 'committed') }]);
    });
  });

  describe.each([
    {
      mode: 'in-handler',
      crash: 'inside the handler transaction of the 5th batch',
      handledAtCrash: CRASH_KILL_AT,
      dispatchedAtCrash: CRASH_KILL_AT,
    },
    {
      mode: 'after-deliver',
      crash: 'after the 4th batch was handled but before it was marked dispatched',
      handledAtCrash: CRASH_KILL_AT,
      dispatchedAtCrash: CRASH_KILL_AT - crashSettings().relay_batch_size,
    },
  ])('a relay killed $crash', ({ mode, handledAtCrash, dispatchedAtCrash }) => {
    it(`hands every one of ${CRASH_EVENTS} events to the handler exactly once after the lease expires`, async () => {
      const target = await store.fresh();
      const child = await runChild('relay-crash.ts', [mode], target);
      expectKilled(child);
      const tenantId = field<string>(child, 'tenantId');
      const published = field<string[]>(child, 'published');
      expect(published).toHaveLength(CRASH_EVENTS);
      await expectStaleLock(target, child.pid);

      const shop = crashShopModule();
      db = await openCrashDatabase(target, shop);
      const database = db;
      const countEffects = async () =>
        (
          await tenantRows<{ n: number; distinct: number }>(
            database,
            tenantId,
            'SELECT count(*)::int AS n, count(DISTINCT event_id)::int AS distinct FROM shop_effects',
          )
        )[0];

      // The state the crash left: some batches settled, one claimed by the dead relay (its lease running).
      const { rows: stuck } = await db.query<{ id: string; claimed_by: string; claimed_until: Date }>(
        "SELECT id, claimed_by, claimed_until FROM sys_events WHERE status = 'pending' AND claimed_by IS NOT NULL ORDER BY id",
      );
      const batch = crashSettings().relay_batch_size;
      expect(stuck).toHaveLength(batch);
      expect(new Set(stuck.map((r) => r.claimed_by)).size).toBe(1);
      expect(stuck[0]?.claimed_by).toMatch(new RegExp(`^relay-${child.pid}-`));
      const { rows: dispatched } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM sys_events WHERE status = 'dispatched'");
      expect(dispatched[0]?.n).toBe(dispatchedAtCrash);
      expect(await countEffects()).toEqual({ n: handledAtCrash, distinct: handledAtCrash });

      // A new relay (another owner) finishes the work once the dead relay's lease has expired.
      bus = crashBus(db, shop);
      await bus.start();
      await waitFor('every event dispatched', async () => {
        const { rows } = await database.query<{ n: number }>("SELECT count(*)::int AS n FROM sys_events WHERE status = 'dispatched'");
        return rows[0]?.n === CRASH_EVENTS;
      });
      await bus.stop();
      bus = undefined;

      expect(await countEffects()).toEqual({ n: CRASH_EVENTS, distinct: CRASH_EVENTS });
      const effects = await tenantRows<{ event_id: string }>(db, tenantId, 'SELECT event_id FROM shop_effects ORDER BY event_id');
      expect(effects.map((e) => e.event_id)).toEqual([...published].sort());
      const { rows: states } = await db.query<{ status: string; n: number }>(
        'SELECT status, count(*)::int AS n FROM sys_events GROUP BY status',
      );
      expect(states).toEqual([{ status: 'dispatched', n: CRASH_EVENTS }]);
      expect((await db.query('SELECT 1 FROM sys_events_dlq')).rows).toHaveLength(0);
      const { rows: receipts } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM sys_event_receipts WHERE consumer = $1', [
        COUNTER,
      ]);
      expect(receipts[0]?.n).toBe(CRASH_EVENTS);

      // Only the batch the dead relay held was claimed twice, and not before its lease ran out.
      const { rows: retried } = await db.query<{ id: string; dispatched_at: Date }>(
        'SELECT id, dispatched_at FROM sys_events WHERE attempts > 1 ORDER BY id',
      );
      expect(retried.map((r) => r.id)).toEqual(stuck.map((r) => r.id));
      for (const [i, row] of retried.entries()) {
        expect(row.dispatched_at.getTime()).toBeGreaterThanOrEqual((stuck[i] as { claimed_until: Date }).claimed_until.getTime());
      }
    }, 40_000);
  });
});
