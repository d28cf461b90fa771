import { adminTool, type ModuleContext, mcpContextOf } from '@rustok/api';
import { Id, type McpCallContext, type McpResource, type ModuleMcp } from '@rustok/kernel';
import { Type } from '@sinclair/typebox';
import type { FlexContext } from './context.js';
import { flexOptions } from './options.js';
import { CreateEntryInput, ENTRY_STATUSES, EntryList, FlexEntry, SchemaSlug } from './schemas.js';
import { createEntry } from './use-cases/create-entry.js';
import { getEntry } from './use-cases/get-entry.js';
import { listEntries } from './use-cases/list-entries.js';
import { listSchemas } from './use-cases/list-schemas.js';

/** Flex's context for a tool call: the caller's module context and the deployment's flex guardrails. */
const flexOf = (c: ModuleContext, call: McpCallContext): FlexContext => ({ ...c, options: flexOptions(call.app.rustok.config) });

const ListInput = Type.Object(
  {
    schema: SchemaSlug(),
    status: Type.Optional(Type.Union(ENTRY_STATUSES.map((s) => Type.Literal(s)))),
    where: Type.Optional(
      Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]{0,63}$' }), Type.String({ maxLength: 500 }), {
        maxProperties: 5,
        description: 'Values of filterable fields by key (a list field: has it among its items)',
      }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

const listFlexEntries = adminTool({
  name: 'list_flex_entries',
  title: 'List flex entries',
  description:
    "Entries of one of the tenant's flex schemas (custom content types), newest first, by status and field values; keyset pages.",
  input: ListInput,
  output: EntryList,
  effect: 'read',
  permission: 'flex.entries.read',
  run: (c, { schema, where, ...page }, call) => {
    const filters = Object.fromEntries(Object.entries(where ?? {}).map(([key, value]) => [`where.${key}`, value]));
    return listEntries(flexOf(c, call), schema, { ...page, ...filters });
  },
});

const getFlexEntry = adminTool({
  name: 'get_flex_entry',
  title: 'A flex entry',
  description: 'One flex entry by id: its schema, status and every value.',
  input: Type.Object({ entryId: Id() }, { additionalProperties: false }),
  output: FlexEntry,
  effect: 'read',
  permission: 'flex.entries.read',
  run: (c, input, call) => getEntry(flexOf(c, call), input.entryId),
});

const createFlexEntry = adminTool({
  name: 'create_flex_entry',
  title: 'Create a flex entry',
  description:
    "Create an entry of a flex schema (a draft unless status says published); its values are checked against the schema's fields.",
  input: Type.Object({ schema: SchemaSlug(), ...CreateEntryInput.properties }, { additionalProperties: false }),
  output: FlexEntry,
  effect: 'write',
  permission: 'flex.entries.create',
  run: (c, { schema, ...entry }, call) => createEntry(flexOf(c, call), schema, entry),
});

/** `rustok://flex/schemas`: the tenant's schemas with their fields (up to 100, as GET /flex/schemas pages them). */
const schemas: McpResource = {
  uri: 'rustok://flex/schemas',
  name: 'flex_schemas',
  title: 'Flex schemas',
  description:
    "The tenant's flex schemas (custom content types and fieldsets) with their fields: what create_flex_entry's values must match.",
  mimeType: 'application/json',
  surface: 'admin',
  permission: 'flex.entries.read',
  read: async (ctx) => JSON.stringify((await listSchemas(flexOf(mcpContextOf(ctx), ctx), { limit: 100 })).items),
};

/** Flex's staff tools (the entries of the tenant's schemas) and its schemas as a resource. */
export const flexMcp: ModuleMcp = { tools: [listFlexEntries, getFlexEntry, createFlexEntry], resources: [schemas] };
