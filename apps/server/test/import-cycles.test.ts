import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { findProjectRoot } from '@rustok/kernel';
import { afterAll, expect, it } from 'vitest';

const run = promisify(execFile);
const root = findProjectRoot();
const script = join(root, 'scripts/check-cycles.mjs');
const fixture = mkdtempSync(join(tmpdir(), 'cycles-'));
afterAll(() => rmSync(fixture, { recursive: true, force: true }));

const write = (path: string, text: string) => {
  mkdirSync(dirname(join(fixture, path)), { recursive: true });
  writeFileSync(join(fixture, path), text);
};

const check = (dir: string) =>
  run(process.execPath, [script, dir]).then(
    ({ stdout }) => ({ code: 0, output: stdout }),
    (error: { code: number; stderr: string }) => ({ code: error.code, output: error.stderr }),
  );

it('the tree has no import cycle', async () => {
  const result = await check(root);
  expect(result.output).toMatch(/import cycles: none/);
  expect(result.code).toBe(0);
}, 60_000);

it('fails on a cycle made of type-only imports between two files', async () => {
  write('packages/a/src/x.ts', "import type { Y } from './y.js';\nexport interface X { y?: Y }\n");
  write('packages/a/src/y.ts', "import type { X } from './x.js';\nexport interface Y { x?: X }\n");
  const result = await check(fixture);
  expect(result.code).toBe(1);
  expect(result.output).toContain('packages/a/src/x.ts');
}, 60_000);
