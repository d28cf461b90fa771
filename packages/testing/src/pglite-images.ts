import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { createPgliteImage, type MigrationReport, runMigrations } from '@rustok/db';
import type { ModuleDefinition, SqlRunner } from '@rustok/kernel';

/**
 * Migrated embedded-database images for tests, kept on disk: every test database used to start a
 * blank cluster, migrate it as the owner and reopen it (4 to 7 s before a suite's first test). The image of a module set is made once per checkout and loaded after
 * that (about 1 s). An image is named by everything that shapes it: the PGlite release, the
 * application role, each module's migrations (names and text) and the source of the database
 * package (its migration runner, grants and statistics). The cache lives in the
 * repository's `.cache/` (ignored by git), so a clean install (`npm ci`) keeps it.
 *
 * An image holds the database PGlite serves (`postgres`) only: template0 and template1, a third of
 * the files every open unpacks, are dropped. It is kept gzipped on disk and unpacked once per
 * process (PGlite would gunzip it again at every open).
 */
export interface MigratedImage {
  readonly image: Blob;
  readonly report: MigrationReport;
}

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const CACHE_DIR = join(root, '.cache', 'rustok-test-images');

/** The PGlite release the database package loads (its package.json, next to the entry it resolves to). */
const pgliteVersion = (): string => {
  let dir = dirname(createRequire(join(root, 'packages', 'db', 'package.json')).resolve('@electric-sql/pglite'));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
};

/** The database package's own source, which writes part of every image (platform tables, grants). */
const dbSource = (): string => {
  const dir = join(root, 'packages', 'db', 'src');
  if (!existsSync(dir)) return 'no-source';
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort()
    .map((f) => `${f}\n${readFileSync(join(dir, f), 'utf8')}`)
    .join('\n');
};

let stamp: string | undefined;
const stampOf = (): string => {
  stamp ??= createHash('sha256').update(pgliteVersion()).update(dbSource()).digest('hex');
  return stamp;
};

/** The name of a migrated schema: the PGlite release and the database package's source, the role and each module's migrations. */
export const migrationKey = (appRole: string, modules: readonly ModuleDefinition[]): string => {
  const migrations = modules.map((m) => [m.slug, m.migrations.map((x) => [x.name, String(x.up)])]);
  return createHash('sha256').update(stampOf()).update(appRole).update(JSON.stringify(migrations)).digest('hex').slice(0, 32);
};

/** Written under another name first, so a reader never sees half a file. */
const writeAtomically = (path: string, data: Buffer | string): void => {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, path);
};

/** Tests use the database `postgres` only; CREATE DATABASE on PGlite is not one of their steps. */
const dropTemplateDatabases = async (owner: SqlRunner): Promise<void> => {
  for (const name of ['template0', 'template1']) {
    await owner.exec(`ALTER DATABASE ${name} IS_TEMPLATE false`);
    await owner.exec(`DROP DATABASE ${name}`);
  }
};

/** The tar PGlite loads, from the gzipped file kept on disk. */
const unpacked = (gzipped: Uint8Array): Blob => new Blob([gunzipSync(gzipped)]);

const blanks = new Map<string, Promise<Blob>>();
const inProcess = new Map<string, Promise<MigratedImage>>();

const loadBlank = async (appRole: string): Promise<Blob> => {
  const file = join(CACHE_DIR, `blank-${createHash('sha256').update(stampOf()).update(appRole).digest('hex').slice(0, 32)}.tar.gz`);
  if (existsSync(file)) return unpacked(readFileSync(file));
  const gzipped = Buffer.from(await (await createPgliteImage(appRole, { compression: 'gzip' })).arrayBuffer());
  mkdirSync(CACHE_DIR, { recursive: true });
  writeAtomically(file, gzipped);
  return unpacked(gzipped);
};

/**
 * A new cluster with the application role and nothing migrated (initdb is most of an image's
 * build), kept on disk like the migrated images and unpacked once per process. Also for tests of
 * what a migration does to rows an earlier one left: `openPglite({ image, ownerSetup })`.
 */
export const blankTestImage = (appRole: string): Promise<Blob> => {
  let image = blanks.get(appRole);
  if (!image) {
    image = loadBlank(appRole);
    blanks.set(appRole, image);
    image.catch(() => blanks.delete(appRole));
  }
  return image;
};

const build = async (appRole: string, modules: readonly ModuleDefinition[], files: { image: string; report: string }) => {
  let report: MigrationReport | undefined;
  const image = await createPgliteImage(appRole, {
    from: await blankTestImage(appRole),
    compression: 'gzip',
    ownerSetup: async (owner) => {
      report = await runMigrations(owner, modules, { appRole });
      await dropTemplateDatabases(owner);
    },
  });
  if (!report) throw new Error('the migrations did not run');
  mkdirSync(CACHE_DIR, { recursive: true });
  writeAtomically(files.report, JSON.stringify(report));
  const gzipped = Buffer.from(await image.arrayBuffer());
  writeAtomically(files.image, gzipped);
  return { image: unpacked(gzipped), report };
};

/** How images are made beyond their inputs (part of the file names: a change makes every image anew). */
const IMAGE_FORMAT = 'no-templates';

const load = async (key: string, appRole: string, modules: readonly ModuleDefinition[]): Promise<MigratedImage> => {
  const name = join(CACHE_DIR, `${key}-${IMAGE_FORMAT}`);
  const files = { image: `${name}.tar.gz`, report: `${name}.json` };
  if (existsSync(files.image) && existsSync(files.report)) {
    const report = JSON.parse(readFileSync(files.report, 'utf8')) as MigrationReport;
    return { image: unpacked(readFileSync(files.image)), report };
  }
  return build(appRole, modules, files);
};

/** The image of `modules` migrated for `appRole`, and the report of that migration run. */
export const migratedImage = (appRole: string, modules: readonly ModuleDefinition[]): Promise<MigratedImage> => {
  const key = migrationKey(appRole, modules);
  let image = inProcess.get(key);
  if (!image) {
    image = load(key, appRole, modules);
    inProcess.set(key, image);
    image.catch(() => inProcess.delete(key));
  }
  return image;
};

/** For a server's `embeddedImage` option: its new embedded database starts from the migrated image of its modules. */
export const embeddedTestImage = async (appRole: string, modules: readonly ModuleDefinition[]): Promise<Blob> =>
  (await migratedImage(appRole, modules)).image;
