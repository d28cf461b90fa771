import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtInModules, type GeneratedAdmin, PLATFORM_MODULES, type RunningServer, type StartOptions, startServer } from '@rustok/server';
import { createMigratedDatabase, describeEachBackend, embeddedTestImage, type TestBackend } from '@rustok/testing';
import { axeViolations } from '@rustok/testing/axe';
import { CHROMIUM, chromiumLaunchOptions, hasChromium as hasChromiumHere } from '@rustok/testing/chromium';
import { type Browser, chromium, type Page } from 'playwright-core';
import { describe } from 'vitest';

/**
 * What the admin app's browser tests share: the app built from its sources, the real server on the
 * embedded database serving it (a first development start, so it makes up an administrator), and
 * Debian's Chromium driven by playwright-core.
 */
export { CHROMIUM };
export const hasChromium = hasChromiumHere();
if (!hasChromium) console.warn(`[rustok tests] admin browser suites skipped: no Chromium at ${CHROMIUM}`);

/** A browser suite, once per database (embedded, and PostgreSQL where it is reachable); skipped, saying why, without Chromium. */
export const describeInBrowser = (title: string, body: (backend: TestBackend) => void): void => {
  if (hasChromium) describeEachBackend(title, body);
  else describe.skip(`${title} [no Chromium at ${CHROMIUM}]`, () => body({ name: 'pglite' }));
};

/**
 * A browser suite on the embedded database only: for screens whose server side the service suites
 * already cover on PostgreSQL (keeps the run's browser time in bounds).
 */
export const describeInEmbeddedBrowser = (title: string, body: (backend: TestBackend) => void): void => {
  if (hasChromium) describe(`${title} [pglite]`, () => body({ name: 'pglite' }));
  else describe.skip(`${title} [no Chromium at ${CHROMIUM}]`, () => body({ name: 'pglite' }));
};

const ADMIN_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SHOTS = join(ADMIN_ROOT, 'test-results');

/** A screenshot's name for a page address: `/admin/blog/0190…/edit` → `blog-id-edit`, `/admin/` → `home`. */
export const screenNameOf = (url: string): string =>
  new URL(url).pathname
    .replace(/^\/admin\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((part) => (/^[0-9a-f-]{20,}$/i.test(part) ? 'id' : part.replace(/[^a-z0-9-]/gi, '_')))
    .join('-') || 'home';

export interface AdminHarness {
  readonly server: RunningServer;
  readonly admin: GeneratedAdmin;
  /** Script errors, failed requests and blocked resources the pages reported (`expected` ones filtered by the test). */
  readonly problems: string[];
  open(path: string): Promise<Page>;
  signIn(page: Page, credentials: { tenant?: string; email: string; password: string }): Promise<void>;
  /** axe-core's serious and critical violations on the page as it is (and its screenshot, `screen-<address>.png`). */
  violations(page: Page): Promise<string[]>;
  shot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'];
const filesOf = (path: string): string[] =>
  statSync(path).isDirectory() ? readdirSync(path).flatMap((name) => filesOf(join(path, name))) : [path];

/**
 * The app built from its current sources, once for all the suites of a run and kept for the next
 * runs (in the repository's `.cache/`, which a clean install keeps): named by a hash of the sources
 * and of the lockfile (a build under another name, then renamed into place, so suites building at
 * once agree).
 */
const adminBuild = async (): Promise<string> => {
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap((s) => filesOf(join(ADMIN_ROOT, s))).sort()) hash.update(file).update(readFileSync(file));
  hash.update(readFileSync(join(ADMIN_ROOT, '../../package-lock.json')));
  const dir = join(ADMIN_ROOT, '../../.cache/rustok-admin-build', hash.digest('hex').slice(0, 16));
  if (existsSync(join(dir, 'index.html'))) return dir;
  const out = `${dir}.${process.pid}`;
  const vite = join(ADMIN_ROOT, '../../node_modules/vite/bin/vite.js');
  const args = [vite, 'build', ADMIN_ROOT, '--outDir', out, '--emptyOutDir', '--logLevel', 'warn', '--bypass-lock'];
  const built = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`admin build failed: ${built.stderr}`);
  await rename(out, dir).catch(() => rm(out, { recursive: true, force: true }));
  return dir;
};

/**
 * One Chromium per test process, for the browser suites it runs one after another (a launch and its
 * first pages cost a few CPU-seconds). Each page is its own browser context (`browser.newPage()`),
 * so suites share no cookies or storage; a harness closes the pages it opened. Playwright stops the
 * browser when the process exits.
 */
let shared: Promise<Browser> | undefined;
const sharedBrowser = (): Promise<Browser> => {
  if (!shared) {
    const launching = chromium.launch(chromiumLaunchOptions());
    shared = launching;
    const forget = () => {
      if (shared === launching) shared = undefined;
    };
    launching.then((browser) => browser.on('disconnected', forget), forget);
  }
  return shared;
};

export const startAdminHarness = async (backend: TestBackend, options: Partial<StartOptions> = {}): Promise<AdminHarness> => {
  const work = await mkdtemp(join(tmpdir(), 'rustok-admin-'));
  const build = await adminBuild();
  // Either database starts migrated (a PostgreSQL template or an embedded image, made once), as a restart finds it.
  const modules = [...PLATFORM_MODULES, ...(options.modules ?? builtInModules)];
  const database =
    backend.name === 'postgres' && backend.url ? await createMigratedDatabase(backend.url, 'rustok_app', modules) : undefined;
  const where = database ? { DATABASE_URL: database.url } : { RUSTOK_DATABASE__DATA_DIR: join(work, 'data') };
  // Script workers share the CPU here: under SCHED_IDLE, the browser's load could starve a dry run past its wall budget.
  const scripting = { RUSTOK_SETTINGS__RUSTOK__SCRIPTING__WORKERS_IDLE: 'false' };
  const server = await startServer({
    environment: 'development',
    env: { ...where, ...scripting, PORT: '0', RUSTOK_SERVER__HOST: '127.0.0.1', LOG_LEVEL: 'silent' },
    adminApp: build,
    shutdown: { signals: [], exit: () => {} },
    embeddedImage: embeddedTestImage,
    ...options,
  });
  const admin = server.generatedAdmin;
  if (!admin) throw new Error('a first development start made no administrator');
  const browser = await sharedBrowser();
  await mkdir(SHOTS, { recursive: true });
  const problems: string[] = [];
  const pages = new Set<Page>();
  return {
    server,
    admin,
    problems,
    open: async (path) => {
      const page = await browser.newPage();
      pages.add(page);
      page.on('close', () => pages.delete(page));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(`${server.address}${path}`);
      return page;
    },
    signIn: async (page, { tenant, email, password }) => {
      if (tenant) await page.getByLabel('Shop or site').fill(tenant);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
    },
    violations: async (page) => {
      const found = await axeViolations(page);
      // Every screen checked is also photographed, named by its address (ids as `id`).
      await page.screenshot({ path: join(SHOTS, `screen-${screenNameOf(page.url())}.png`) });
      return found;
    },
    shot: (page, name) => page.screenshot({ path: join(SHOTS, `${name}.png`) }).then(() => {}),
    close: async () => {
      await Promise.all([...pages].map((page) => page.close().catch(() => {})));
      await server.stop();
      await database?.drop();
      await rm(work, { recursive: true, force: true });
    },
  };
};
