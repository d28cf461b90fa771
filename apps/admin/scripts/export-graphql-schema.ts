// Writes the server's GraphQL schema where the admin app's typed documents read it:
// src/graphql/schema.graphql (SDL) and src/graphql/graphql-env.d.ts (its introspection as types).
// apps/admin/test/graphql-documents.test.ts fails when either is behind the server.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { graphqlSchemaFiles } from './graphql-schema.js';

const dir = join(import.meta.dirname, '../src/graphql');
for (const [name, text] of Object.entries(graphqlSchemaFiles())) {
  writeFileSync(join(dir, name), text);
  process.stdout.write(`wrote apps/admin/src/graphql/${name}\n`);
}
