import { defineModule } from '@rustok/kernel';
import { describeEachBackend, openTestDatabase, type TestDatabase } from '@rustok/testing';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { deleteInBatches } from './batches.js';

const fixture = defineModule({
  slug: 'batches',
  name: 'Batches',
  description: 'fixture',
  version: '1.0.0',
  kind: 'optional',
  migrations: [{ name: 'm20270110_batches_001_table', up: 'CREATE TABLE batches_rows (id int PRIMARY KEY, old boolean NOT NULL);' }],
});

/** Deletes rows whose flag is $1, at most $2 of them (the batch size comes last). */
const DELETE_OLD = `WITH gone AS (DELETE FROM batches_rows WHERE id IN (SELECT id FROM batches_rows WHERE old = $1 LIMIT $2) RETURNING 1)
SELECT count(*)::int AS n FROM gone`;

describeEachBackend('deleting in batches', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(backend, [fixture]);
  });
  afterAll(() => t?.cleanup());
  beforeEach(async () => {
    await t.db.query('DELETE FROM batches_rows');
    await t.db.query('INSERT INTO batches_rows SELECT g, g <= 12 FROM generate_series(1, 20) g');
  });

  const left = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM batches_rows')).rows[0]?.n;

  it('deletes batch after batch until one comes back short, and counts them all', async () => {
    expect(await deleteInBatches(t.db, DELETE_OLD, [true], { batch: 5 })).toBe(12);
    expect(await left()).toBe(8);
    expect(await deleteInBatches(t.db, DELETE_OLD, [true], { batch: 5 })).toBe(0);
  });

  it('starts no new batch once the deadline has passed', async () => {
    expect(await deleteInBatches(t.db, DELETE_OLD, [true], { batch: 5, deadline: performance.now() - 1 })).toBe(5);
    expect(await left()).toBe(15);
  });
});
