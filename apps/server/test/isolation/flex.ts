import { expect } from 'vitest';
import { createdInA, errorCodes, expectNoSecretsOfB, listedIds, pageListsOnlyA, refusedForB, refusedRoute } from './checks.js';
import { type Area, defineArea, type Side, type World } from './world.js';

/** Flex: a tenant's own schemas and their entries (schemas are named by slug, entries by id). */

interface FlexObjects {
  /** A schema of standalone entries (slug unique to the tenant) with a public text and a reference to an entry. */
  readonly schemaId: string;
  readonly slug: string;
  /** A published entry of it. */
  readonly entryId: string;
}

const flex = (side: Side): FlexObjects => flexArea.of(side);
const slugOfB = { slug: (w: World) => flex(w.b).slug };
const entryOfB = { id: (w: World) => flex(w.b).entryId };
const schemaVars = (w: World) => ({ slug: flex(w.b).slug });
const entryVars = (w: World) => ({ id: flex(w.b).entryId });
const SCHEMA_NOT_FOUND = 'FLEX_SCHEMA_NOT_FOUND';
const ENTRY_NOT_FOUND = 'FLEX_ENTRY_NOT_FOUND';

const FIELDS = [
  { key: 'title', type: 'text', required: true, access: 'public' },
  { key: 'related', type: 'reference', to: 'flex_entry' },
];

/** A's entry naming B's entry as a reference: B's entry is not there inside A's transaction. */
const referenceToB = (w: World) => ({ values: { title: 'by A', related: flex(w.b).entryId } });

const expectReferenceRefused = async (w: World): Promise<void> => {
  const res = await w.call('POST', `/api/v1/flex/schemas/${flex(w.a).slug}/entries`, w.a.admin, referenceToB(w));
  expect(res.statusCode, res.body).toBe(422);
  expect(res.json<{ code: string }>().code).toBe('FLEX_REFERENCE_NOT_FOUND');
  expectNoSecretsOfB(w, res.body, [flex(w.b).entryId]);
};

export const flexArea: Area<FlexObjects> = defineArea<FlexObjects>({
  name: 'flex',
  async setup({ side, created }) {
    const slug = `notes-${side.tenant.slug}`;
    const schemaId = await created('/api/v1/flex/schemas', { slug, name: `Notes of ${side.tenant.slug}`, fields: FIELDS });
    const entryId = await created(`/api/v1/flex/schemas/${slug}/entries`, {
      slug: 'first',
      status: 'published',
      values: { title: `note of ${side.tenant.slug}` },
    });
    return { schemaId, slug, entryId };
  },
  secretsOf: (o) => [o.schemaId, o.entryId, o.slug],
  tablesWithData: ['flex_schemas', 'flex_schema_versions', 'flex_entries', 'flex_schema_changes'],
  routes: {
    'GET /api/v1/flex/schemas': {
      kind: 'tenant',
      after: async (w, res) => expect(listedIds(res)).toEqual([flex(w.a).schemaId]),
    },
    'POST /api/v1/flex/schemas': { kind: 'tenant', body: () => ({ slug: 'made-by-a', name: 'A', fields: [] }), status: 201 },
    'GET /api/v1/flex/schemas/{slug}': refusedRoute(slugOfB, SCHEMA_NOT_FOUND),
    'PATCH /api/v1/flex/schemas/{slug}': refusedRoute(slugOfB, SCHEMA_NOT_FOUND, { body: () => ({ name: 'by A' }) }),
    'DELETE /api/v1/flex/schemas/{slug}': refusedRoute(slugOfB, SCHEMA_NOT_FOUND),
    'POST /api/v1/flex/schemas/{slug}/preview': refusedRoute(slugOfB, SCHEMA_NOT_FOUND, { body: () => ({ fields: FIELDS }) }),
    'GET /api/v1/flex/schemas/{slug}/validation': refusedRoute(slugOfB, SCHEMA_NOT_FOUND),
    'GET /api/v1/flex/schemas/{slug}/json-schema': refusedRoute(slugOfB, SCHEMA_NOT_FOUND, { public: true }),
    'GET /api/v1/flex/schemas/{slug}/entries': refusedRoute(slugOfB, SCHEMA_NOT_FOUND, { public: true }),
    'POST /api/v1/flex/schemas/{slug}/entries': refusedRoute(slugOfB, SCHEMA_NOT_FOUND, {
      body: () => ({ values: { title: 'by A' } }),
      after: async (w) => expectReferenceRefused(w),
    }),
    'GET /api/v1/flex/entries/{id}': refusedRoute(entryOfB, ENTRY_NOT_FOUND, { public: true }),
    'PATCH /api/v1/flex/entries/{id}': refusedRoute(entryOfB, ENTRY_NOT_FOUND, { body: () => ({ values: { title: 'by A' } }) }),
    'DELETE /api/v1/flex/entries/{id}': refusedRoute(entryOfB, ENTRY_NOT_FOUND),
    'POST /api/v1/flex/entries/{id}/publish': refusedRoute(entryOfB, ENTRY_NOT_FOUND),
    'POST /api/v1/flex/entries/{id}/unpublish': refusedRoute(entryOfB, ENTRY_NOT_FOUND),
    'GET /api/v1/flex/export': {
      kind: 'tenant',
      after: async (w, res) => {
        const slugs = res.json<{ schemas: { slug: string }[] }>().schemas.map((s) => s.slug);
        expect(slugs).toContain(flex(w.a).slug);
      },
    },
    'POST /api/v1/flex/import': {
      kind: 'tenant',
      body: () => ({
        format: 'rustok.flex.schemas/1',
        schemas: [{ slug: 'imported-by-a', name: 'Imported', target: 'entry', fields: [] }],
      }),
    },
  },
  graphql: {
    'Query.flexSchemas': pageListsOnlyA('flexSchemas', '{ flexSchemas(first: 100) { items { id slug } } }', (w) => flex(w.a).schemaId),
    'Query.flexSchema': refusedForB('query ($slug: String!) { flexSchema(slug: $slug) { id fields } }', schemaVars, SCHEMA_NOT_FOUND),
    'Query.flexSchemaJsonSchema': refusedForB('query ($slug: String!) { flexSchemaJsonSchema(slug: $slug) }', schemaVars, SCHEMA_NOT_FOUND),
    'Query.flexExport': async (w) => {
      const reply = await w.gql(w.a.admin, '{ flexExport }');
      expect(reply.errors, reply.text).toBeUndefined();
      expect(reply.text).toContain(flex(w.a).slug);
      expectNoSecretsOfB(w, reply.text);
    },
    'Mutation.createFlexSchema': createdInA(
      'mutation { createFlexSchema(input: { slug: "gql-by-a", name: "A", fields: [] }) { id } }',
      {},
      'createFlexSchema',
      'flex_schemas',
    ),
    'Mutation.updateFlexSchema': refusedForB(
      'mutation ($slug: String!) { updateFlexSchema(slug: $slug, input: { name: "by A" }) { id } }',
      schemaVars,
      SCHEMA_NOT_FOUND,
    ),
    'Query.flexSchemaPreview': refusedForB(
      'query ($slug: String!, $fields: JSON!) { flexSchemaPreview(slug: $slug, fields: $fields) }',
      (w) => ({ ...schemaVars(w), fields: FIELDS }),
      SCHEMA_NOT_FOUND,
    ),
    'Query.flexSchemaValidation': refusedForB('query ($slug: String!) { flexSchemaValidation(slug: $slug) }', schemaVars, SCHEMA_NOT_FOUND),
    'Mutation.deleteFlexSchema': refusedForB('mutation ($slug: String!) { deleteFlexSchema(slug: $slug) }', schemaVars, SCHEMA_NOT_FOUND),
    'Mutation.importFlexSchemas': async (w) => {
      const document = {
        format: 'rustok.flex.schemas/1',
        schemas: [{ slug: 'gql-imported-by-a', name: 'I', target: 'entry', fields: [] }],
      };
      const reply = await w.gql(w.a.admin, 'mutation ($d: JSON!) { importFlexSchemas(document: $d) { created } }', { d: document });
      expect(reply.errors, reply.text).toBeUndefined();
      expectNoSecretsOfB(w, reply.text);
    },
    'Query.flexEntries': refusedForB(
      'query ($slug: String!) { flexEntries(schema: $slug, first: 10) { items { id values } } }',
      schemaVars,
      SCHEMA_NOT_FOUND,
    ),
    'Query.flexEntry': refusedForB('query ($id: ID!) { flexEntry(id: $id) { id values } }', entryVars, ENTRY_NOT_FOUND),
    'Mutation.createFlexEntry': async (w) => {
      const onB = await w.gql(
        w.a.admin,
        'mutation ($slug: String!) { createFlexEntry(schema: $slug, input: { values: { title: "x" } }) { id } }',
        {
          slug: flex(w.b).slug,
        },
      );
      expect(errorCodes(onB), onB.text).toEqual([SCHEMA_NOT_FOUND]);
      const variables = { slug: flex(w.a).slug, values: referenceToB(w).values };
      const reply = await w.gql(
        w.a.admin,
        'mutation ($slug: String!, $values: JSON!) { createFlexEntry(schema: $slug, input: { values: $values }) { id } }',
        variables,
      );
      expect(errorCodes(reply), reply.text).toEqual(['FLEX_REFERENCE_NOT_FOUND']);
      expectNoSecretsOfB(w, `${onB.text}${reply.text}`, [JSON.stringify(variables), flex(w.b).slug]);
    },
    'Mutation.updateFlexEntry': refusedForB(
      'mutation ($id: ID!) { updateFlexEntry(id: $id, input: { slug: "by-a" }) { id } }',
      entryVars,
      ENTRY_NOT_FOUND,
    ),
    'Mutation.publishFlexEntry': refusedForB('mutation ($id: ID!) { publishFlexEntry(id: $id) { id } }', entryVars, ENTRY_NOT_FOUND),
    'Mutation.unpublishFlexEntry': refusedForB('mutation ($id: ID!) { unpublishFlexEntry(id: $id) { id } }', entryVars, ENTRY_NOT_FOUND),
    'Mutation.deleteFlexEntry': refusedForB('mutation ($id: ID!) { deleteFlexEntry(id: $id) }', entryVars, ENTRY_NOT_FOUND),
  },
});
