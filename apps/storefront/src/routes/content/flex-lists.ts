import type { PageContext } from '../../context.js';

/** A page block as far as a flex_list needs it (the pages API checked its data). */
interface PageBlock {
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** One public field of a flex schema: its key, label and type (from the schema's public JSON Schema). */
export interface FlexListField {
  readonly key: string;
  readonly label: string;
  readonly type: string;
}

/** What a flex_list block shows: the schema's public fields and its newest published entries. */
export interface FlexListEntry {
  readonly id: string;
  readonly values: Readonly<Record<string, unknown>>;
}

export interface FlexList {
  readonly fields: readonly FlexListField[];
  readonly entries: readonly FlexListEntry[];
}

const SCHEMA_SLUG = /^[a-z][a-z0-9_-]{0,63}$/;
const DEFAULT_LIMIT = 12;
const MAX_LIMIT = 24;

interface JsonSchemaDoc {
  readonly properties?: Readonly<
    Record<string, { readonly title?: string; readonly 'x-flex'?: { readonly type?: string; readonly access?: string } }>
  >;
}

/** The schema slug a flex_list block names (the pages API checked its form). */
export const flexListSchema = (block: PageBlock): string | undefined =>
  block.type === 'flex_list' && typeof block.data.schema === 'string' && SCHEMA_SLUG.test(block.data.schema)
    ? block.data.schema
    : undefined;

const limitOf = (block: PageBlock): number => {
  const limit = block.data.limit;
  return typeof limit === 'number' && Number.isInteger(limit) ? Math.min(Math.max(limit, 1), MAX_LIMIT) : DEFAULT_LIMIT;
};

/** The public fields, in the schema's order: only fields marked public are ever shown (whoever's session reads them). */
const publicFields = (doc: JsonSchemaDoc): FlexListField[] =>
  Object.entries(doc.properties ?? {})
    .filter(([, p]) => p['x-flex']?.access === 'public')
    .map(([key, p]) => ({ key, label: p.title ?? key, type: p['x-flex']?.type ?? 'text' }));

const listOf = async (ctx: PageContext, schema: string, limit: number): Promise<FlexList | undefined> => {
  const base = `/flex/schemas/${schema}`;
  const [doc, page] = await Promise.all([
    ctx.api.get<JsonSchemaDoc>(`${base}/json-schema`),
    ctx.api.get<{ items: FlexListEntry[] }>(`${base}/entries`, { limit, status: 'published' }),
  ]);
  // The module off for the tenant, or the schema gone: the block shows nothing.
  if (!doc.ok || !page.ok) return undefined;
  return { fields: publicFields(doc.value), entries: page.value.items };
};

/**
 * The lists a page's flex_list blocks show, by schema (the largest limit a page asks of a schema):
 * read through flex's public API, published entries only.
 */
export const flexListsOf = async (ctx: PageContext, blocks: readonly PageBlock[]): Promise<Map<string, FlexList>> => {
  const limits = new Map<string, number>();
  for (const block of blocks) {
    const schema = flexListSchema(block);
    if (schema) limits.set(schema, Math.max(limits.get(schema) ?? 0, limitOf(block)));
  }
  const lists = await Promise.all([...limits].map(async ([schema, limit]) => [schema, await listOf(ctx, schema, limit)] as const));
  return new Map(lists.filter((l): l is readonly [string, FlexList] => l[1] !== undefined));
};

/** How many entries a block shows (its own limit, of a list read for the page's largest). */
export const flexListLimit = limitOf;
