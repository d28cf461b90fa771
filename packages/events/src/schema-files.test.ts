import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Type } from '@sinclair/typebox';
import { expect, it } from 'vitest';
import { createEventCatalog } from './catalog.js';
import { exportSchemas, schemaDrift } from './schema-files.js';
import { OrderPlacedV1, shopModule } from './test-fixtures/shop.js';

it('writes each version once and reports a schema changed without a new version', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'rustok-schemas-'));
  const catalog = createEventCatalog([shopModule([])]);
  expect(schemaDrift(catalog, dir)).toHaveLength(3);
  expect(exportSchemas(catalog, dir)).toEqual({
    written: ['shop.order.cancelled.v1.json', 'shop.order.placed.v1.json', 'shop.order.placed.v2.json'],
    refused: [],
  });
  expect((await readdir(dir)).sort()).toEqual(['shop.order.cancelled.v1.json', 'shop.order.placed.v1.json', 'shop.order.placed.v2.json']);
  expect(schemaDrift(catalog, dir)).toEqual([]);

  // Someone edits v1 in place (adds a required field): the check fails and the file is not rewritten.
  const edited = shopModule([]);
  const changed = createEventCatalog([
    {
      ...edited,
      events: {
        emits: edited.events.emits.map((e) =>
          e.type === 'shop.order.placed' && e.schemaVersion === 1
            ? { ...e, payload: Type.Composite([OrderPlacedV1, Type.Object({ sku: Type.String() })]) }
            : e,
        ),
      },
    },
  ]);
  expect(schemaDrift(changed, dir)).toEqual([{ file: 'shop.order.placed.v1.json', problem: 'changed' }]);
  expect(exportSchemas(changed, dir)).toEqual({ written: [], refused: ['shop.order.placed.v1.json'] });

  await writeFile(join(dir, 'shop.order.cancelled.v1.json'), '{}\n');
  expect(schemaDrift(catalog, dir)).toEqual([{ file: 'shop.order.cancelled.v1.json', problem: 'changed' }]);
});
