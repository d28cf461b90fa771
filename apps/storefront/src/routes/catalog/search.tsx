import type { StoreProductPage } from '@rustok/index/contracts';
import type { PageContext } from '../../context.js';
import { type CatalogTexts, catalogMessages } from '../../i18n/catalog.js';
import { fill, messagesFor, plural } from '../../i18n/messages.js';
import type { PageOutcome, PageRoute } from '../../page-types.js';
import { CurrencyForm, currenciesOf } from '../../views/catalog/currency-form.js';
import { FiltersForm } from '../../views/catalog/filters-form.js';
import { FIRST_ROW, ProductCard } from '../../views/product-card.js';
import { customFieldsOf } from './custom-labels.js';
import { apiQueryOf, type Filters, filtered, filtersOf, searchHref } from './search-query.js';

/** A page of products, or undefined when the API refused the query (a stale or forged cursor). */
const productsOf = async (ctx: PageContext, filters: Filters): Promise<StoreProductPage | undefined> => {
  const result = await ctx.api.get<StoreProductPage>('/store/products', apiQueryOf(ctx, filters));
  if (result.ok) return result.value;
  if (result.status === 400 || result.status === 422) return undefined;
  throw new Error(`product list failed: ${result.status} ${result.problem.code}`);
};

/** Only the browsing addresses (category, tag) are indexable; searches and other filters are not. */
const canonicalOf = (ctx: PageContext, filters: Filters): { canonicalPath?: string; noindex?: boolean } => {
  if (filters.q || filters.price || filters.inStock || filters.sort || Object.keys(filters.custom).length > 0) return { noindex: true };
  const href = searchHref({ ...ctx, href: (path) => path }, filters, { cursor: filters.cursor });
  return { canonicalPath: href };
};

const Pager = ({ ctx, t, filters, next }: { ctx: PageContext; t: CatalogTexts; filters: Filters; next: string | null }) =>
  !next && !filters.cursor ? null : (
    <nav class="pager" aria-label={t.pages}>
      {filters.cursor ? <a href={searchHref(ctx, filters)}>{t.firstPage}</a> : null}
      {next ? (
        <a rel="next" href={searchHref(ctx, filters, { cursor: next })}>
          {t.nextPage}
        </a>
      ) : null}
    </nav>
  );

const Results = ({
  ctx,
  t,
  filters,
  page,
}: {
  ctx: PageContext;
  t: CatalogTexts;
  filters: Filters;
  page: StoreProductPage | undefined;
}) => {
  if (!page)
    return (
      <p class="notice">
        {t.badPage} <a href={searchHref(ctx, filters)}>{t.firstPage}</a>
      </p>
    );
  return (
    <>
      {page.match === 'fuzzy' && filters.q ? <p class="notice">{fill(t.fuzzy, { q: filters.q })}</p> : null}
      {page.items.length === 0 ? (
        <p class="empty">{t.empty}</p>
      ) : (
        <ul class="grid">
          {page.items.map((product, i) => (
            <ProductCard ctx={ctx} product={product} soldOut={t.soldOut} eager={i < FIRST_ROW} />
          ))}
        </ul>
      )}
      <Pager ctx={ctx} t={t} filters={filters} next={page.nextCursor} />
    </>
  );
};

const loadSearch = async (ctx: PageContext): Promise<PageOutcome> => {
  const t = messagesFor(catalogMessages, ctx.locale);
  const filters = filtersOf(ctx.query);
  const page = await productsOf(ctx, filters);
  const customFields = await customFieldsOf(
    ctx,
    (page?.facets?.custom ?? []).map((facet) => facet.field),
  );
  const title = filters.q ? fill(t.resultsFor, { q: filters.q }) : t.catalogTitle;
  const currencies = currenciesOf(
    ctx,
    (page?.items ?? []).flatMap((p) => p.priceFrom.map((price) => price.currencyCode)),
  );
  return {
    head: { title, description: t.catalogDescription, ...canonicalOf(ctx, filters) },
    tags: ['products', ...(page?.items ?? []).map((product) => `product:${product.id}`)],
    body: (
      <div class="columns catalog">
        <aside aria-label={t.filters}>
          <FiltersForm ctx={ctx} t={t} filters={filters} facets={page?.facets} customFields={customFields} />
          <CurrencyForm ctx={ctx} t={t} currencies={currencies} />
        </aside>
        <section aria-labelledby="catalog-title">
          <h1 id="catalog-title">{title}</h1>
          {page?.facets && (filters.q || filtered(filters)) ? (
            <p class="muted">{plural(ctx.locale, page.facets.total, { one: t.productsOne, few: t.productsFew, many: t.productsMany })}</p>
          ) : null}
          <Results ctx={ctx} t={t} filters={filters} page={page} />
        </section>
      </div>
    ),
  };
};

/** GET /search: the catalog (search, facets, sort, keyset pages), the same for every shopper. */
export const searchPage: PageRoute = { path: '/search', shared: true, load: loadSearch };
