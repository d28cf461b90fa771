import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtInModules, PLATFORM_MODULES } from '@rustok/server';
import { REPO_ROOT, rustokArgs, seedEmbeddedDataDir } from '@rustok/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listening } from './fixtures/workspace-copy.js';

/** The real `rustok` process (from the build when it is fresh, from the TypeScript sources otherwise). */
const rustok = (args: string[], env: Record<string, string> = {}): ChildProcess =>
  spawn(process.execPath, rustokArgs(args), {
    cwd: REPO_ROOT,
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

// Every test starts the CLI (each start loads every module); on a busy machine that is slow, hence the budget.
describe('rustok command line', { timeout: 120_000 }, () => {
  let dataDir: string;
  let adminDir: string;
  let bootDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'rustok-cli-'));
    adminDir = await mkdtemp(join(tmpdir(), 'rustok-cli-admin-'));
    bootDir = await mkdtemp(join(tmpdir(), 'rustok-cli-boot-'));
    // `dataDir` starts empty: its first start initialises the database and runs every migration. The
    // other two start migrated, as a first start leaves them, so that work is done once per file.
    for (const dir of [adminDir, bootDir]) await seedEmbeddedDataDir(dir, [...PLATFORM_MODULES, ...builtInModules]);
  });
  afterAll(async () => {
    for (const dir of [dataDir, adminDir, bootDir]) await rm(dir, { recursive: true, force: true });
  });

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

  it('start refuses an unknown role, from --roles or from RUSTOK_SERVER__ROLES, before opening anything; config check shows the roles', async () => {
    const flag = await finish(rustok(['start', '--roles', 'api,worker'], { RUSTOK_DATABASE__DATA_DIR: dataDir }));
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('CONFIG_INVALID: --roles: unknown role "worker" (roles: api, relay, consumers, jobs)');
    const variable = await finish(rustok(['start'], { RUSTOK_SERVER__ROLES: 'api,worker', RUSTOK_DATABASE__DATA_DIR: dataDir }));
    expect(variable.code).toBe(2);
    expect(variable.stderr).toContain(
      'server.roles.1: must be one of api, relay, consumers, jobs (got "worker") (from RUSTOK_SERVER__ROLES)',
    );
    const check = await finish(rustok(['config', 'check'], { RUSTOK_SERVER__ROLES: 'relay,consumers' }));
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/roles: +relay, consumers\n/);
  });

  it('start serves until SIGTERM, then drains and exits 0', async () => {
    const child = rustok(['start'], { RUSTOK_DATABASE__DATA_DIR: dataDir, PORT: '0' });
    const done = finish(child);
    const address = await listening(child);
    expect((await fetch(`${address}/health/ready`)).status).toBe(200);
    child.kill('SIGTERM');
    const result = await done;
    expect(result.code).toBe(0);
    // `dataDir` was new: a child `rustok migrate` created and migrated it before the server opened it.
    expect(result.stdout).toMatch(/migrations: [1-9]\d* applied, 0 already applied/);
    expect(result.stderr).toContain('embedded database created and migrated');
  });

  it('admin create makes a platform administrator once; a second one with the same e-mail is refused', async () => {
    const env = { RUSTOK_DATABASE__DATA_DIR: adminDir };
    const first = await finish(rustok(['admin', 'create', '--email', 'root@example.com', '--password', 'a long secret'], env));
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('platform administrator root@example.com created');
    const again = await finish(rustok(['admin', 'create', '--email', 'root@example.com', '--password', 'a long secret'], env));
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('AUTH_EMAIL_TAKEN');
    const missing = await finish(rustok(['admin', 'create'], env));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('CLI_ARGUMENT_MISSING');
  }, 120_000);

  it('the first start with RUSTOK_ADMIN_EMAIL/PASSWORD creates the platform administrator, who can administer tenants', async () => {
    const child = rustok(['start'], {
      RUSTOK_DATABASE__DATA_DIR: bootDir,
      PORT: '0',
      RUSTOK_ADMIN_EMAIL: 'boss@example.com',
      RUSTOK_ADMIN_PASSWORD: 'another long secret',
    });
    const done = finish(child);
    const address = await listening(child);
    const login = await fetch(`${address}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'boss@example.com', password: 'another long secret' }),
    });
    expect(login.status).toBe(200);
    const { accessToken, user } = (await login.json()) as { accessToken: string; user: { roles: string[] } };
    expect(user.roles).toEqual(['super_admin']);
    const tenants = await fetch(`${address}/api/v1/platform/tenants`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(tenants.status).toBe(200);
    expect(((await tenants.json()) as { items: { slug: string }[] }).items.map((t) => t.slug)).toEqual(['default']);
    child.kill('SIGTERM');
    expect((await done).code).toBe(0);
  }, 120_000);

  it('mounts the modules’ command groups: rustok --help lists index, and index verify runs on the database', async () => {
    const help = await finish(rustok(['--help']));
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^\s+index\s+storefront read models/m);
    const indexHelp = await finish(rustok(['index', '--help']));
    expect(indexHelp.stdout).toContain('rebuild');
    expect(indexHelp.stdout).toContain('verify');
    const env = { RUSTOK_DATABASE__DATA_DIR: dataDir };
    const verify = await finish(rustok(['index', 'verify'], env));
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.stdout).toContain('TENANT   KIND');
    expect(verify.stdout).toMatch(/^default\s+products\s/m);
    expect(verify.stdout).toContain('drift: 0');
    const rebuild = await finish(rustok(['index', 'rebuild', '--kind', 'content', '--tenant', 'default'], env));
    expect(rebuild.code, rebuild.stderr).toBe(0);
    expect(rebuild.stdout).toMatch(/^default\s+content\s+\d+\s+\d+$/m);
    const wrong = await finish(rustok(['index', 'verify', '--kind', 'everything'], env));
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('INDEX_ARGUMENT_INVALID: --kind must be one of products, content');
  }, 120_000);

  it('modules list prints the built-in modules', async () => {
    const result = await finish(rustok(['modules', 'list']));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('SLUG');
  });
});
