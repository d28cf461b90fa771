import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type GeneratedAdmin, type RunningServer, startServer } from '@rustok/server';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The admin app in Debian's Chromium against the real server on the embedded database: the app is
// built from its sources, served by the server at /admin under its content security policy, and
// signed in to with the administrator a first development start makes up.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ADMIN_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SHOTS = join(ADMIN_ROOT, 'test-results');
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

if (!existsSync(CHROMIUM)) console.warn(`[rustok tests] admin browser suite skipped: no Chromium at ${CHROMIUM}`);

describe.skipIf(!existsSync(CHROMIUM))('admin app: sign in', () => {
  let work: string;
  let server: RunningServer;
  let admin: GeneratedAdmin;
  let browser: Browser;
  /** Problems the page reported (script errors, blocked resources, CSP violations). */
  const problems: string[] = [];

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'rustok-admin-'));
    const vite = join(ADMIN_ROOT, '../../node_modules/vite/bin/vite.js');
    const built = spawnSync(
      process.execPath,
      [vite, 'build', ADMIN_ROOT, '--outDir', join(work, 'dist'), '--emptyOutDir', '--logLevel', 'warn'],
      {
        encoding: 'utf8',
      },
    );
    if (built.status !== 0) throw new Error(`admin build failed: ${built.stderr}`);
    server = await startServer({
      environment: 'development',
      env: { RUSTOK_DATABASE__DATA_DIR: join(work, 'data'), PORT: '0', RUSTOK_SERVER__HOST: '127.0.0.1', LOG_LEVEL: 'silent' },
      modules: [],
      manifestFile: false,
      adminApp: join(work, 'dist'),
      shutdown: { signals: [], exit: () => {} },
    });
    if (!server.generatedAdmin) throw new Error('a first development start made no administrator');
    admin = server.generatedAdmin;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    await mkdir(SHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  const open = async (path: string): Promise<Page> => {
    const page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400 && !response.url().endsWith('/api/v1/auth/login'))
        problems.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${server.address}${path}`);
    return page;
  };

  const signIn = async (page: Page, password: string) => {
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };

  it('sends a visitor to the sign-in page, and refuses a wrong password with the server’s code', async () => {
    const page = await open('/admin/');
    await page.waitForURL('**/admin/sign-in');
    expect(await page.getByLabel('Shop or site').inputValue()).toBe('default');
    await signIn(page, 'not-the-password');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('AUTH_INVALID_CREDENTIALS');
    await page.screenshot({ path: join(SHOTS, 'sign-in.png') });
    await page.close();
  });

  it('signs the administrator in, keeps the session over a reload, and signs out', async () => {
    const page = await open('/admin/sign-in');
    await signIn(page, admin.password);
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
    expect(page.url()).toBe(`${server.address}/admin/`);
    expect(await page.getByTestId('signed-in-as').textContent()).toBe(admin.email);
    expect(await page.locator('.permissions li').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'home.png') });
    await page.reload();
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/admin/sign-in');
    await page.goto(`${server.address}/admin/`);
    await page.waitForURL('**/admin/sign-in');
    await page.close();
  });

  it('ran with no script error and nothing blocked by the security policy', () => {
    // The wrong password's 401 is the one console error a browser logs by itself.
    expect(problems.filter((p) => !/status of 401/.test(p))).toEqual([]);
  });
});
