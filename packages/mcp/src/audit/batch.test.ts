import type { Database } from '@rustok/db';
import type { FastifyBaseLogger } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createAuditWriter } from './batch.js';
import type { AuditEntry } from './store.js';

const T1 = '0190f3a0-0000-7000-8000-000000000001';
const T2 = '0190f3a0-0000-7000-8000-000000000002';

const entry = (tenantId: string, tool: string): AuditEntry => ({
  tenantId,
  actorId: null,
  tokenId: null,
  surface: 'shop',
  clientName: null,
  tool,
  argumentsSha256: 'a'.repeat(64),
  outcome: 'ok',
  errorCode: null,
  durationMs: 1,
});

/** A database that records each write's tenant and tools (after 5 ms), failing a tenant's writes on demand; and a logger that keeps errors. */
const fakes = (failing: ReadonlySet<string> = new Set()) => {
  const writes: { tenantId: string; tools: unknown[] }[] = [];
  const errors: unknown[] = [];
  const db = {
    transaction: async (fn: (tx: unknown) => Promise<unknown>, options: { tenantId: string }) => {
      await new Promise((r) => setTimeout(r, 5));
      if (failing.has(options.tenantId)) throw new Error('write failed');
      return fn({
        query: async (_sql: string, params: unknown[][]) => {
          // One array per column; the tool is the sixth.
          writes.push({ tenantId: options.tenantId, tools: params[5] ?? [] });
          return { rows: [] };
        },
      });
    },
  } as unknown as Database;
  const logger = { error: (o: unknown) => errors.push(o) } as unknown as FastifyBaseLogger;
  return { db, logger, writes, errors };
};

describe('createAuditWriter', () => {
  it('answers at once; writes the first row at once, then the rows that came meanwhile together, one statement per tenant', async () => {
    const { db, logger, writes } = fakes();
    const writer = createAuditWriter(db, logger, 0);
    await writer.write(entry(T1, 'a'));
    for (const [t, tool] of [
      [T1, 'b'],
      [T2, 'c'],
      [T1, 'd'],
    ] as const)
      await writer.write(entry(t, tool));
    expect(writes, 'nothing written yet: the calls did not wait').toEqual([]);
    await writer.flush();
    expect(writes).toEqual([
      { tenantId: T1, tools: ['a'] },
      { tenantId: T1, tools: ['b', 'd'] },
      { tenantId: T2, tools: ['c'] },
    ]);
    await writer.write(entry(T2, 'e'));
    await writer.flush();
    expect(writes.at(-1)).toEqual({ tenantId: T2, tools: ['e'] });
  });

  it('spaces its writes while rows keep coming, so more go together', async () => {
    const { db, logger, writes } = fakes();
    const writer = createAuditWriter(db, logger, 40);
    await writer.write(entry(T1, 'a'));
    await writer.write(entry(T1, 'b'));
    await new Promise((r) => setTimeout(r, 20));
    await writer.write(entry(T1, 'c'));
    await writer.flush();
    expect(writes.map((w) => w.tools)).toEqual([['a'], ['b', 'c']]);
  });

  it('once closing, a call waits for its own row; close waits for the queued ones', async () => {
    const { db, logger, writes } = fakes();
    const writer = createAuditWriter(db, logger, 0);
    await writer.write(entry(T1, 'a'));
    await writer.close();
    expect(writes.map((w) => w.tools)).toEqual([['a']]);
    await writer.write(entry(T1, 'b'));
    expect(writes.map((w) => w.tools)).toEqual([['a'], ['b']]);
  });

  it("logs a failed write, and goes on with the other tenants' rows", async () => {
    const { db, logger, writes, errors } = fakes(new Set([T2]));
    const writer = createAuditWriter(db, logger, 0);
    await writer.write(entry(T1, 'a'));
    await writer.write(entry(T2, 'b'));
    await writer.write(entry(T1, 'c'));
    await writer.flush();
    expect(writes.map((w) => w.tools)).toEqual([['a'], ['c']]);
    expect(errors).toEqual([expect.objectContaining({ tools: ['b'] })]);
  });
});
