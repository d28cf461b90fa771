import { join } from 'node:path';
import { createEventCatalog, schemaDrift } from '@rustok/events';
import { REPO_ROOT } from '@rustok/testing';
import { expect, it } from 'vitest';
import { PLATFORM_MODULES } from '../src/boot.js';
import { builtInModules } from '../src/modules.generated.js';

it('every event schema of the deployment matches its checked-in file (a change needs a new version)', () => {
  const catalog = createEventCatalog([...PLATFORM_MODULES, ...builtInModules]);
  const drift = schemaDrift(catalog, join(REPO_ROOT, 'schemas/events'));
  const advice = drift.map((d) =>
    d.problem === 'missing'
      ? `${d.file}: missing, run npm run events:schemas and commit it`
      : `${d.file}: changed, declare a new schemaVersion instead`,
  );
  expect(advice).toEqual([]);
});
