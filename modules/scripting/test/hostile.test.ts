import { describeEachBackend, ok, startReceiver } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunReport } from '../src/schemas-runs.js';
import { createScript, run, type ScriptWorld, scriptWorld } from './helpers.js';

/** Hostile scripts: each is stopped with a coded error, and the server keeps answering other requests meanwhile. */
describeEachBackend('scripting: hostile scripts', (backend) => {
  let w: ScriptWorld;

  beforeAll(async () => {
    w = await scriptWorld(backend);
  });
  afterAll(() => w?.p.close());

  const attempt = async (name: string, source: string): Promise<RunReport> => run(w, (await createScript(w, { name, source })).id);

  it.each([
    ['spin', 'while (true) {}', 'SCRIPT_TIMEOUT'],
    ['gig', 'return "x".repeat(1e9).length;', 'SCRIPT_MEMORY_LIMIT'],
    ['deep', 'const f = (n) => f(n + 1) + 1; return f(0);', 'SCRIPT_STACK_LIMIT'],
    ['proc', 'return process.env;', 'SCRIPT_ERROR'],
    ['req', 'return require("fs").readFileSync("/etc/passwd", "utf8");', 'SCRIPT_ERROR'],
    ['imp', 'return await import("node:fs");', 'SCRIPT_ERROR'],
  ])('stops %s with %s', async (name, source, code) => {
    const report = await attempt(name, source);
    expect(report).toMatchObject({ ok: false, errorCode: code });
  });

  it("cannot reach the host's globals through globalThis, Function or the prototype chain", async () => {
    const report = await attempt(
      'escape',
      [
        'const g = Function("return this")();',
        'return { process: typeof g.process, require: typeof g.require, fetch: typeof globalThis.fetch,',
        '  ctor: typeof ({}).constructor.constructor("return typeof process")(), call: typeof ctx.call };',
      ].join('\n'),
    );
    expect(report).toMatchObject({
      ok: true,
      output: { process: 'undefined', require: 'undefined', fetch: 'undefined', ctor: 'string', call: 'undefined' },
    });
    expect((report.output as { ctor: string }).ctor).toBe('string');
  });

  it('cannot reach a private address through ctx.http.fetch', async () => {
    const report = await attempt('ssrf', 'return await ctx.http.fetch("http://10.0.0.1/admin");');
    expect(report).toMatchObject({ ok: false, errorCode: 'SCRIPT_ERROR', errorMessage: expect.stringContaining('SCRIPTING_HTTP_REFUSED') });
  });

  it('reaches an allowed network through ctx.http.fetch, within the per-run request budget', async () => {
    const receiver = await startReceiver((_req, res) => res.end('pong'));
    try {
      const source = [
        'const first = await ctx.http.fetch(ctx.input.url, { method: "POST", body: { ping: 1 } });',
        'const tries = []; for (let i = 0; i < 6; i++) { try { await ctx.http.fetch(ctx.input.url); tries.push("sent"); } catch (e) { tries.push(e.message.split(":")[0]); } }',
        'return { status: first.status, body: first.body, last: tries[tries.length - 1] };',
      ].join('\n');
      const report = await run(w, (await createScript(w, { name: 'fetcher', source })).id, { input: { url: `${receiver.base}/ping` } });
      expect(report).toMatchObject({ ok: true, output: { status: 200, body: 'pong', last: 'SCRIPTING_CALL_BUDGET' } });
      expect(receiver.seen[0]?.body).toBe('{"ping":1}');
      expect(receiver.seen).toHaveLength(5);
    } finally {
      await receiver.close();
    }
  });

  it('keeps answering other requests while scripts burn their CPU budget', async () => {
    const spin = await createScript(w, { name: 'spin-more', source: 'while (true) {}' });
    const runs = Array.from({ length: 4 }, () => run(w, spin.id));
    const started = performance.now();
    await ok(w.call('GET', '/scripting/scripts', w.admin));
    const elapsed = performance.now() - started;
    const reports = await Promise.all(runs);
    expect(reports.every((r) => r.errorCode === 'SCRIPT_TIMEOUT')).toBe(true);
    expect(elapsed).toBeLessThan(1_000);
    const metrics = await w.p.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain(`rustok_scripting_runs_total{tenant="${w.tenant.id}",status="failed"}`);
    expect(metrics.body).toContain('rustok_scripting_cpu_ms_total');
  });
});
