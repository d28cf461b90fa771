import { afterAll, describe, expect, it } from 'vitest';
import { createSandbox } from './index.js';
import { spawnWorker } from './spawn.js';
import type { RunResult } from './types.js';

const sandbox = createSandbox({ size: 2 });
afterAll(() => sandbox.close());

const run = (source: string, extra: Partial<Parameters<typeof sandbox.run>[0]> = {}): Promise<RunResult> =>
  sandbox.run({ key: 'tenant-a', source, ...extra });

const failure = (result: RunResult) => {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.output)}`);
  return result;
};

describe('a run', () => {
  it('returns what the script returns, with its stats', async () => {
    const result = await run('return 6 * 7');
    expect(result).toMatchObject({ ok: true, output: 42, calls: 0 });
    expect(result.cpuMs).toBeGreaterThan(0);
    expect(result.memoryBytes).toBeGreaterThan(0);
  });

  it('takes JSON in and gives JSON back', async () => {
    const input = { name: 'Ann', tags: ['a', 'b'], nested: { n: 1.5, ok: true, none: null } };
    const result = await run('return { echo: ctx.input, count: ctx.input.tags.length, missing: undefined }', { input });
    expect(result).toMatchObject({ ok: true, output: { echo: input, count: 2 } });
    expect(await run('return undefined')).toMatchObject({ ok: true, output: null });
  });

  it('fails with SCRIPT_OUTPUT_INVALID when the output is not JSON', async () => {
    expect(failure(await run('const a = {}; a.a = a; return a')).code).toBe('SCRIPT_OUTPUT_INVALID');
  });

  it('captures console and ctx.log, capped in lines and bytes', async () => {
    const result = await run('console.log("a", 1, { b: 2 }); console.warn("w"); ctx.log("c"); return 1');
    expect(result.log).toEqual([
      { level: 'log', text: 'a 1 {"b":2}' },
      { level: 'warn', text: 'w' },
      { level: 'log', text: 'c' },
    ]);
    expect(result.logTruncated).toBe(false);
    const lines = await run('for (let i = 0; i < 50; i++) console.log("line " + i); return 1', { limits: { logLines: 10 } });
    expect(lines.log).toHaveLength(10);
    expect(lines.logTruncated).toBe(true);
    const bytes = await run('for (let i = 0; i < 50; i++) console.log("x".repeat(100)); return 1', { limits: { logBytes: 1_000 } });
    expect(bytes.log).toHaveLength(10);
    expect(bytes.logTruncated).toBe(true);
  });
});

describe('budgets', () => {
  it('stops an endless loop at the CPU deadline, and the pool still works', async () => {
    const result = failure(await run('while (true) {}', { limits: { cpuMs: 30 } }));
    expect(result.code).toBe('SCRIPT_TIMEOUT');
    expect(result.cpuMs).toBeGreaterThanOrEqual(30);
    expect(result.cpuMs).toBeLessThan(500);
    expect(failure(await run('try { while (true) {} } catch { return "caught" }')).code).toBe('SCRIPT_TIMEOUT');
    expect(await run('return "after"')).toMatchObject({ ok: true, output: 'after' });
  });

  it('stops a 1 GB allocation at the memory limit', async () => {
    expect(failure(await run("return 'x'.repeat(1e9).length")).code).toBe('SCRIPT_MEMORY_LIMIT');
    const grow = failure(
      await run('const a = []; for (;;) a.push({ i: a.length, s: "y".repeat(64) })', { limits: { cpuMs: 5_000, wallMs: 10_000 } }),
    );
    expect(grow.code).toBe('SCRIPT_MEMORY_LIMIT');
    expect(await run('return 1')).toMatchObject({ ok: true, output: 1 });
  });

  it('stops deep recursion at the stack limit', async () => {
    expect(failure(await run('function down(n) { return down(n + 1) + 1 }\nreturn down(0)')).code).toBe('SCRIPT_STACK_LIMIT');
  });

  it('terminates and replaces a worker that does not answer', async () => {
    let spawned = 0;
    const spawn = () => (spawned++ === 0 ? spawnWorker(new URL('./test-fixtures/hang-worker.ts', import.meta.url)) : spawnWorker());
    const hanging = createSandbox({ size: 1, graceMs: 100 }, { spawn });
    try {
      const result = failure(await hanging.run({ key: 'k', source: 'return 1', limits: { wallMs: 100 } }));
      expect(result.code).toBe('SCRIPT_TIMEOUT');
      expect(hanging.replacedWorkers).toBe(1);
      expect(await hanging.run({ key: 'k', source: 'return 2' })).toMatchObject({ ok: true, output: 2 });
    } finally {
      await hanging.close();
    }
  });
});

describe('errors as values', () => {
  it('reports a syntax error with its line', async () => {
    expect(failure(await run('const a = 1;\nreturn (a +;'))).toMatchObject({ code: 'SCRIPT_SYNTAX', line: 2 });
  });

  it('reports an uncaught exception with its message and line', async () => {
    expect(failure(await run('const a = 1;\n\nthrow new TypeError("bad " + a)'))).toMatchObject({
      code: 'SCRIPT_ERROR',
      message: 'TypeError: bad 1',
      line: 3,
    });
    expect(failure(await run('await Promise.reject(new Error("later"))')).message).toBe('Error: later');
  });
});

describe('isolation', () => {
  it('reaches nothing of the host', async () => {
    const probe = `
      const attempt = async (f) => { try { return 'reached: ' + typeof (await f()) } catch (e) { return 'blocked' } };
      return {
        process: typeof process, require: typeof require, fetch: typeof fetch, setTimeout: typeof setTimeout,
        globalProcess: typeof globalThis.process, globalRequire: typeof globalThis.require, buffer: typeof Buffer,
        importFs: await attempt(() => import('fs')), importNodeFs: await attempt(() => import('node:fs')),
        requireFs: await attempt(() => require('fs')), fetchUrl: await attempt(() => fetch('http://localhost')),
        evalProcess: eval('typeof process'),
        functionProcess: Function('return typeof process')(),
      };`;
    expect(await run(probe)).toMatchObject({
      ok: true,
      output: {
        process: 'undefined',
        require: 'undefined',
        fetch: 'undefined',
        setTimeout: 'undefined',
        globalProcess: 'undefined',
        globalRequire: 'undefined',
        buffer: 'undefined',
        importFs: 'blocked',
        importNodeFs: 'blocked',
        requireFs: 'blocked',
        fetchUrl: 'blocked',
        evalProcess: 'undefined',
        functionProcess: 'undefined',
      },
    });
  });

  it('gives every run a fresh context: a global set by one run is absent from the next', async () => {
    expect(
      await sandbox.run({ key: 'tenant-a', source: 'globalThis.secret = ctx.input; Object.prototype.leak = 1; return 1', input: 's3cret' }),
    ).toMatchObject({ ok: true });
    for (let i = 0; i < 4; i++) {
      const result = await sandbox.run({
        key: 'tenant-b',
        source: 'return [typeof secret, typeof globalThis.secret, ({}).leak === undefined]',
      });
      expect(result).toMatchObject({ ok: true, output: ['undefined', 'undefined', true] });
    }
  });
});

describe('host calls', () => {
  it('runs host functions with JSON in and out and counts them', async () => {
    const seen: unknown[] = [];
    const host = {
      'kv.get': async (args: unknown) => {
        seen.push(args);
        return { value: `v-${(args as { key: string }).key}` };
      },
      fail: async () => {
        throw new Error('no such key');
      },
    };
    const source = `
      const a = await ctx.call('kv.get', { key: 'a' });
      let failed; try { await ctx.call('fail', {}) } catch (e) { failed = e.message }
      let unknown; try { await ctx.call('nope') } catch (e) { unknown = e.message }
      return { a, failed, unknown }`;
    const result = await run(source, { host });
    expect(result).toMatchObject({
      ok: true,
      calls: 2,
      output: { a: { value: 'v-a' }, failed: 'no such key', unknown: 'No host function "nope"' },
    });
    expect(seen).toEqual([{ key: 'a' }]);
  });

  it('fails with SCRIPT_CALL_LIMIT past the call budget, even when the script catches it', async () => {
    const host = { ping: () => 'pong' };
    const source = 'let n = 0; try { for (;;) { await ctx.call("ping"); n++ } } catch { return n }';
    expect(failure(await run(source, { host, limits: { maxCalls: 5 } }))).toMatchObject({ code: 'SCRIPT_CALL_LIMIT', calls: 5 });
    expect(await run('return [await ctx.call("ping"), await ctx.call("ping")]', { host, limits: { maxCalls: 2 } })).toMatchObject({
      ok: true,
      output: ['pong', 'pong'],
    });
  });

  it('fails with SCRIPT_TIMEOUT when a host call outlives the wall budget', async () => {
    const host = { slow: () => new Promise<string>((resolve) => setTimeout(() => resolve('late'), 2_000)) };
    expect(failure(await run('return await ctx.call("slow")', { host, limits: { wallMs: 100 } })).code).toBe('SCRIPT_TIMEOUT');
  });
});

describe('process lifetime', () => {
  it('lets a process end when its sandbox is idle, though it was never closed (a run waiting for a worker keeps it)', async () => {
    const { spawn } = await import('node:child_process');
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    // The built package, as a deployment runs it (the tests build before they run).
    const built = new URL('../dist/index.js', import.meta.url).href;
    const script = [
      `import { createSandbox } from ${JSON.stringify(built)};`,
      'const sandbox = createSandbox({ size: 2 });',
      "const result = await sandbox.run({ key: 'k', source: 'return 1 + 1' });",
      'console.log(JSON.stringify(result.ok && result.output));',
    ].join('\n');
    const dir = await mkdtemp(join(tmpdir(), 'rustok-sandbox-'));
    const file = join(dir, 'run.mjs');
    await writeFile(file, script);
    const child = spawn(process.execPath, [file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve(null);
      }, 30_000);
      child.on('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    await rm(dir, { recursive: true, force: true });
    expect(code).toBe(0);
    expect(out.trim()).toBe('2');
  }, 40_000);
});
