import { defineMcpTool, type McpCallContext, type ModuleMcp } from '@rustok/kernel';
import { Type } from '@sinclair/typebox';
import { storeContextFor } from './routes/context.js';
import { LocaleString, StoreContentPage, StoreContentQuery, StoreProduct, StoreProductPage, StoreProductsQuery } from './schemas.js';
import { listContent } from './search/content.js';
import { productText } from './search/product.js';
import { listProductsText } from './search/products.js';

const storeOf = (ctx: McpCallContext) => storeContextFor(ctx.app, ctx.tenant);
const read = { readOnlyHint: true, destructiveHint: false, idempotentHint: true } as const;
const shop = { surface: 'shop', permission: null } as const;

/** The storefront search without the flex-field filters (`custom.*`): what an assistant searches by. */
const SearchCatalogInput = Type.Object({ ...StoreProductsQuery.properties }, { additionalProperties: false });

const searchCatalog = defineMcpTool({
  name: 'search_catalog',
  title: 'Search the catalog',
  description:
    'Published products by words (q), category, tag, price range (minor units) and stock, with facets on request; keyset pages (cursor). Prices are for one unit.',
  input: SearchCatalogInput,
  output: StoreProductPage,
  annotations: read,
  ...shop,
  requires: ['commerce'],
  // The page's text (stored items joined) goes into the result as it is, as the REST route sends it.
  text: (ctx, input) => listProductsText(storeOf(ctx), input),
});

const getProduct = defineMcpTool({
  name: 'get_product',
  title: 'A product',
  description: 'One published product by its handle: description, variants (ids for the cart), prices, stock, images.',
  input: Type.Object(
    { handle: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 200 }), locale: Type.Optional(LocaleString()) },
    { additionalProperties: false },
  ),
  output: StoreProduct,
  annotations: read,
  ...shop,
  requires: ['commerce'],
  text: (ctx, input) => productText(storeOf(ctx), input.handle, input.locale),
});

const searchContent = defineMcpTool({
  name: 'search_content',
  title: 'Search content',
  description: 'Published content (blog posts, pages, forum topics…) by words (q), kind, category and tag; keyset pages (cursor).',
  input: StoreContentQuery,
  output: StoreContentPage,
  annotations: read,
  ...shop,
  handler: (ctx, input) => listContent(storeOf(ctx), input),
});

/** The index's MCP tools: the storefront's read path for shoppers' assistants. */
export const indexMcp: ModuleMcp = { tools: [searchCatalog, getProduct, searchContent] };
