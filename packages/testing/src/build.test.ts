import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rustokArgs } from './build.js';
import { probeBuild } from './build-probe.js';
import { REPO_ROOT } from './platform.js';

describe('the rustok command of process tests', () => {
  it('starts from the build when it is fresh, from the sources through tsx otherwise', () => {
    expect(rustokArgs(['start'], { fresh: true })).toEqual([join(REPO_ROOT, 'apps/server/dist/cli/main.js'), 'start']);
    expect(rustokArgs(['start'], { fresh: false, reason: 'stale' })).toEqual([
      '--conditions=source',
      '--import',
      'tsx',
      join(REPO_ROOT, 'apps/server/src/cli/main.ts'),
      'start',
    ]);
  });
});

// A project laid out as the repository's (the server's tsconfig under apps/server), built with the repository's tsc.
describe('probeBuild', () => {
  let root: string;
  const tsc = (...args: string[]) =>
    spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), ...args], { cwd: root, encoding: 'utf8' });
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'rustok-build-probe-'));
    await mkdir(join(root, 'apps/server/src'), { recursive: true });
    await mkdir(join(root, 'node_modules'), { recursive: true });
    await symlink(join(REPO_ROOT, 'node_modules/typescript'), join(root, 'node_modules/typescript'));
    const config = { compilerOptions: { composite: true, outDir: 'dist', rootDir: 'src', types: [] }, include: ['src'] };
    await writeFile(join(root, 'apps/server/tsconfig.json'), JSON.stringify(config));
    await writeFile(join(root, 'apps/server/src/main.ts'), 'export const answer = 42;\n');
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('is stale before the first build and after a source changes, fresh after a build', async () => {
    expect(probeBuild(root)).toEqual({ fresh: false, reason: 'apps/server/tsconfig.json is not built from its current sources' });
    expect(tsc('-b', 'apps/server').status).toBe(0);
    expect(probeBuild(root)).toEqual({ fresh: true });
    await writeFile(join(root, 'apps/server/src/main.ts'), 'export const answer = 43;\n');
    expect(probeBuild(root).fresh).toBe(false);
    expect(tsc('-b', 'apps/server').status).toBe(0);
    expect(probeBuild(root)).toEqual({ fresh: true });
  }, 60_000);
});
