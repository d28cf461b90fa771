import { openDatabase } from '@rustok/db';
import type { ModuleDefinition } from '@rustok/kernel';
import { embeddedTestImage } from './pglite-images.js';
import { testConfig } from './platform.js';

/**
 * Makes `dataDir` hold the embedded database of `modules` as a first start leaves it: the migrated
 * test image unpacked into it (through the server's own open), instead of a new cluster initialised
 * and every migration run in the process under test, several CPU-seconds each time. For tests of a
 * `rustok` process whose subject is not the first start itself.
 */
export const seedEmbeddedDataDir = async (dataDir: string, modules: readonly ModuleDefinition[]): Promise<void> => {
  const config = testConfig({ database: { data_dir: dataDir } });
  const { db } = await openDatabase({ config, root: dataDir, migrate: modules, embeddedImage: embeddedTestImage });
  await db.close();
};
