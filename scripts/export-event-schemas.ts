// Writes schemas/events/<type>.v<N>.json for every event version the deployment's modules declare.
// Never rewrites a published version: a changed schema needs a new schemaVersion.
import { join } from 'node:path';
import { createEventCatalog, exportSchemas } from '@rustok/events';
import { findProjectRoot } from '@rustok/kernel';
import { builtInModules, PLATFORM_MODULES } from '@rustok/server';

const root = findProjectRoot();
const catalog = createEventCatalog([...PLATFORM_MODULES, ...builtInModules]);
const { written, refused } = exportSchemas(catalog, join(root, 'schemas/events'));
for (const file of written) process.stdout.write(`wrote schemas/events/${file}\n`);
for (const file of refused)
  process.stderr.write(`refused schemas/events/${file}: the schema changed; declare a new schemaVersion instead\n`);
process.stdout.write(`${catalog.entries.length} event versions, ${written.length} new file(s)\n`);
process.exitCode = refused.length > 0 ? 1 : 0;
