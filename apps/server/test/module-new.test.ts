import type { ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readManifest } from '@rustok/kernel';
import { catchAppError } from '@rustok/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModule } from '../src/cli/module-new.js';
import { addReference } from '../src/cli/scaffold-workspace.js';
import { builtInModules } from '../src/modules.generated.js';
import { checkBoundaries, declaredOf } from './fixtures/import-boundaries.js';
import { raisedCodes } from './fixtures/raised-codes.js';
import { copyWorkspace, type Finished, finish, listening, plainEnv, run, start } from './fixtures/workspace-copy.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** The layout of docs/module-layout.md, as `rustok module new` writes it. */
const LAYOUT = [
  'README.md',
  'package.json',
  'src/contracts.ts',
  'src/errors.ts',
  'src/events.ts',
  'src/graphql/items.ts',
  'src/index.ts',
  'src/migrations.ts',
  'src/module.ts',
  'src/routes/items.ts',
  'src/schemas.ts',
  'src/store/items.ts',
  'src/use-cases/create-item.ts',
  'src/use-cases/list-items.ts',
  'test/items.test.ts',
  'tsconfig.json',
];

const filesUnder = (dir: string, base = ''): string[] =>
  readdirSync(join(dir, base), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(dir, `${base}${e.name}/`) : [`${base}${e.name}`]))
    .sort();

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A small workspace: modules.toml, the root and server tsconfigs, the server package, one module and one platform package. */
const fixtureRoot = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'rustok-module-new-'));
  made.push(dir);
  const files: Record<string, string> = {
    'modules.toml': '[modules]\n\n[modules.blog]\npackage = "@rustok/blog"\nrequired = false\n',
    'tsconfig.json':
      '{\n  "files": [],\n  "references": [\n    {\n      "path": "modules/blog"\n    },\n    {\n      "path": "apps/server"\n    }\n  ]\n}\n',
    'apps/server/tsconfig.json':
      '{\n  "include": ["src"],\n  "references": [{ "path": "../../packages/kernel" }, { "path": "../../modules/blog" }]\n}\n',
    'apps/server/package.json': `${JSON.stringify({ name: '@rustok/server', dependencies: { '@rustok/blog': '0.1.0', pino: '^10.4.0' } }, null, 2)}\n`,
    'modules/blog/package.json': '{ "name": "@rustok/blog", "version": "0.1.0" }\n',
    'packages/kernel/package.json': '{ "name": "@rustok/kernel", "version": "0.1.0" }\n',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  mkdirSync(join(dir, 'node_modules/@rustok'), { recursive: true });
  return dir;
};

describe('rustok module new', () => {
  it('refuses a slug the kernel would refuse, or one a module or package has, with a coded error, and writes nothing', () => {
    const dir = fixtureRoot();
    const before = filesUnder(dir);
    const refused = (slug: string) => {
      const error = catchAppError(() => createModule(slug, { root: dir }));
      return `${error.code}: ${error.message}`;
    };
    expect(refused('Demo')).toMatch(/^CLI_MODULE_SLUG_INVALID: "Demo" is not a module slug/);
    expect(refused('x')).toMatch(/^CLI_MODULE_SLUG_INVALID/);
    expect(refused('demo-items')).toContain('(try "demo_items")');
    expect(refused('blog')).toBe('CLI_MODULE_EXISTS: There is a module or package "blog" already (modules/blog)');
    expect(refused('auth')).toBe('CLI_MODULE_EXISTS: There is a module or package "auth" already (a platform module)');
    expect(refused('kernel')).toBe('CLI_MODULE_EXISTS: There is a module or package "kernel" already (packages/kernel)');
    expect(filesUnder(dir)).toEqual(before);
    const outside = mkdtempSync(join(tmpdir(), 'rustok-no-project-'));
    made.push(outside);
    expect(catchAppError(() => createModule('demo', { root: outside })).code).toBe('CLI_PROJECT_NOT_FOUND');
    expect(readdirSync(outside)).toEqual([]);
  });

  it('writes the layout and wires the package into the workspace in each file’s own formatting; --add lists it in modules.toml', () => {
    const dir = fixtureRoot();
    const created = createModule('shop_notes', { root: dir, add: true, today: new Date('2027-01-02T10:00:00Z') });
    expect(filesUnder(join(dir, 'modules/shop_notes'))).toEqual(LAYOUT);
    expect(created.workspace).toEqual({
      edited: ['tsconfig.json', 'apps/server/tsconfig.json', 'apps/server/package.json', 'modules.toml'],
      linked: true,
    });
    const text = (path: string) => readFileSync(join(dir, path), 'utf8');
    expect(text('modules/shop_notes/src/migrations.ts')).toContain("name: 'm20270102_shop_notes_001_items'");
    expect(text('modules/shop_notes/src/module.ts')).toContain('export const shopNotesModule = defineModule({');
    expect(text('modules/shop_notes/src/graphql/items.ts')).toContain("builder.mutationField('createShopNotesItem'");
    expect(text('modules.toml')).toMatch(
      /required = false\n\n\[modules\.shop_notes\]\npackage = "@rustok\/shop_notes"\nrequired = false\n$/,
    );
    expect(JSON.parse(text('tsconfig.json')).references).toEqual([
      { path: 'modules/blog' },
      { path: 'modules/shop_notes' },
      { path: 'apps/server' },
    ]);
    expect(text('apps/server/tsconfig.json')).toContain(
      '"references": [{ "path": "../../packages/kernel" }, { "path": "../../modules/blog" }, { "path": "../../modules/shop_notes" }]',
    );
    expect(Object.keys(JSON.parse(text('apps/server/package.json')).dependencies)).toEqual(['@rustok/blog', '@rustok/shop_notes', 'pino']);
    expect(JSON.parse(text('modules/shop_notes/package.json')).dependencies['@rustok/kernel']).toBe('0.1.0');
    expect(addReference(text('tsconfig.json'), 'modules/', 'modules/shop_notes')).toBe(text('tsconfig.json'));
  });
});

/** Files of the repository the command edits in a workspace: they must be the same after the test. */
const WATCHED = [
  'modules.toml',
  'tsconfig.json',
  'apps/server/tsconfig.json',
  'apps/server/package.json',
  'apps/server/src/modules.generated.ts',
];
const snapshot = () => WATCHED.map((path) => readFileSync(join(root, path), 'utf8'));

const expectDone = (result: Finished, what: string) =>
  expect(result.code, `${what}\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`).toBe(0);

interface VitestReport {
  numFailedTests: number;
  testResults: { name: string; status: string; assertionResults: { status: string }[] }[];
}

interface Checks {
  readonly tests: Finished;
  readonly report: VitestReport | undefined;
  readonly lint: Finished;
}

/**
 * The done-when of the module scaffold: `rustok module new demo`, its entry in modules.toml and
 * `npm run build` give a server that boots with the module listed. Done in a copy of the repository,
 * step by step as a user would; the repository itself is never written.
 */
describe('a new module, listed in modules.toml and built', () => {
  const before = snapshot();
  let copy = '';
  let created: Finished;
  let written: string[] = [];
  let built: Finished;
  let checks: Promise<Checks> | undefined;
  let server: ChildProcess | undefined;
  const npm = (...args: string[]) => run(copy, 'npm', args);

  /** In the copy: the module's own test (vitest), then biome and the import cycle check. Runs while the server test runs. */
  const runChecks = async (): Promise<Checks> => {
    const file = join(copy, 'vitest-report.json');
    const vitest = ['node_modules/vitest/vitest.mjs', 'run', 'modules/demo', '--reporter=json', `--outputFile=${file}`];
    const tests = await run(copy, process.execPath, vitest);
    const report = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as VitestReport) : undefined;
    const lint = await run(copy, 'sh', [
      '-c',
      'npx biome check modules/demo tsconfig.json apps/server/tsconfig.json apps/server/package.json && node scripts/check-cycles.mjs',
    ]);
    return { tests, report, lint };
  };

  beforeAll(async () => {
    copy = copyWorkspace(root);
    made.push(copy);
    expectDone(await npm('run', 'build'), 'npm run build (the copy as checked out)');
    created = await npm('run', '--silent', 'rustok', '--', 'module', 'new', 'demo');
    expectDone(created, 'rustok module new demo');
    written = filesUnder(join(copy, 'modules/demo'));
    appendFileSync(join(copy, 'modules.toml'), '\n[modules.demo]\npackage = "@rustok/demo"\nrequired = false\n');
    built = await npm('run', 'build');
    expectDone(built, 'npm run build with demo in modules.toml');
    checks = runChecks();
    checks.catch(() => {});
  }, 240_000);
  afterAll(async () => {
    server?.kill('SIGKILL');
    await checks?.catch(() => {});
  }, 240_000);

  it('writes modules/demo in the documented layout, links it as npm does, and says what is left to do', () => {
    expect(written).toEqual(LAYOUT);
    expect(readFileSync(join(copy, 'node_modules/@rustok/demo/package.json'), 'utf8')).toContain('"name": "@rustok/demo"');
    expect(created.stdout).toContain('[modules.demo]\n     package = "@rustok/demo"\n     required = false');
    expect(created.stdout).toMatch(/npm install .*package-lock\.json/);
    expect(created.stdout).toContain('npm run build');
    expect(existsSync(join(copy, 'modules/demo/dist/index.js'))).toBe(true);
  });

  it('boots on the embedded database with the module listed and migrated; its route and field answer and its event is published', async () => {
    const admin = { email: 'owner@example.com', password: 'a long enough secret' };
    server = start(copy, process.execPath, ['apps/server/dist/cli/main.js', 'start'], {
      ...plainEnv({ RUSTOK_ENV: 'test', RUSTOK_DATABASE__DATA_DIR: join(copy, 'data') }),
      RUSTOK_ADMIN_EMAIL: admin.email,
      RUSTOK_ADMIN_PASSWORD: admin.password,
    });
    const log = finish(server);
    const address = await listening(server);
    const call = async (method: string, path: string, body?: unknown, token?: string) => {
      const headers: Record<string, string> = { 'x-tenant-id': 'default', ...(token ? { authorization: `Bearer ${token}` } : {}) };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`${address}${path}`, { method, headers, body: body === undefined ? null : JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const login = await call('POST', '/api/v1/auth/login', admin);
    expect(login.status).toBe(200);
    const token = String(login.body.accessToken);
    const modules = await call('GET', '/api/v1/modules', undefined, token);
    expect(modules.body).toContainEqual(expect.objectContaining({ slug: 'demo', kind: 'optional', dependencies: [], enabled: true }));
    expect((await call('POST', '/api/v1/demo/items', { name: 'Over REST' }, token)).status).toBe(201);
    const mutation = 'mutation { createDemoItem(input: { name: "Over GraphQL" }) { name } }';
    expect((await call('POST', '/graphql', { query: mutation }, token)).body).toEqual({
      data: { createDemoItem: { name: 'Over GraphQL' } },
    });
    const list = await call('GET', '/api/v1/demo/items', undefined, token);
    expect((list.body.items as { name: string }[]).map((i) => i.name)).toEqual(['Over GraphQL', 'Over REST']);
    const query = await call('POST', '/graphql', { query: '{ demoItems { items { name } } }' }, token);
    expect(query.body).toEqual({ data: { demoItems: { items: [{ name: 'Over GraphQL' }, { name: 'Over REST' }] } } });
    const stats = await call('GET', '/api/v1/admin/events/stats', undefined, token);
    expect(stats.body.byType).toContainEqual(expect.objectContaining({ type: 'demo.item.created', published: 2 }));
    // The error catalogue test's rules on the copy: every code its sources raise is served, and the module's codes are raised.
    const errors = await call('GET', '/api/v1/errors');
    const served = new Map((errors.body.errors as { code: string; status: number }[]).map((e) => [e.code, e.status]));
    const { raised, dynamic } = raisedCodes(copy);
    expect(dynamic).toEqual([]);
    expect([...raised.keys()].filter((code) => !served.has(code))).toEqual([]);
    expect([...served.keys()].filter((code) => code.startsWith('DEMO_') && !raised.has(code))).toEqual([]);
    expect(served.get('DEMO_ITEM_NAME_TAKEN')).toBe(409);
    server.kill('SIGTERM');
    const stopped = await log;
    expect(stopped.code).toBe(0);
    // The copy's data directory was new: a child `rustok migrate` ran its migrations, the new module's among them.
    expect(stopped.stderr).toMatch(/migrate \[\d+\/\d+\] m\d{8}_demo_001_items/);
  }, 120_000);

  it('passes its own test and the repository’s rules in the copy: boundaries, jobs, lint, import cycles', async () => {
    const { tests, report, lint } = (await checks) as Checks;
    expectDone(tests, 'vitest run modules/demo in the copy');
    expect(report?.testResults.map((r) => [r.name.slice(copy.length + 1), r.status])).toEqual([
      ['modules/demo/test/items.test.ts', 'passed'],
    ]);
    expect(report?.testResults[0]?.assertionResults.filter((a) => a.status === 'passed')).toHaveLength(5);
    expect(report?.numFailedTests).toBe(0);
    const packageOf = new Map(readManifest(join(copy, 'modules.toml')).modules.map((m) => [m.slug, m.package]));
    // The other modules are the repository's; the new one declares no module (its GET /modules entry says so too).
    const declared = new Map([...declaredOf(builtInModules, packageOf), ['@rustok/demo', []]]);
    expect(checkBoundaries({ root: copy, declared })).toEqual([]);
    expectDone(lint, 'biome and the import cycle check in the copy');
    expect(lint.stdout).toContain('import cycles: none');
    // The jobs test's rule: periodic work is a job the platform runs, never a timer of the module.
    const sources = filesUnder(join(copy, 'modules/demo/src')).map((f) => readFileSync(join(copy, 'modules/demo/src', f), 'utf8'));
    expect(sources.filter((text) => /\bsetInterval\s*\(|startIntervalJob|onReady/.test(text))).toEqual([]);
  }, 240_000);

  it('leaves the repository as it was', () => {
    expect(snapshot()).toEqual(before);
    expect(existsSync(join(root, 'modules/demo'))).toBe(false);
    expect(existsSync(join(root, 'node_modules/@rustok/demo'))).toBe(false);
  });
});
