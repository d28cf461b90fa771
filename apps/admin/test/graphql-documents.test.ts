/// <reference types="vite/client" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { graphqlSchemaFiles, serverSchema } from '../scripts/graphql-schema.js';
import { definedDocuments } from '../src/graphql/tada.js';

const GENERATED = join(import.meta.dirname, '../src/graphql');

/** What the server's schema says of a document: its validation errors (none for a good one). */
const problemsOf = (source: string): string[] => validate(serverSchema(), parse(source)).map((e) => e.message);

describe('typed GraphQL documents', () => {
  it('types the documents against the schema the server serves now (else: npm run graphql:schema)', () => {
    for (const [name, text] of Object.entries(graphqlSchemaFiles())) expect(readFileSync(join(GENERATED, name), 'utf8'), name).toBe(text);
  });

  it('has every document of the app valid against that schema', async () => {
    await Promise.all(Object.values(import.meta.glob(['../src/**/*.{ts,tsx}', '!../src/main.tsx'])).map((load) => load()));
    const documents = definedDocuments();
    expect(documents.length).toBeGreaterThan(0);
    expect(documents.flatMap((d) => problemsOf(d).map((p) => `${p} in ${d.trim().split('\n')[0]}`))).toEqual([]);
  });

  it('refuses a document asking for a field the schema lacks (the check above can fail)', () => {
    expect(problemsOf('query { me { id shoeSize } }')).toEqual(['Cannot query field "shoeSize" on type "AuthMe".']);
  });
});
