import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readManifest } from '@rustok/kernel';
import { afterAll, describe, expect, it } from 'vitest';
import { builtInModules } from '../src/modules.generated.js';
import { checkBoundaries, declaredOf, importsOf } from './fixtures/import-boundaries.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('module boundaries of this repository', () => {
  it('no import breaks a boundary', () => {
    const packageOf = new Map(readManifest(join(root, 'modules.toml')).modules.map((m) => [m.slug, m.package]));
    const violations = checkBoundaries({ root, declared: declaredOf(builtInModules, packageOf) });
    expect(violations).toEqual([]);
  });
});

type Files = Record<string, string>;

const pkg = (name: string, exports: readonly string[], dependencies: readonly string[] = []) =>
  JSON.stringify({
    name,
    exports: Object.fromEntries(exports.map((e) => [e, `./src/${e === '.' ? 'index' : e.slice(2)}.ts`])),
    dependencies: Object.fromEntries(dependencies.map((d) => [d, '0.1.0'])),
  });

/** A small workspace: content (with a kit), commerce, blog on content, the kernel and a server app. */
const baseTree: Files = {
  'packages/kernel/package.json': pkg('@rustok/kernel', ['.']),
  'packages/kernel/src/index.ts': 'export const kernel = 1;\n',
  'modules/content/package.json': pkg('@rustok/content', ['.', './contracts', './kit'], ['@rustok/kernel']),
  'modules/content/src/index.ts': "import { kernel } from '@rustok/kernel';\nexport default kernel;\n",
  'modules/content/src/contracts.ts': 'export const NODE_EVENT = {};\n',
  'modules/content/src/kit.ts': "export { NODE_EVENT } from './contracts.js';\n",
  'modules/content/src/node-store.ts': 'export const store = 1;\n',
  'modules/commerce/package.json': pkg('@rustok/commerce', ['.', './contracts']),
  'modules/commerce/src/index.ts': 'export default 1;\n',
  'modules/commerce/src/contracts.ts': 'export const catalogInstalled = 1;\n',
  'modules/blog/package.json': pkg('@rustok/blog', ['.', './contracts'], ['@rustok/content', '@rustok/commerce']),
  'modules/blog/src/index.ts': "import { NODE_EVENT } from '@rustok/content/kit';\nexport default NODE_EVENT;\n",
  'modules/blog/src/contracts.ts': 'export {};\n',
  'apps/server/package.json': pkg('@rustok/server', ['.'], ['@rustok/blog', '@rustok/content']),
  'apps/server/src/index.ts': "import blog from '@rustok/blog';\nimport { NODE_EVENT } from '@rustok/content/contracts';\n",
};

const declared = new Map([
  ['@rustok/content', []],
  ['@rustok/commerce', []],
  ['@rustok/blog', ['@rustok/content']],
]);

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const check = (extra: Files) => {
  const dir = mkdtempSync(join(tmpdir(), 'boundaries-'));
  made.push(dir);
  for (const [path, text] of Object.entries({ ...baseTree, ...extra })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return checkBoundaries({ root: dir, declared }).map((v) => `${v.rule} ${v.file} ${v.specifier}`);
};

describe('the boundary check', () => {
  it('reads static, type-only, re-exported and dynamic imports', () => {
    const text = [
      "import a from '@x/a';",
      "import type { B } from '@x/b';",
      "export { c } from '@x/c';",
      "export * from '@x/d';",
      "const e = await import('@x/e');",
      "import '@x/f';",
    ].join('\n');
    expect(importsOf(text)).toEqual(['@x/a', '@x/b', '@x/c', '@x/d', '@x/e', '@x/f']);
  });

  it('passes a tree that keeps the rules', () => {
    expect(check({})).toEqual([]);
  });

  it('fails when a module imports another module’s internals by a package subpath', () => {
    expect(check({ 'modules/blog/src/store.ts': "import { store } from '@rustok/content/src/node-store.js';\n" })).toEqual([
      'internals modules/blog/src/store.ts @rustok/content/src/node-store.js',
    ]);
  });

  it('fails when a module reaches into another module’s folder by a relative path, in sources and tests', () => {
    expect(
      check({
        'modules/blog/src/store.ts': "import { store } from '../../content/src/node-store.js';\n",
        'modules/blog/test/blog.test.ts': "import { store } from '../../content/src/node-store.js';\n",
      }),
    ).toEqual([
      'internals modules/blog/src/store.ts ../../content/src/node-store.js',
      'internals modules/blog/test/blog.test.ts ../../content/src/node-store.js',
    ]);
  });

  it('fails when a module uses a module it does not declare, even through its contracts', () => {
    expect(check({ 'modules/blog/src/shop.ts': "import { catalogInstalled } from '@rustok/commerce/contracts';\n" })).toEqual([
      'undeclared modules/blog/src/shop.ts @rustok/commerce/contracts',
    ]);
  });

  it('fails when a declared module is missing from the package.json dependencies', () => {
    const blog = pkg('@rustok/blog', ['.', './contracts'], []);
    expect(check({ 'modules/blog/package.json': blog })).toEqual(['package-dependency modules/blog/src/index.ts @rustok/content/kit']);
  });

  it('fails when a module exports more than its module and its contracts', () => {
    const commerce = pkg('@rustok/commerce', ['.', './contracts', './catalog']);
    expect(check({ 'modules/commerce/package.json': commerce, 'modules/commerce/src/catalog.ts': 'export {};\n' })).toEqual([
      'module-exports modules/commerce/package.json ./catalog',
    ]);
  });

  it('fails when a platform package imports a module, or an app imports a module’s kit', () => {
    expect(
      check({
        'packages/kernel/src/content.ts': "import content from '@rustok/content';\n",
        'apps/server/src/kit.ts': "import { NODE_EVENT } from '@rustok/content/kit';\n",
      }),
    ).toEqual(['layer packages/kernel/src/content.ts @rustok/content', 'layer apps/server/src/kit.ts @rustok/content/kit']);
  });

  it('lets a module’s own tests import its sources and other modules’ public entries', () => {
    expect(
      check({
        'modules/blog/test/blog.test.ts': "import { x } from '../src/index.js';\nimport commerce from '@rustok/commerce';\n",
      }),
    ).toEqual([]);
  });
});
