import type { Database } from '@rustok/db';
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

/** A database that records each transaction's tenant and the tools of its insert, and fails a tenant's writes on demand. */
const fakeDb = (failing: ReadonlySet<string> = new Set()) => {
  const writes: { tenantId: string; tools: unknown[] }[] = [];
  const db = {
    transaction: async (fn: (tx: unknown) => Promise<unknown>, options: { tenantId: string }) => {
      await new Promise((r) => setTimeout(r, 5));
      if (failing.has(options.tenantId)) throw new Error('write failed');
      return fn({
        query: async (_sql: string, params: unknown[]) => {
          // The tool is the sixth of the eleven columns of each row.
          writes.push({ tenantId: options.tenantId, tools: params.filter((_, i) => i % 11 === 5) });
          return { rows: [] };
        },
      });
    },
  } as unknown as Database;
  return { db, writes };
};

describe('createAuditWriter', () => {
  it('writes the first row at once, then the rows that came meanwhile together, one statement per tenant', async () => {
    const { db, writes } = fakeDb();
    const write = createAuditWriter(db);
    const first = write(entry(T1, 'a'));
    const rest = [write(entry(T1, 'b')), write(entry(T2, 'c')), write(entry(T1, 'd'))];
    await Promise.all([first, ...rest]);
    expect(writes).toEqual([
      { tenantId: T1, tools: ['a'] },
      { tenantId: T1, tools: ['b', 'd'] },
      { tenantId: T2, tools: ['c'] },
    ]);
    await write(entry(T2, 'e'));
    expect(writes.at(-1)).toEqual({ tenantId: T2, tools: ['e'] });
  });

  it("rejects the calls of a failed write only, and goes on with the others'", async () => {
    const { db, writes } = fakeDb(new Set([T2]));
    const write = createAuditWriter(db);
    const first = write(entry(T1, 'a'));
    const failed = write(entry(T2, 'b'));
    const ok = write(entry(T1, 'c'));
    await expect(first).resolves.toBeUndefined();
    await expect(failed).rejects.toThrow('write failed');
    await expect(ok).resolves.toBeUndefined();
    expect(writes.map((w) => w.tools)).toEqual([['a'], ['c']]);
  });
});
