import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase } from './open.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rustok-open-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const database = (sharedBuffersMb: number) => ({
  url: null,
  data_dir: dir,
  pool_max: 5,
  read_pool_max: 2,
  app_role: 'rustok_app',
  statement_timeout_ms: 30_000,
  embedded_shared_buffers_mb: sharedBuffersMb,
});

it('opens the embedded database with the configured buffer cache, again on a second start', async () => {
  for (const mb of [8, 24]) {
    const { db } = await openDatabase({ config: { database: database(mb) }, root: dir, migrate: [] });
    try {
      const { rows } = await db.query<{ shared_buffers: string }>('SHOW shared_buffers');
      expect(rows[0]?.shared_buffers).toBe(`${mb}MB`);
    } finally {
      await db.close();
    }
  }
});
