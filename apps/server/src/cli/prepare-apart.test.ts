import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createsEmbeddedDatabase, prepareEmbeddedApart } from './prepare-apart.js';

const kernelAt = (root: string, url?: string) => ({
  root,
  config: { database: { url, data_dir: 'data' } } as Parameters<typeof createsEmbeddedDatabase>[0]['config'],
});

describe('a new embedded database is made in a child process', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'rustok-apart-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('only when the data directory holds no database and no database.url is set', async () => {
    expect(createsEmbeddedDatabase(kernelAt(root))).toBe(true);
    expect(createsEmbeddedDatabase(kernelAt(root, 'postgres://db.example/shop'))).toBe(false);
    await mkdir(join(root, 'data', 'pglite'), { recursive: true });
    expect(createsEmbeddedDatabase(kernelAt(root))).toBe(true);
    await writeFile(join(root, 'data', 'pglite', 'PG_VERSION'), '17\n');
    expect(createsEmbeddedDatabase(kernelAt(root))).toBe(false);
  });

  it('runs the migration once for a new database and not for an existing one', async () => {
    let runs = 0;
    const migrate = async () => {
      runs++;
      return 0;
    };
    expect(await prepareEmbeddedApart(kernelAt(root), migrate)).toBe(true);
    expect(runs).toBe(1);
    expect(await prepareEmbeddedApart(kernelAt(root, 'postgres://db.example/shop'), migrate)).toBe(false);
    expect(runs).toBe(1);
  });

  it('fails with a coded error when the child does not exit 0', async () => {
    await expect(prepareEmbeddedApart(kernelAt(root), async () => 1)).rejects.toMatchObject({
      code: 'DB_MIGRATION_FAILED',
      message: expect.stringContaining('exited with 1'),
    });
    await expect(prepareEmbeddedApart(kernelAt(root), async () => null)).rejects.toMatchObject({
      message: expect.stringContaining('exited with a signal'),
    });
  });
});
