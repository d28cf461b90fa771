import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { EventCatalog } from './catalog.js';

/** Checked-in copy of each payload schema: `schemas/events/<type>.v<N>.json`. */
const schemaFileName = (type: string, version: number): string => `${type}.v${version}.json`;

const render = (schema: unknown): string => `${JSON.stringify(schema, null, 2)}\n`;

export interface SchemaDrift {
  readonly file: string;
  readonly problem: 'missing' | 'changed';
}

/**
 * Compares the catalog with the checked-in files. `changed` means a published schema was edited
 * without a new schemaVersion: consumers of the old version would break.
 */
export const schemaDrift = (catalog: EventCatalog, dir: string): SchemaDrift[] =>
  catalog.entries.flatMap(({ declaration }): SchemaDrift[] => {
    const file = schemaFileName(declaration.type, declaration.schemaVersion);
    const path = join(dir, file);
    if (!existsSync(path)) return [{ file, problem: 'missing' }];
    // Compared as data, so reformatting a file is not a change.
    const stored: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return isDeepStrictEqual(stored, JSON.parse(render(declaration.payload))) ? [] : [{ file, problem: 'changed' }];
  });

/** Writes the files of new versions; never rewrites an existing one (that needs a new version). */
export const exportSchemas = (catalog: EventCatalog, dir: string): { written: string[]; refused: string[] } => {
  mkdirSync(dir, { recursive: true });
  const drift = schemaDrift(catalog, dir);
  const written: string[] = [];
  for (const { declaration } of catalog.entries) {
    const file = schemaFileName(declaration.type, declaration.schemaVersion);
    if (drift.some((d) => d.file === file && d.problem === 'missing')) {
      writeFileSync(join(dir, file), render(declaration.payload));
      written.push(file);
    }
  }
  return { written, refused: drift.filter((d) => d.problem === 'changed').map((d) => d.file) };
};
