import type { TestPlatform } from '@rustok/testing';
import { expect } from 'vitest';
import { createdInA, errorCodes, expectNoSecretsOfB, listedIds, pageListsOnlyA, refusedForB, refusedRoute } from './checks.js';
import { commerceCatalogArea } from './commerce-catalog.js';
import { type Area, defineArea, type Side, type World } from './world.js';

/** Flex: a tenant's own schemas and their entries (schemas are named by slug, entries by id). */

interface FlexObjects {
  /** A schema of standalone entries (slug unique to the tenant) with a public text and a reference to an entry. */
  readonly schemaId: string;
  readonly slug: string;
  /** A published entry of it. */
  readonly entryId: string;
  /** A schema attached to products, and the values it gives the tenant's product (of the commerce area). */
  readonly attachedId: string;
  readonly attachedSlug: string;
  readonly productId: string;
  readonly origin: string;
}

const flex = (side: Side): FlexObjects => flexArea.of(side);
const slugOfB = { slug: (w: World) => flex(w.b).slug };
const entryOfB = { id: (w: World) => flex(w.b).entryId };
const schemaVars = (w: World) => ({ slug: flex(w.b).slug });
const entryVars = (w: World) => ({ id: flex(w.b).entryId });
const SCHEMA_NOT_FOUND = 'FLEX_SCHEMA_NOT_FOUND';
const ENTRY_NOT_FOUND = 'FLEX_ENTRY_NOT_FOUND';
const ENTITY_NOT_FOUND = 'FLEX_ENTITY_NOT_FOUND';
/** B's product, named with A's attached schema (A's own schema: only the entity is B's). */
const productOfB = { target: () => 'product', entityId: (w: World) => flex(w.b).productId };
const fieldsetOfB = { ...productOfB, schema: (w: World) => flex(w.a).attachedSlug };
const attachedVars = (w: World) => ({ id: flex(w.b).productId, schema: flex(w.a).attachedSlug });

/** Every event of the tenant handled (the index takes in flex.values.updated), so nothing changes after the suite's snapshot. */
const eventsHandled = async (p: TestPlatform, tenantId: string): Promise<void> => {
  for (let waited = 0; waited < 10_000; waited += 25) {
    const { rows } = await p.database.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM sys_events WHERE tenant_id = $1 AND status = 'pending'",
      [tenantId],
    );
    if (rows[0]?.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('events of the tenant still pending after 10 s');
};

/** A's own product lists A's fieldset only, with nothing of B. */
const expectOwnFieldsetOnly = async (w: World): Promise<void> => {
  const res = await w.call('GET', `/api/v1/flex/attached/product/${flex(w.a).productId}`, w.a.admin);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json<{ items: { schema: string }[] }>().items.map((i) => i.schema)).toEqual([flex(w.a).attachedSlug]);
  expectNoSecretsOfB(w, res.body);
};

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
  async setup({ p, side, created, call }) {
    const slug = `notes-${side.tenant.slug}`;
    const schemaId = await created('/api/v1/flex/schemas', { slug, name: `Notes of ${side.tenant.slug}`, fields: FIELDS });
    const entryId = await created(`/api/v1/flex/schemas/${slug}/entries`, {
      slug: 'first',
      status: 'published',
      values: { title: `note of ${side.tenant.slug}` },
    });
    const attachedSlug = `extras-${side.tenant.slug}`;
    const attachedId = await created('/api/v1/flex/schemas', {
      slug: attachedSlug,
      name: 'Extras',
      target: 'product',
      fields: [{ key: 'origin', type: 'text', access: 'public' }],
    });
    const productId = commerceCatalogArea.of(side).productId;
    const origin = `origin of ${side.tenant.slug}`;
    const res = await call('PUT', `/api/v1/flex/attached/product/${productId}/${attachedSlug}`, side.admin, { values: { origin } });
    expect(res.statusCode, res.body).toBe(200);
    await eventsHandled(p, side.tenant.id);
    return { schemaId, slug, entryId, attachedId, attachedSlug, productId, origin };
  },
  secretsOf: (o) => [o.schemaId, o.entryId, o.slug, o.attachedSlug, o.origin],
  tablesWithData: ['flex_schemas', 'flex_schema_versions', 'flex_entries', 'flex_schema_changes', 'flex_values'],
  routes: {
    'GET /api/v1/flex/schemas': {
      kind: 'tenant',
      after: async (w, res) => expect(listedIds(res).sort()).toEqual([flex(w.a).schemaId, flex(w.a).attachedId].sort()),
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
    'GET /api/v1/flex/attached/{target}/{entityId}': refusedRoute(productOfB, ENTITY_NOT_FOUND, {
      public: true,
      after: async (w) => expectOwnFieldsetOnly(w),
    }),
    'PUT /api/v1/flex/attached/{target}/{entityId}/{schema}': refusedRoute(fieldsetOfB, ENTITY_NOT_FOUND, {
      body: () => ({ values: { origin: 'by A' } }),
      after: async (w) => expectOwnFieldsetOnly(w),
    }),
    'DELETE /api/v1/flex/attached/{target}/{entityId}/{schema}': refusedRoute(fieldsetOfB, ENTITY_NOT_FOUND),
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
    'Query.flexAttached': refusedForB(
      'query ($id: ID!) { flexAttached(target: "product", entityId: $id) { schema values } }',
      (w) => ({ id: flex(w.b).productId }),
      ENTITY_NOT_FOUND,
    ),
    'Mutation.setFlexAttached': refusedForB(
      'mutation ($id: ID!, $schema: String!) { setFlexAttached(target: "product", entityId: $id, schema: $schema, values: {}) { schema } }',
      attachedVars,
      ENTITY_NOT_FOUND,
    ),
    'Mutation.deleteFlexAttached': refusedForB(
      'mutation ($id: ID!, $schema: String!) { deleteFlexAttached(target: "product", entityId: $id, schema: $schema) }',
      attachedVars,
      ENTITY_NOT_FOUND,
    ),
    'Mutation.deleteFlexEntry': refusedForB('mutation ($id: ID!) { deleteFlexEntry(id: $id) }', entryVars, ENTRY_NOT_FOUND),
  },
});
