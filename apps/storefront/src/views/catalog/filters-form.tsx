import type { ProductFacets } from '@rustok/index/contracts';
import type { PageContext } from '../../context.js';
import type { CatalogTexts } from '../../i18n/catalog.js';
import { formatMoney } from '../../i18n/format.js';
import { fill } from '../../i18n/messages.js';
import type { CustomField } from '../../routes/catalog/custom-labels.js';
import { type Filters, filtered, priceParam, SORTS, type Sort, searchHref } from '../../routes/catalog/search-query.js';

interface Choice {
  readonly value: string;
  readonly label: string;
  readonly count?: number;
}

const sortLabel = (t: CatalogTexts, sort: Sort): string =>
  ({ relevance: t.sortRelevance, price_asc: t.sortPriceAsc, price_desc: t.sortPriceDesc, newest: t.sortNewest })[sort];

/** A group of radios (one value of a facet, or any), each with its count. */
const RadioGroup = ({
  name,
  legend,
  choices,
  current,
  any,
}: {
  name: string;
  legend: string;
  choices: readonly Choice[];
  current: string;
  any: string;
}) =>
  choices.length === 0 ? null : (
    <fieldset class="facet">
      <legend>{legend}</legend>
      <label>
        <input type="radio" name={name} value="" checked={current === ''} /> {any}
      </label>
      {choices.map((choice) => (
        <label>
          <input type="radio" name={name} value={choice.value} checked={current === choice.value} /> {choice.label}
          {choice.count === undefined ? null : <span class="muted"> ({choice.count})</span>}
        </label>
      ))}
    </fieldset>
  );

const priceChoices = (ctx: PageContext, t: CatalogTexts, facets: ProductFacets | undefined): Choice[] => {
  if (!facets) return [];
  const money = (amount: number) => formatMoney(ctx.locale, amount, facets.currency);
  return facets.priceBuckets
    .filter((bucket) => bucket.count > 0)
    .map((bucket) => {
      const { min, max } = bucket;
      const label =
        min === null && max !== null
          ? fill(t.priceUnder, { max: money(max) })
          : max === null && min !== null
            ? fill(t.priceOver, { min: money(min) })
            : fill(t.priceBetween, { min: money(min ?? 0), max: money(max ?? 0) });
      return { value: priceParam(min, max), label, count: bucket.count };
    });
};

/** A chosen value the facets no longer count (kept so the form does not drop it). */
const withCurrent = (choices: Choice[], current: string): Choice[] =>
  current && !choices.some((c) => c.value === current) ? [...choices, { value: current, label: current }] : choices;

export interface FiltersFormProps {
  readonly ctx: PageContext;
  readonly t: CatalogTexts;
  readonly filters: Filters;
  readonly facets: ProductFacets | undefined;
  /** Labels of the filterable custom (flex) fields the facets count. */
  readonly customFields: ReadonlyMap<string, CustomField>;
}

/** A filterable custom field's values (the 20 most frequent), each a radio like the other facets. */
const CustomFacets = ({
  t,
  filters,
  facets,
  fields,
}: {
  t: CatalogTexts;
  filters: Filters;
  facets: ProductFacets | undefined;
  fields: ReadonlyMap<string, CustomField>;
}) => (
  <>
    {(facets?.custom ?? []).map((facet) => {
      const current = filters.custom[facet.field] ?? '';
      const choices = facet.values.map((v) => ({ value: v.value, label: v.value, count: v.count }));
      return (
        <RadioGroup
          name={`custom.${facet.field}`}
          legend={fields.get(facet.field)?.label ?? facet.field}
          choices={withCurrent(choices, current)}
          current={current}
          any={t.any}
        />
      );
    })}
  </>
);

/** The catalog's GET form: words, sort and the facets (category, tag, price, in stock); works without JavaScript. */
export const FiltersForm = ({ ctx, t, filters, facets, customFields }: FiltersFormProps) => {
  const counts = (list: readonly { value: string; count: number }[] | undefined): Choice[] =>
    (list ?? []).map((c) => ({ value: c.value, label: c.value, count: c.count }));
  return (
    <form class="filters" method="get" action={ctx.href('/search')} aria-label={t.filters}>
      <label>
        {t.searchLabel}
        <input type="search" name="q" value={filters.q} maxLength={200} />
      </label>
      <label>
        {t.sortLabel}
        <select name="sort">
          {SORTS.map((sort) => (
            <option value={sort} selected={(filters.sort || (filters.q ? 'relevance' : 'newest')) === sort}>
              {sortLabel(t, sort)}
            </option>
          ))}
        </select>
      </label>
      <RadioGroup
        name="category"
        legend={t.category}
        choices={withCurrent(counts(facets?.categories), filters.category)}
        current={filters.category}
        any={t.any}
      />
      <RadioGroup name="tag" legend={t.tag} choices={withCurrent(counts(facets?.tags), filters.tag)} current={filters.tag} any={t.any} />
      <RadioGroup
        name="price"
        legend={t.price}
        choices={withCurrent(priceChoices(ctx, t, facets), filters.price)}
        current={filters.price}
        any={t.any}
      />
      <CustomFacets t={t} filters={filters} facets={facets} fields={customFields} />
      <label>
        <input type="checkbox" name="inStock" value="1" checked={filters.inStock} /> {t.inStockOnly}
        {facets ? <span class="muted"> ({facets.inStock})</span> : null}
      </label>
      <button type="submit">{t.apply}</button>
      {filtered(filters) ? (
        <a href={searchHref(ctx, { ...filters, category: '', tag: '', price: '', inStock: false, custom: {} })}>{t.clear}</a>
      ) : null}
    </form>
  );
};
