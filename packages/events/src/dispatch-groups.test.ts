import { type Tx, tenantRlsSql } from '@rustok/db';
import { defineModule, type EventHandlerDeclaration, generateId, Id } from '@rustok/kernel';
import { describeEachBackend } from '@rustok/testing';
import { Type } from '@sinclair/typebox';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chunkGroups, type Group } from './dispatch-groups.js';
import { type BusFixture, countRows, openBus } from './test-fixtures/bus.js';

/** What each handler call saw: its tenant, the transaction's tenant setting and the transaction id. */
interface Seen {
  readonly tenantId: string;
  readonly txTenant: string | undefined;
  readonly setting: string;
  readonly txid: string;
}

const seen: Seen[] = [];
const failing = new Set<string>();

/** Notes what it saw and writes one row of a row-level-secured table (refused unless the tenant setting is its tenant). */
const noter: EventHandlerDeclaration = {
  consumer: 'notes.noter',
  types: ['notes.note.added'],
  handle: async (event, ctx) => {
    const { rows } = await ctx.tx.query<{ setting: string; txid: string }>(
      "SELECT current_setting('app.tenant_id') AS setting, txid_current()::text AS txid",
    );
    seen.push({
      tenantId: ctx.tenantId,
      txTenant: (ctx.tx as Partial<Tx>).tenantId,
      setting: rows[0]?.setting ?? '',
      txid: rows[0]?.txid ?? '',
    });
    await ctx.tx.query('INSERT INTO notes_effects (tenant_id, event_id) VALUES ($1, $2)', [ctx.tenantId, event.id]);
    if (failing.has(ctx.tenantId)) throw new Error('this tenant refuses');
  },
};

const notesModule = defineModule({
  slug: 'notes',
  name: 'Notes',
  description: 'dispatch fixture',
  version: '1.0.0',
  kind: 'optional',
  migrations: [
    {
      name: 'm20260101_notes_001_effects',
      up: `CREATE TABLE notes_effects (tenant_id uuid NOT NULL, event_id uuid NOT NULL);
           ${tenantRlsSql('notes_effects')}`,
    },
  ],
  events: {
    emits: [{ type: 'notes.note.added', schemaVersion: 1, payload: Type.Object({ noteId: Id() }) }],
    handles: [noter],
  },
});

describe('chunkGroups', () => {
  const group = (tenantId: string, consumer = 'c'): Group => ({
    handler: { consumer, types: ['x'], handle: async () => {} },
    tenantId,
    events: [],
  });

  it('keeps one group per run when there are no more tenants than lanes, however many consumers', () => {
    const chunks = chunkGroups([group('b'), group('a'), group('c')], 4, 32);
    expect(chunks.map((c) => c.map((g) => g.tenantId))).toEqual([['b'], ['a'], ['c']]);
    const consumers = ['p', 'q', 'r', 's', 't', 'u'].map((c) => group('a', c));
    expect(chunkGroups(consumers, 4, 32).map((c) => c.length)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('spreads many groups over the lanes, sorted by tenant, at most `max` per run', () => {
    const tenants = Array.from({ length: 10 }, (_, i) => `t${i}`);
    const groups = tenants.flatMap((t) => [group(t, 'x'), group(t, 'y')]).reverse();
    const lanes = chunkGroups(groups, 4, 32);
    expect(lanes.map((c) => c.length)).toEqual([5, 5, 5, 5]);
    expect(lanes.flat().map((g) => g.tenantId)).toEqual([...tenants.flatMap((t) => [t, t])].sort());
    expect(chunkGroups(groups, 2, 3).map((c) => c.length)).toEqual([3, 3, 3, 3, 3, 3, 2]);
  });
});

describeEachBackend('dispatch of many tenants', (backend) => {
  let f: BusFixture;
  const tenants = Array.from({ length: 12 }, () => generateId());

  beforeEach(async () => {
    seen.length = 0;
    failing.clear();
    f = await openBus(backend, [notesModule], { relay_concurrency: 2, relay_batch_size: 100, max_attempts: 1 });
  });
  afterEach(() => f.close());

  /** Two events per tenant, each published in its tenant's transaction. */
  const publishAll = async () => {
    for (const tenantId of tenants) {
      for (let i = 0; i < 2; i++) {
        await f.db.transaction((tx) => f.bus.publishInTx(tx, { type: 'notes.note.added', tenantId, payload: { noteId: generateId() } }), {
          tenantId,
        });
      }
    }
  };
  const effectsOf = (tenantId: string) =>
    f.db
      .transaction((tx) => tx.query<{ n: number }>('SELECT count(*)::int AS n FROM notes_effects'), { tenantId })
      .then((r) => r.rows[0]?.n);

  it('commits several tenants in one transaction, each handler under its own tenant', async () => {
    await publishAll();
    expect(await f.bus.relay?.runOnce()).toBe(24);
    expect(seen).toHaveLength(24);
    for (const s of seen) {
      expect(s.setting).toBe(s.tenantId);
      expect(s.txTenant).toBe(s.tenantId);
    }
    // 12 tenants over 2 lanes: two transactions of six tenants each, not twelve.
    const transactions = new Set(seen.map((s) => s.txid));
    expect(transactions.size).toBe(2);
    for (const txid of transactions) expect(new Set(seen.filter((s) => s.txid === txid).map((s) => s.tenantId)).size).toBe(6);
    for (const tenantId of tenants) expect(await effectsOf(tenantId)).toBe(2);
    expect(await countRows(f.db, "SELECT 1 FROM sys_events WHERE status = 'dispatched'")).toBe(24);
    expect(await countRows(f.db, 'SELECT 1 FROM sys_event_receipts')).toBe(24);
  });

  it('fails only the failing tenant of a shared transaction; the others take effect once', async () => {
    const bad = tenants[3] as string;
    failing.add(bad);
    await publishAll();
    await f.bus.relay?.runOnce();
    for (const tenantId of tenants) expect(await effectsOf(tenantId)).toBe(tenantId === bad ? 0 : 2);
    const { rows } = await f.db.query<{ tenant_id: string; status: string }>('SELECT tenant_id, status FROM sys_events');
    for (const row of rows) expect(row.status).toBe(row.tenant_id === bad ? 'dead' : 'dispatched');
    expect(await countRows(f.db, 'SELECT 1 FROM sys_event_receipts WHERE tenant_id = $1', [bad])).toBe(0);
    expect(await countRows(f.db, 'SELECT 1 FROM sys_event_receipts')).toBe(22);
  });
});
