import {
  createValidator,
  type GraphQLBuilder,
  type GraphQLContext,
  type JsonTextResolver,
  jsonTextField,
  kernelErrors,
} from '@rustok/kernel';
import type { TSchema } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { INDEX_KINDS, type IndexKind } from '../events.js';
import { storeContextFor } from '../routes/context.js';
import { SORTS, StoreContentQuery, type StoreProduct, type StoreProductPage, StoreProductsQuery } from '../schemas.js';
import { getContent, listContent } from '../search/content.js';
import type { StoreContext } from '../search/context.js';
import { productText } from '../search/product.js';
import { listProductsText } from '../search/products.js';
import { requestRebuild } from '../use-cases/request-rebuild.js';
import { addStatusQuery } from './status.js';
import { storeTypes } from './types.js';

const appOf = (ctx: GraphQLContext): FastifyInstance => (ctx as GraphQLContext & { app: FastifyInstance }).app;
const requestOf = (ctx: GraphQLContext): FastifyRequest | undefined => (ctx as GraphQLContext & { reply?: FastifyReply }).reply?.request;
const storeOf = (ctx: GraphQLContext): StoreContext => storeContextFor(appOf(ctx), ctx.tenant, requestOf(ctx));

const validators = new Map<TSchema, ReturnType<typeof createValidator>>();
/** GraphQL arguments go through the same schema (and 422s) as the REST query string. */
const parse = <T>(schema: TSchema, value: Record<string, unknown>): T => {
  let v = validators.get(schema);
  if (!v) {
    v = createValidator(schema, '/');
    validators.set(schema, v);
  }
  const defined = Object.fromEntries(Object.entries(value).filter(([, x]) => x !== null && x !== undefined));
  return v.parse(defined) as T;
};

/** A locale argument, checked like the REST query string (422 otherwise). */
const localeArg = (locale: string | null | undefined): string | undefined =>
  locale ? parse<{ locale?: string }>(StoreContentQuery, { locale }).locale : undefined;

const slugOrHandle = (value: string, path: string): string => {
  if (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(value) && value.length <= 200) return value;
  throw kernelErrors.VALIDATION_FAILED(`${path} is not a valid slug`, { errors: [{ path, message: 'is not a valid slug' }] });
};

type StoreTypes = ReturnType<typeof storeTypes>;

/** Pages whose text holds some item's custom values or image: their text is not the plain page shape (see productsShape). */
const withCustom = new WeakSet<object>();

/** The `custom` argument ({ "<schema>.<key>": value }) as the REST query's `custom.<schema>.<key>` parameters. */
const customArgs = (custom: unknown): Record<string, string> => {
  if (custom === null || custom === undefined) return {};
  if (typeof custom !== 'object' || Array.isArray(custom))
    throw kernelErrors.VALIDATION_FAILED('custom must be an object', { errors: [{ path: '/custom', message: 'must be an object' }] });
  return Object.fromEntries(Object.entries(custom).map(([k, v]) => [`custom.${k}`, typeof v === 'string' ? v : JSON.stringify(v)]));
};

/** A page of products as the JSON text of its answer (the stored items joined), for the resolver and for stored-text answers. */
const productsText: JsonTextResolver = async (args, ctx) => {
  const { first, after, custom, customSort, ...rest } = args;
  const query = { ...rest, ...(customSort ? { sort: customSort } : {}), ...customArgs(custom), limit: first ?? 20, cursor: after };
  const text = await listProductsText(storeOf(ctx), parse(StoreProductsQuery, query));
  if (text.includes(',"custom":') || text.includes(',"image":')) withCustom.add(args);
  return text;
};

/**
 * The page text's own selection (without facets): the stored items' keys in their order (see
 * migrations-summaries.ts), then the page's. A query selecting just this gets the text as it is.
 */
const PAGE_SHAPE = `{ items { id handle locale textLocale title subtitle prices { currencyCode min max } priceFrom { amount currencyCode }
  inStock hasStock totalStock categories tags publishedAt } nextCursor match }`;
const productsShape = (args: Record<string, unknown>): string | undefined => (args.facets || withCustom.has(args) ? undefined : PAGE_SHAPE);

/** One product (detail) as stored. */
const productDetailText: JsonTextResolver = (args, ctx) =>
  productText(storeOf(ctx), slugOrHandle(String(args.handle), 'handle'), localeArg(args.locale as string | null | undefined));

const addProductQueries = (builder: GraphQLBuilder, types: StoreTypes) => {
  const Sort = builder.enumType('StoreProductSort', { values: SORTS });
  builder.queryField('storeProducts', (t) =>
    t.field({
      type: types.products.Page,
      authScopes: { public: true },
      args: {
        q: t.arg.string(),
        locale: t.arg.string(),
        category: t.arg.string(),
        tag: t.arg.string(),
        minPrice: t.arg.int(),
        maxPrice: t.arg.int(),
        currency: t.arg.string(),
        inStock: t.arg.boolean(),
        sort: t.arg({ type: Sort }),
        customSort: t.arg.string({
          description:
            'custom.<schema>.<key> (ascending) or -custom.<schema>.<key> (descending): a sortable public flex field; takes the place of sort',
        }),
        facets: t.arg.boolean(),
        custom: t.arg({ type: 'JSON', description: 'Filters on filterable public flex fields: { "<schema>.<key>": value }' }),
        first: t.arg.int(),
        after: t.arg.string(),
      },
      extensions: jsonTextField(productsText, { shape: productsShape }),
      resolve: async (_root, args, ctx) => JSON.parse(await productsText(args, ctx)) as StoreProductPage,
    }),
  );
  builder.queryField('storeProduct', (t) =>
    t.field({
      type: types.products.Product,
      authScopes: { public: true },
      args: { handle: t.arg.string({ required: true }), locale: t.arg.string() },
      extensions: jsonTextField(productDetailText),
      resolve: async (_root, args, ctx) => JSON.parse(await productDetailText(args, ctx)) as StoreProduct,
    }),
  );
};

const addContentQueries = (builder: GraphQLBuilder, types: StoreTypes) => {
  builder.queryField('storeContent', (t) =>
    t.field({
      type: types.content.Page,
      authScopes: { public: true },
      args: {
        q: t.arg.string(),
        kind: t.arg.string(),
        locale: t.arg.string(),
        category: t.arg.string(),
        tag: t.arg.string(),
        first: t.arg.int(),
        after: t.arg.string(),
      },
      resolve: (_root, { first, after, ...rest }, ctx) =>
        listContent(storeOf(ctx), parse(StoreContentQuery, { ...rest, limit: first ?? 20, cursor: after })),
    }),
  );
  builder.queryField('storeContentItem', (t) =>
    t.field({
      type: types.content.Item,
      authScopes: { public: true },
      args: { kind: t.arg.string({ required: true }), slug: t.arg.string({ required: true }), locale: t.arg.string() },
      resolve: (_root, args, ctx) => {
        const q = parse<StoreContentQuery>(StoreContentQuery, { kind: args.kind, locale: args.locale });
        return getContent(storeOf(ctx), q.kind ?? args.kind, slugOrHandle(args.slug, 'slug'), q.locale);
      },
    }),
  );
};

const addAdminFields = (builder: GraphQLBuilder) => {
  const Kind = builder.enumType('IndexKind', { values: INDEX_KINDS });
  const Requested = builder.objectRef<{ eventId: string; kinds: string[]; locale: string | null }>('IndexRebuildRequested').implement({
    fields: (t) => ({
      eventId: t.exposeString('eventId'),
      kinds: t.exposeStringList('kinds'),
      locale: t.exposeString('locale', { nullable: true }),
    }),
  });
  builder.mutationField('requestIndexRebuild', (t) =>
    t.field({
      type: Requested,
      authScopes: { permission: 'index.rebuild.run' },
      args: { kinds: t.arg({ type: [Kind] }), locale: t.arg.string() },
      resolve: (_root, args, ctx) => {
        const store = storeOf(ctx);
        const locale = localeArg(args.locale) ?? null;
        return requestRebuild(
          store.db,
          appOf(ctx).events,
          store.tenantId,
          { kinds: (args.kinds ?? undefined) as IndexKind[] | undefined, locale },
          {
            userId: ctx.principal?.userId ?? null,
            reason: 'admin',
          },
        );
      },
    }),
  );
};

/** Storefront queries (public, over the index tables only) and the rebuild trigger. */
export const indexGraphQL = (builder: GraphQLBuilder): void => {
  const types = storeTypes(builder);
  addProductQueries(builder, types);
  addContentQueries(builder, types);
  addAdminFields(builder);
  addStatusQuery(builder);
};
