import { type FlexFieldOf, flexFieldsOf } from '@rustok/flex/contracts';
import { type FieldError, validationError } from '@rustok/kernel';
import { CUSTOM_PARAM, CUSTOM_SORT } from '../schemas.js';
import type { StoreContext } from './context.js';

/** At most this many custom filters in one query. */
const MAX_FILTERS = 5;
const INTEGER = /^-?[0-9]{1,15}$/;

/** One equality filter on a public filterable flex field: `custom @> { "<schema>.<key>": value }`. */
export interface CustomFilter {
  readonly field: string;
  readonly value: unknown;
}

const fieldsRead = new WeakMap<StoreContext, Promise<FlexFieldOf[]>>();

/**
 * The public fields of the tenant's product schemas (flex's read port, in a read-only transaction of
 * the tenant); none where flex is not installed. Only filters, facets and flex sorts ask (never the
 * plain lists), and a request reads them once however many of those it has (one context per request).
 */
export const productCustomFields = (ctx: StoreContext): Promise<FlexFieldOf[]> => {
  let read = fieldsRead.get(ctx);
  if (!read) {
    read = ctx.db.transaction(
      async (tx) => {
        const { rows } = await tx.query<{ installed: boolean }>("SELECT to_regclass('flex_schemas') IS NOT NULL AS installed");
        return rows[0]?.installed ? flexFieldsOf(tx, 'product') : [];
      },
      { tenantId: ctx.tenantId, readOnly: true },
    );
    fieldsRead.set(ctx, read);
  }
  return read;
};

/** The `custom.<schema>.<key>` parameters of a list query, in order. */
export const customParams = (query: Readonly<Record<string, unknown>>): [field: string, value: string][] =>
  Object.entries(query).flatMap(([name, value]) => {
    const match = CUSTOM_PARAM.exec(name);
    return match && typeof value === 'string' ? [[`${match[1]}.${match[2]}`, value] as [string, string]] : [];
  });

/** The query's value in the field's type (as the row's custom holds it), or a problem. */
const typed = (field: FlexFieldOf, value: string): { value: unknown } | { problem: string } => {
  let v: unknown = value;
  if (field.type === 'integer') {
    if (!INTEGER.test(value)) return { problem: 'must be an integer' };
    v = Number(value);
  } else if (field.type === 'boolean') {
    if (value !== 'true' && value !== 'false') return { problem: 'must be true or false' };
    v = value === 'true';
  }
  return { value: field.list ? [v] : v };
};

/**
 * The custom filters of a list: each names a public filterable field of the tenant's product
 * schemas, its value in the field's type. Anything else is a 422 naming the parameter.
 */
export const customFilters = async (ctx: StoreContext, query: Readonly<Record<string, unknown>>): Promise<CustomFilter[]> => {
  const params = customParams(query);
  if (params.length === 0) return [];
  const fields = await productCustomFields(ctx);
  const errors: FieldError[] = [];
  const filters: CustomFilter[] = [];
  for (const [name, value] of params) {
    const path = `/querystring/custom.${name}`;
    const field = fields.find((f) => `${f.schema}.${f.key}` === name);
    if (!field) errors.push({ path, message: `custom.${name} is not a public field of a product schema` });
    else if (!field.filterable) errors.push({ path, message: `custom.${name} is not a filterable field` });
    else {
      const t = typed(field, value);
      if ('problem' in t) errors.push({ path, message: t.problem });
      else filters.push({ field: name, value: t.value });
    }
  }
  if (params.length > MAX_FILTERS) errors.push({ path: '/querystring', message: `at most ${MAX_FILTERS} custom.<schema>.<key> filters` });
  if (errors.length > 0) throw validationError(errors);
  return filters;
};

/** A list sorted by a sortable public flex field: the key of `custom`, the direction, and the type its values compare in. */
export interface CustomSort {
  readonly field: string;
  readonly desc: boolean;
  readonly cast: 'numeric' | 'timestamptz' | 'text';
}

const castOf = (field: FlexFieldOf): CustomSort['cast'] => {
  if (field.type === 'integer' || field.type === 'decimal' || field.type === 'money') return 'numeric';
  return field.type === 'datetime' ? 'timestamptz' : 'text';
};

/**
 * The flex field a list is sorted by (`sort=custom.<schema>.<key>`, `-` first for descending), when it
 * is one: a public sortable field of the tenant's product schemas (flex keeps those scalar and single).
 * Anything else is a 422 naming `sort`.
 */
export const customSortOf = async (ctx: StoreContext, sort: string | undefined): Promise<CustomSort | undefined> => {
  const match = sort === undefined ? null : CUSTOM_SORT.exec(sort);
  if (!match) return undefined;
  const name = `${match[2]}.${match[3]}`;
  const field = (await productCustomFields(ctx)).find((f) => `${f.schema}.${f.key}` === name);
  const problem = !field ? 'is not a public field of a product schema' : field.sortable ? undefined : 'is not a sortable field';
  if (problem || !field) throw validationError([{ path: '/querystring/sort', message: `custom.${name} ${problem}` }]);
  return { field: name, desc: match[1] === '-', cast: castOf(field) };
};
