import { setTimeout as sleep } from 'node:timers/promises';
import { ensurePartitions, listPartitions, withOwnerConnection } from '@rustok/db';
import type { SqlRunner } from '@rustok/kernel';
import { describeOnBackend, openTestDatabase, type TestDatabase } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { commerceModule } from '../src/index.js';

const monthWindow = (now: number) => ({
  period: 'month' as const,
  fromMs: now,
  toMs: Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth() + 2, 1),
});

/**
 * The partition job makes next months' order partitions while checkouts write. A checkout takes
 * the orders and then the order lines; creating a lines partition takes the lines and then (for
 * the foreign key) the orders. Had the job waited for the orders with the lines in hand, the next
 * checkout, queued behind it for the lines while holding the orders, would have been picked by
 * PostgreSQL's deadlock check (waiting longest) as the victim: the 409 a customer once got.
 */
describeOnBackend('postgres', 'order partitions made while checkouts write', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(backend, [commerceModule]);
  }, 120_000);
  afterAll(async () => t?.cleanup());

  const owner = <T>(fn: (c: SqlRunner) => Promise<T>) => withOwnerConnection(t.url ?? '', fn);

  it('never closes a deadlock with a writer, and makes the partitions once the writers are done', async () => {
    const now = Date.now();
    await ensurePartitions(t.db, 'commerce_orders', monthWindow(now));
    await owner((finishing) =>
      owner(async (next) => {
        // A checkout about to commit holds the lines.
        await finishing.query('BEGIN');
        await finishing.query('LOCK TABLE commerce_order_lines IN ROW EXCLUSIVE MODE');
        const job = ensurePartitions(t.db, 'commerce_order_lines', monthWindow(now));
        await sleep(150);
        // The next checkout takes the orders, then asks for the lines.
        await next.query('BEGIN');
        await next.query('LOCK TABLE commerce_orders IN ROW EXCLUSIVE MODE');
        const lines = next.query('LOCK TABLE commerce_order_lines IN ROW EXCLUSIVE MODE').then(
          () => 'granted',
          (error: { code?: string }) => error.code,
        );
        await sleep(300);
        await finishing.query('COMMIT');
        // Two seconds: past the deadlock check (1 s) of a checkout waiting behind a job.
        await sleep(2_000);
        expect(await lines).toBe('granted');
        await next.query('COMMIT');
        const made = await job;
        expect(made).toHaveLength(2);
        expect(made.every((name) => name.startsWith('commerce_order_lines_'))).toBe(true);
      }),
    );
    expect((await listPartitions(t.db, 'commerce_order_lines')).filter((p) => !p.isDefault && p.lo !== null)).toHaveLength(2);
  }, 60_000);

  it('gives up (55P03) when the writers never let go, and makes nothing', async () => {
    const window = { period: 'month' as const, fromMs: Date.UTC(2031, 0, 1), toMs: Date.UTC(2031, 0, 2) };
    await owner(async (writer) => {
      await writer.query('BEGIN');
      await writer.query('LOCK TABLE commerce_orders IN ROW EXCLUSIVE MODE');
      await expect(ensurePartitions(t.db, 'commerce_orders', window)).rejects.toMatchObject({ code: '55P03' });
      await writer.query('ROLLBACK');
    });
    expect((await listPartitions(t.db, 'commerce_orders')).map((p) => p.name)).not.toContain('commerce_orders_203101');
    expect(await ensurePartitions(t.db, 'commerce_orders', window)).toEqual(['commerce_orders_203101']);
  }, 60_000);
});
