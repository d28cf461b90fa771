import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { acquireDirectoryLock } from './lock.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rustok-lock-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

it('lets one owner hold a data directory at a time', async () => {
  const release = acquireDirectoryLock(dir);
  expect(await readFile(join(dir, 'rustok.lock'), 'utf8')).toBe(String(process.pid));
  expect(() => acquireDirectoryLock(dir)).toThrow(expect.objectContaining({ code: 'DB_DATA_DIR_LOCKED' }));
  release();
  acquireDirectoryLock(dir)();
});

it('refuses a directory held by another live process', async () => {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
  try {
    await writeFile(join(dir, 'rustok.lock'), String(child.pid));
    expect(() => acquireDirectoryLock(dir)).toThrow(new RegExp(`in use by process ${child.pid}`));
  } finally {
    child.kill('SIGKILL');
  }
});

it('takes over a lock left by a dead process', async () => {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.once('exit', resolve));
  await writeFile(join(dir, 'rustok.lock'), String(child.pid));
  const release = acquireDirectoryLock(dir);
  expect(await readFile(join(dir, 'rustok.lock'), 'utf8')).toBe(String(process.pid));
  release();
});
