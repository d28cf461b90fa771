/// <reference types="@fastify/swagger" />

import { wroteRecently } from '@rustok/api';
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import { createResponseCache } from '../cache.js';
import { indexOptions } from '../options.js';
import {
  LocaleString,
  StoreContentItem,
  StoreContentPage,
  StoreContentQuery,
  StoreProduct,
  StoreProductPage,
  StoreProductsQuery,
} from '../schemas.js';
import { getContent, listContent } from '../search/content.js';
import { productText } from '../search/product.js';
import { listProductsText } from '../search/products.js';
import { problem, storeContextOf, tags } from './context.js';

const publicRead = { access: { public: true } };
const LocaleQuery = Type.Object({ locale: Type.Optional(LocaleString()) }, { additionalProperties: false });
const HandleParams = Type.Object({ handle: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 200 }) });
const SlugParams = Type.Object({
  kind: Type.String({ pattern: '^[a-z][a-z0-9_]{0,31}$' }),
  slug: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 200 }),
});

type Cached = <T>(request: FastifyRequest, tenantId: string, key: string, load: () => Promise<T>) => Promise<T>;

const productRoutes = (app: FastifyInstance, cached: Cached): void => {
  app.get<{ Querystring: StoreProductsQuery }>(
    '/store/products',
    {
      config: publicRead,
      schema: {
        tags,
        summary: 'Published products: search (q), filters, facets, sort and keyset pages, from the index',
        querystring: StoreProductsQuery,
        response: { 200: StoreProductPage, 422: problem },
      },
    },
    async (request, reply) => {
      const ctx = storeContextOf(request);
      const answer = await cached(request, ctx.tenantId, `p?${JSON.stringify(request.query)}`, () => listProductsText(ctx, request.query));
      // The page's text (stored items joined) goes out as it is: a JSON content type keeps Fastify from serialising it again.
      reply.type('application/json; charset=utf-8');
      return answer;
    },
  );
  app.get<{ Params: Static<typeof HandleParams>; Querystring: Static<typeof LocaleQuery> }>(
    '/store/products/:handle',
    {
      config: publicRead,
      schema: {
        tags,
        summary: 'One published product by handle',
        params: HandleParams,
        querystring: LocaleQuery,
        response: { 200: StoreProduct, 404: problem, 422: problem },
      },
    },
    async (request, reply) => {
      const ctx = storeContextOf(request);
      const { handle } = request.params;
      const answer = await cached(request, ctx.tenantId, `h/${handle}?${request.query.locale ?? ''}`, () =>
        productText(ctx, handle, request.query.locale),
      );
      reply.type('application/json; charset=utf-8');
      return answer;
    },
  );
};

const contentRoutes = (app: FastifyInstance, cached: Cached): void => {
  app.get<{ Querystring: StoreContentQuery }>(
    '/store/content',
    {
      config: publicRead,
      schema: {
        tags,
        summary: 'Published content: search (q), kind, category and tag filters, keyset pages',
        querystring: StoreContentQuery,
        response: { 200: StoreContentPage, 422: problem },
      },
    },
    async (request) => {
      const ctx = storeContextOf(request);
      return cached(request, ctx.tenantId, `c?${JSON.stringify(request.query)}`, () => listContent(ctx, request.query));
    },
  );
  app.get<{ Params: Static<typeof SlugParams>; Querystring: Static<typeof LocaleQuery> }>(
    '/store/content/:kind/:slug',
    {
      config: publicRead,
      schema: {
        tags,
        summary: 'One published content node by kind and slug',
        params: SlugParams,
        querystring: LocaleQuery,
        response: { 200: StoreContentItem, 404: problem, 422: problem },
      },
    },
    async (request) => {
      const ctx = storeContextOf(request);
      const { kind, slug } = request.params;
      return cached(request, ctx.tenantId, `s/${kind}/${slug}?${request.query.locale ?? ''}`, () =>
        getContent(ctx, kind, slug, request.query.locale),
      );
    },
  );
};

/**
 * The storefront read path (contract: "Storefront read path"): every answer is one statement on an
 * index table, serialised through its response schema, optionally cached per tenant.
 */
export const storeRoutes: FastifyPluginAsync = async (app) => {
  const cache = createResponseCache(indexOptions(app.rustok.config).index.cache_ttl_ms);
  // A client that has just written reads past the cache too: an answer kept there may come from a replica not yet caught up.
  const cached: Cached = (request, tenantId, key, load) => (wroteRecently(request) ? load() : cache.through(tenantId, key, load));
  productRoutes(app, cached);
  contentRoutes(app, cached);
};
