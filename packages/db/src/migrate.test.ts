import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError, createRegistry, defineModule, generateId } from '@rustok/kernel';
import { blankTestImage, describeEachBackend, openTestDatabase, type TestDatabase } from '@rustok/testing';
import { afterEach, expect, it } from 'vitest';
import { type MigrationReport, runMigrations } from './migrate.js';
import { openPglite } from './pglite.js';
import { withOwnerConnection } from './postgres.js';

const base = { name: 'x', description: 'fixture', version: '1.0.0' } as const;

// Declared out of order on purpose: `notes` depends on `audit`, whose table it references.
const notes = defineModule({
  ...base,
  slug: 'notes',
  kind: 'optional',
  dependencies: ['audit'],
  migrations: [
    { name: 'm20260102_notes_002_add_body', up: 'ALTER TABLE notes ADD COLUMN body text' },
    {
      name: 'm20260101_notes_001_create',
      up: 'CREATE TABLE notes (id uuid PRIMARY KEY, tenant_id uuid NOT NULL, audit_id uuid REFERENCES audit_log(id))',
    },
  ],
});
const audit = defineModule({
  ...base,
  slug: 'audit',
  kind: 'core',
  migrations: [{ name: 'm20260201_audit_001_create', up: 'CREATE TABLE audit_log (id uuid PRIMARY KEY)' }],
});

describeEachBackend('migrations', (backend) => {
  let t: TestDatabase | undefined;
  afterEach(async () => {
    await t?.cleanup();
    t = undefined;
  });

  it('applies every migration once, dependencies first and each module in name order', async () => {
    const registry = createRegistry([notes, audit]);
    t = await openTestDatabase(backend, registry.modules);
    expect(t.migrations?.applied).toEqual(['m20260201_audit_001_create', 'm20260101_notes_001_create', 'm20260102_notes_002_add_body']);
    const { rows } = await t.db.query<{ name: string }>('SELECT name FROM sys_migrations ORDER BY applied_at, name');
    expect(rows.map((r) => r.name)).toHaveLength(3);
    // the application role may use the tables it does not own
    const id = generateId();
    await t.db.query('INSERT INTO audit_log (id) VALUES ($1)', [id]);
    await t.db.query('INSERT INTO notes (id, tenant_id, audit_id, body) VALUES ($1, $1, $1, $2)', [id, 'hello']);
    expect((await t.db.query('SELECT body FROM notes')).rows).toEqual([{ body: 'hello' }]);
  });

  // The embedded case opens a database on files three times (the first initialises it): slow on a loaded machine.
  it('is safe to run twice and refuses an edited migration', async () => {
    const registry = createRegistry([audit, notes]);
    const edited = defineModule({ ...audit, migrations: [{ name: 'm20260201_audit_001_create', up: 'CREATE TABLE audit_log (id int)' }] });
    if (backend.name === 'postgres') {
      t = await openTestDatabase(backend, registry.modules);
      const rerun = (modules: typeof registry.modules) =>
        withOwnerConnection(t?.url ?? '', (owner) => runMigrations(owner, modules, { appRole: 'rustok_app' }));
      expect(await rerun(registry.modules)).toEqual({ applied: [], alreadyApplied: 3 });
      await expect(rerun([edited, notes])).rejects.toMatchObject({ code: 'DB_MIGRATION_CHANGED' });
      return;
    }
    // The embedded database on files: open, close, open again.
    const dataDir = await mkdtemp(join(tmpdir(), 'rustok-migrate-'));
    const open = async (modules: typeof registry.modules) => {
      let report: MigrationReport | undefined;
      const db = await openPglite({
        dataDir,
        appRole: 'rustok_app',
        // The first open unpacks a new cluster instead of running initdb (not this test's subject).
        image: await blankTestImage('rustok_app'),
        ownerSetup: async (owner) => {
          report = await runMigrations(owner, modules, { appRole: 'rustok_app' });
        },
      });
      await db.close();
      return report;
    };
    try {
      expect((await open(registry.modules))?.applied).toHaveLength(3);
      expect(await open(registry.modules)).toEqual({ applied: [], alreadyApplied: 3 });
      await expect(open([edited, notes])).rejects.toMatchObject({ code: 'DB_MIGRATION_CHANGED' });
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('rolls back a failing migration and names it', async () => {
    const broken = defineModule({
      ...base,
      slug: 'broken',
      kind: 'optional',
      migrations: [
        { name: 'm20260301_broken_001_ok', up: 'CREATE TABLE fine (id int)' },
        { name: 'm20260301_broken_002_bad', up: 'CREATE TABLE half (id int); SELECT no_such_function()' },
      ],
    });
    const error = await openTestDatabase(backend, [broken]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'DB_MIGRATION_FAILED' });
    expect((error as Error).message).toContain('m20260301_broken_002_bad');
  });
});
