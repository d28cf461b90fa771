import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { indexModule } from '@rustok/index';
import { type Config, defineModule, type JobContext, type ModuleDefinition } from '@rustok/kernel';
import { builtInModules, createJobRunner, type JobRunner, PLATFORM_MODULES, planJobs } from '@rustok/server';
import { createTestPlatform, describeEachBackend, REPO_ROOT, type TestPlatform, testConfig } from '@rustok/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimPeriod, releasePeriod } from '../src/jobs/claim.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A job runner of `modules` over a test platform's database, bus and config. */
const runnerOf = (p: TestPlatform, modules: ModuleDefinition[], logger = pino({ level: 'silent' })): JobRunner =>
  createJobRunner({ jobs: planJobs(modules, p.config), db: p.database.db, events: p.bus, config: p.config, logger });

interface Run {
  readonly job: string;
  readonly instance: 'a' | 'b';
  readonly slot: number;
}

/** A module with two jobs: a quick one, and one whose runs last longer than its period. */
const tickerModule = (runs: Run[], owner: (ctx: JobContext) => 'a' | 'b', overlap: { active: number; max: number }): ModuleDefinition =>
  defineModule({
    slug: 'ticker',
    name: 'Ticker',
    description: 'Jobs of the job runner test',
    version: '0.1.0',
    kind: 'optional',
    jobs: [
      {
        name: 'quick',
        everyMs: 300,
        run: async (ctx) => {
          runs.push({ job: 'quick', instance: owner(ctx), slot: ctx.slot.getTime() });
        },
      },
      {
        name: 'slow',
        everyMs: 100,
        run: async (ctx) => {
          overlap.active++;
          overlap.max = Math.max(overlap.max, overlap.active);
          runs.push({ job: 'slow', instance: owner(ctx), slot: ctx.slot.getTime() });
          await sleep(250);
          overlap.active--;
        },
      },
    ],
  });

describeEachBackend('module jobs with two instances on one database', (backend) => {
  const runs: Run[] = [];
  const overlap = { active: 0, max: 0 };
  let a: TestPlatform;
  let b: TestPlatform | undefined;
  let secondRunner: JobRunner | undefined;
  let history: { name: string; slot: number; outcome: string }[] = [];
  /** The runs started before the history was read, and by the time it was read. */
  let read: { before: Run[]; after: Run[] } = { before: [], after: [] };

  beforeAll(async () => {
    // A run may start while `a` is still starting (its jobs run while the jobs marked atStart are awaited): that one is a's.
    const owner = (ctx: JobContext) => (a === undefined || ctx.db === a.database.db ? 'a' : 'b');
    const ticker = tickerModule(runs, owner, overlap);
    a = await createTestPlatform({ backend, modules: [ticker] });
    if (backend.name === 'postgres') {
      b = await createTestPlatform({ backend, modules: [ticker], shareDatabaseOf: a });
    } else {
      // PGlite has one owner: the second instance is a second runner over the same database.
      secondRunner = runnerOf(a, [ticker]);
      secondRunner.start();
    }
    await sleep(2_400);
    await Promise.all([b?.app.close(), secondRunner?.stop()]);
    const before = runs.slice();
    const { rows } = await a.database.db.query<{ name: string; slot: Date; outcome: string }>(
      "SELECT name, slot, outcome FROM sys_job_history WHERE name LIKE 'ticker.%' ORDER BY name, slot",
    );
    read = { before, after: runs.slice() };
    history = rows.map((r) => ({ name: r.name, slot: new Date(r.slot).getTime(), outcome: r.outcome }));
    await a.app.close();
  }, 30_000);
  afterAll(async () => {
    await b?.database.cleanup();
    await a?.database.cleanup();
  });

  it('runs each period of a job once for the deployment', () => {
    const quick = runs.filter((r) => r.job === 'quick').map((r) => r.slot);
    expect(new Set(quick).size).toBe(quick.length);
    expect(quick.every((slot) => slot % 300 === 0)).toBe(true);
    // About eight periods passed; a loaded machine may let one or two go by unclaimed, never run one twice.
    expect(quick.length).toBeGreaterThanOrEqual(4);
  });

  it('keeps a history of the runs: every period run is on record once, with how it ended', () => {
    for (const job of ['quick', 'slow']) {
      const slots = (list: Run[]) => list.filter((r) => r.job === job).map((r) => r.slot);
      const recorded = history.filter((h) => h.name === `ticker.${job}`);
      // Read while one instance still runs: its last run may be going on (or just claimed); every other one ended well.
      expect(recorded.filter((h) => h.outcome === 'running').length).toBeLessThanOrEqual(1);
      expect(recorded.filter((h) => h.outcome !== 'running' && h.outcome !== 'ok')).toEqual([]);
      // A run is on record from its claim, before it starts; a finished one had started by the time the history was read.
      expect(slots(read.before).every((slot) => recorded.some((h) => h.slot === slot))).toBe(true);
      expect(recorded.filter((h) => h.outcome === 'ok').every((h) => slots(read.after).includes(h.slot))).toBe(true);
      expect(recorded.length).toBeGreaterThanOrEqual(4);
    }
  });

  it('never starts a run while another instance is still running the job, and runs the next period after it', () => {
    const slow = runs.filter((r) => r.job === 'slow').map((r) => r.slot);
    expect(new Set(slow).size).toBe(slow.length);
    expect(overlap.max).toBe(1);
    expect(slow.length).toBeGreaterThanOrEqual(4);
  });
});

describe('the job runner in one instance', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await createTestPlatform({ backend: { name: 'pglite' } });
  });
  afterAll(() => platform?.close());

  it('runs while started, one run at a time, survives a failed run, waits for the last run on stop, then closes the job', async () => {
    const warnings: unknown[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => warnings.push(JSON.parse(line)) });
    let runs = 0;
    let active = 0;
    let overlap = false;
    let finished = 0;
    const closed: { finishedBefore: number; runsBefore: number; config: Config }[] = [];
    const job = defineModule({
      slug: 'once',
      name: 'Once',
      description: 'A job that fails once',
      version: '0.1.0',
      kind: 'optional',
      jobs: [
        {
          name: 'job',
          everyMs: 10,
          run: async () => {
            runs++;
            active++;
            overlap ||= active > 1;
            await sleep(30); // three periods pass during one run
            active--;
            finished++;
            if (runs === 1) throw new Error('first run fails');
          },
          close: (config) => {
            closed.push({ finishedBefore: finished, runsBefore: runs, config });
          },
        },
      ],
    });
    const runner = runnerOf(platform, [job], logger);
    await sleep(30);
    expect(runs).toBe(0); // not before it is started
    runner.start();
    await sleep(200);
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(overlap).toBe(false);
    expect(warnings).toHaveLength(1);
    await runner.stop();
    expect(finished).toBe(runs); // stop waited for the run in progress
    expect(closed).toEqual([{ finishedBefore: runs, runsBefore: runs, config: platform.config }]); // once, after the last run
    const after = runs;
    await sleep(50);
    expect(runs).toBe(after);
  });
});

describe('jobs that look at start', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await createTestPlatform({ backend: { name: 'pglite' } });
  });
  afterAll(() => platform?.close());

  it('runs a job marked atStart before start() resolves, and the others only a tick (here 20 s) later', async () => {
    const ran: string[] = [];
    const job = (name: string, atStart: boolean) => ({
      name,
      everyMs: 60_000,
      atStart,
      run: async () => {
        ran.push(name);
      },
    });
    const mod = defineModule({
      slug: 'starter',
      name: 'Starter',
      description: 'Jobs of the at-start test',
      version: '0.1.0',
      kind: 'optional',
      jobs: [job('early', true), job('later', false)],
    });
    const runner = runnerOf(platform, [mod]);
    await runner.start();
    expect(ran).toEqual(['early']);
    await sleep(100);
    await runner.stop();
    expect(ran).toEqual(['early']);
  });

  it('has the partitions of the outbox and of the orders made at start', () => {
    const config = testConfig({}, builtInModules);
    const atStart = planJobs([...PLATFORM_MODULES, ...builtInModules], config)
      .filter((j) => j.atStart)
      .map((j) => j.name);
    expect(atStart).toEqual(expect.arrayContaining(['events.partitions', 'commerce.order-partitions']));
  });
});

describe('planning the jobs of a deployment', () => {
  const withSchedule = (schedule: string | null): Config =>
    testConfig({ settings: { rustok: { index: { reindex_schedule: schedule } } } }, [indexModule]);

  it('plans a cron job only when its expression is set, and refuses a malformed one at boot', () => {
    expect(planJobs([indexModule], withSchedule(null))).toEqual([]);
    expect(planJobs([indexModule], withSchedule('0 3 * * *')).map((j) => j.name)).toEqual(['index.reindex-schedule']);
    expect(() => planJobs([indexModule], withSchedule('61 * * * *'))).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID', message: expect.stringContaining('settings.rustok.index.reindex_schedule') }),
    );
  });

  it("gives a cron job's periods as the matching minutes", () => {
    const [job] = planJobs([indexModule], withSchedule('*/5 * * * *'));
    expect(job?.slotAt(new Date('2026-01-05T10:05:42').getTime())?.getTime()).toBe(new Date('2026-01-05T10:05:00').getTime());
    expect(job?.slotAt(new Date('2026-01-05T10:06:00').getTime())).toBeUndefined();
  });

  it('has the built-in modules declare their periodic work as jobs', () => {
    const names = planJobs(builtInModules, withSchedule('0 3 * * *')).map((j) => j.name);
    expect(names).toEqual(
      expect.arrayContaining(['content.publish-scheduled', 'commerce.cart-expiry', 'commerce.price-windows', 'index.reindex-schedule']),
    );
  });

  it('has the platform keep planner statistics fresh, looking soon after start and every few seconds', () => {
    const job = planJobs(PLATFORM_MODULES, withSchedule(null)).find((j) => j.name === 'platform.statistics');
    expect(job?.tickMs).toBeLessThanOrEqual(5_000);
  });
});

/** Every .ts file under a folder, tests left out. */
const sourcesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });

describe('timers of modules', () => {
  it('no module starts a timer of its own: periodic work is a job the platform runs', () => {
    const modulesDir = join(REPO_ROOT, 'modules');
    const offenders = readdirSync(modulesDir)
      .flatMap((mod) => sourcesUnder(join(modulesDir, mod, 'src')))
      .filter((file) => /\bsetInterval\s*\(|startIntervalJob|onReady/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});

describe('the run history', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await createTestPlatform({ backend: { name: 'pglite' } });
  });
  afterAll(() => platform?.close());

  it("keeps a job's last runs, with how each ended", async () => {
    const db = platform.database.db;
    const base = Math.floor(Date.now() / 60_000) * 60_000 - 10 * 60_000; // within the week kept
    for (let n = 0; n < 5; n++) {
      const slot = new Date(base + n * 60_000);
      expect(await claimPeriod(db, 'test.history', slot, 60_000, 'here:1')).toBe(true);
      expect(await claimPeriod(db, 'test.history', slot, 60_000, 'there:2')).toBe(false);
      await releasePeriod(db, 'test.history', slot, n === 4 ? { ok: false, error: 'boom' } : { ok: true }, 3);
    }
    const { rows } = await db.query<{ slot: Date; instance: string; outcome: string; error: string | null }>(
      "SELECT slot, instance, outcome, error FROM sys_job_history WHERE name = 'test.history' ORDER BY slot",
    );
    expect(rows.map((r) => new Date(r.slot).getTime())).toEqual([2, 3, 4].map((n) => base + n * 60_000));
    expect(rows.map((r) => [r.instance, r.outcome, r.error])).toEqual([
      ['here:1', 'ok', null],
      ['here:1', 'ok', null],
      ['here:1', 'failed', 'boom'],
    ]);
  });
});
