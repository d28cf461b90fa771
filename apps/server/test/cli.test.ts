import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const main = join(root, 'apps/server/src/cli/main.ts');

/** The real `rustok` process, run from the TypeScript sources. */
const rustok = (args: string[], env: Record<string, string> = {}): ChildProcess =>
  spawn(process.execPath, ['--conditions=source', '--import', 'tsx', main, ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', RUSTOK_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

const finish = (child: ChildProcess) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d) => (stdout += d));
    child.stderr?.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });

describe('rustok command line', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'rustok-cli-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('config check names the bad key and the variable it came from, and exits 2', async () => {
    const result = await finish(rustok(['config', 'check'], { RUSTOK_EVENT_TRANSPORT: 'kafka', PORT: '99999' }));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('CONFIG_INVALID');
    expect(result.stderr).toContain(
      'settings.rustok.events.transport: must be one of memory, outbox, nats (got "kafka") (from RUSTOK_EVENT_TRANSPORT)',
    );
    expect(result.stderr).toContain('server.port');
  });

  it('start refuses an unknown transport before opening anything', async () => {
    const result = await finish(rustok(['start'], { RUSTOK_EVENT_TRANSPORT: 'carrier-pigeon', RUSTOK_DATABASE__DATA_DIR: dataDir }));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('settings.rustok.events.transport');
  });

  it('start serves until SIGTERM, then drains and exits 0', async () => {
    const child = rustok(['start'], { RUSTOK_DATABASE__DATA_DIR: dataDir, PORT: '0' });
    const done = finish(child);
    const address = await new Promise<string>((resolve, reject) => {
      let seen = '';
      child.stderr?.on('data', (d) => {
        seen += d;
        const match = /listening on (http:\/\/\S+)/.exec(seen);
        if (match?.[1]) resolve(match[1]);
      });
      child.on('exit', () => reject(new Error(`exited before listening: ${seen}`)));
    });
    expect((await fetch(`${address}/health/ready`)).status).toBe(200);
    child.kill('SIGTERM');
    const result = await done;
    expect(result.code).toBe(0);
  });

  it('modules list prints the built-in modules', async () => {
    const result = await finish(rustok(['modules', 'list']));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('SLUG');
  });
});
