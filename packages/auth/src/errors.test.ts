import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { AUTH_ERRORS } from './errors.js';

it('catalogues every AUTH_ code the sources use, each once, and no other', () => {
  const dir = fileURLToPath(new URL('.', import.meta.url));
  const used = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'errors.ts')) {
    for (const match of readFileSync(`${dir}${file}`, 'utf8').matchAll(/['.](AUTH_[A-Z_]+)\b/g)) used.add(match[1] ?? '');
  }
  const catalogued = AUTH_ERRORS.map((e) => e.code);
  expect(new Set(catalogued).size).toBe(catalogued.length);
  expect(catalogued.sort()).toEqual([...used].sort());
});
