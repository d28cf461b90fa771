import type { Tx } from '@rustok/db';
import { defineErrors, defineModule, generateId, isAppError } from '@rustok/kernel';
import { describeEachBackend, openTestDatabase, type TestDatabase } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type EventPublisher, inTenant, type ModuleContext, type ModuleEvent, systemActor } from './module-context.js';

const notesErrors = defineErrors('notes', { NOTES_CONFLICT: { status: 409, title: 'Conflict' } });

const notes = defineModule({
  slug: 'notes',
  name: 'Notes',
  description: 'Test fixture: one tenant-owned table with a unique column',
  version: '1.0.0',
  kind: 'optional',
  migrations: [
    {
      name: 'm20260101_notes_001_notes',
      up: `CREATE TABLE notes (id uuid PRIMARY KEY, tenant_id uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid, slug text NOT NULL UNIQUE);
           ALTER TABLE notes ENABLE ROW LEVEL SECURITY; ALTER TABLE notes FORCE ROW LEVEL SECURITY;
           CREATE POLICY tenant_isolation ON notes USING (tenant_id = current_setting('app.tenant_id')::uuid);
           GRANT SELECT, INSERT, UPDATE, DELETE ON notes TO rustok_app;`,
    },
  ],
});

/** A publisher that records what reaches it, with or without a batch write. */
const recorder = (batches: boolean) => {
  const calls: string[] = [];
  const envelope = () => ({}) as never;
  const events: EventPublisher = {
    publishInTx: async (_tx: Tx, e: ModuleEvent) => {
      calls.push(`one ${e.type}`);
      return envelope();
    },
    ...(batches
      ? {
          publishBatchInTx: async (_tx: Tx, all: readonly ModuleEvent[]) => {
            calls.push(`batch ${all.map((e) => e.type).join(',')}`);
            return all.map(envelope);
          },
        }
      : {}),
  };
  return { calls, events };
};

describeEachBackend('inTenant', (backend) => {
  let t: TestDatabase;
  const tenantId = generateId();
  const ctxWith = (events: EventPublisher): ModuleContext => ({ db: t.db, events, tenantId, actor: systemActor });

  beforeAll(async () => {
    t = await openTestDatabase(backend, [notes]);
  });
  afterAll(() => t.cleanup());

  it('answers a unique violation as 409 DATA_DUPLICATE and keeps a coded error as it is', async () => {
    const ctx = ctxWith(recorder(true).events);
    const insert = (w: { tx: Tx }) => w.tx.query("INSERT INTO notes (id, slug) VALUES ($1, 'same')", [generateId()]);
    await inTenant(ctx, insert);
    const error = await inTenant(ctx, insert).catch((e: unknown) => e);
    expect(isAppError(error) && { code: error.code, status: error.status }).toEqual({ code: 'DATA_DUPLICATE', status: 409 });
    const coded = await inTenant(ctx, async (w) => {
      await insert(w).catch((cause: unknown) => {
        throw notesErrors.NOTES_CONFLICT('Another note has this slug', { cause });
      });
    }).catch((e: unknown) => e);
    expect(isAppError(coded) && coded.code).toBe('NOTES_CONFLICT');
  });

  it('publishAll writes the events at once through the batch, or one by one without it', async () => {
    const batched = recorder(true);
    await inTenant(ctxWith(batched.events), (w) =>
      w.publishAll([
        { type: 'notes.note.created', payload: {} },
        { type: 'notes.note.updated', payload: {} },
      ]),
    );
    expect(batched.calls).toEqual(['batch notes.note.created,notes.note.updated']);
    const single = recorder(false);
    await inTenant(ctxWith(single.events), (w) =>
      w.publishAll([
        { type: 'notes.note.created', payload: {} },
        { type: 'notes.note.updated', payload: {} },
      ]),
    );
    expect(single.calls).toEqual(['one notes.note.created', 'one notes.note.updated']);
  });
});
