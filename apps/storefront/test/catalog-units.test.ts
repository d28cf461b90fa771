import { describe, expect, it } from 'vitest';
import type { PageContext } from '../src/context.js';
import { variantLabel } from '../src/routes/catalog/product-model.js';
import { decimalPrice } from '../src/routes/catalog/product-seo.js';
import { apiQueryOf, filtersOf, priceRange, searchHref } from '../src/routes/catalog/search-query.js';

const ctxOf = (prefix: string): PageContext =>
  ({
    locale: prefix ? 'ru' : 'en',
    currency: prefix ? 'RUB' : 'USD',
    href: (path: string) => `${prefix}${path}`,
  }) as unknown as PageContext;

describe('catalog helpers', () => {
  it('writes schema.org prices as decimal strings with the currency’s own digits', () => {
    expect(decimalPrice(1290, 'USD')).toBe('12.90');
    expect(decimalPrice(149_000, 'RUB')).toBe('1490.00');
    expect(decimalPrice(500, 'JPY')).toBe('500');
    expect(decimalPrice(1500, 'KWD')).toBe('1.500');
  });

  it('keeps only well-formed filters from the address', () => {
    const filters = filtersOf(new URLSearchParams('q=%20mug%20&sort=cheapest&price=abc&inStock=1&category=kitchen&cursor='));
    expect(filters).toEqual({ q: 'mug', category: 'kitchen', tag: '', price: '', inStock: true, sort: '', cursor: '', custom: {} });
    expect(filtersOf(new URLSearchParams('custom.specs.fabric=linen&custom.bad..key=x&custom.specs.empty=')).custom).toEqual({
      'specs.fabric': 'linen',
    });
    expect(filtersOf(new URLSearchParams('price=-')).price).toBe('');
    expect(filtersOf(new URLSearchParams('sort=price_desc&price=2500-5000')).sort).toBe('price_desc');
    expect(priceRange('2500-5000')).toEqual({ min: 2500, max: 5000 });
    expect(priceRange('-2500')).toEqual({ max: 2500 });
    expect(priceRange('50000-')).toEqual({ min: 50000 });
  });

  it('asks the API for a bucket as min ≤ price < max in the page currency, with facets', () => {
    const query = apiQueryOf(ctxOf('/ru'), filtersOf(new URLSearchParams('price=2500-5000&q=mug')));
    expect(query).toMatchObject({ q: 'mug', locale: 'ru', currency: 'RUB', minPrice: 2500, maxPrice: 4999, facets: true, limit: 24 });
    expect(query.cursor).toBeUndefined();
  });

  it('links to the catalog in the page locale, dropping the cursor when a filter changes', () => {
    const filters = filtersOf(new URLSearchParams('q=a b&tag=gifts&cursor=abc'));
    expect(searchHref(ctxOf('/ru'), filters)).toBe('/ru/search?q=a+b&tag=gifts');
    expect(searchHref(ctxOf(''), filters, { cursor: 'next' })).toBe('/search?q=a+b&tag=gifts&cursor=next');
    expect(searchHref(ctxOf(''), filtersOf(new URLSearchParams()))).toBe('/search');
    expect(searchHref(ctxOf(''), filtersOf(new URLSearchParams('custom.specs.fabric=linen')))).toBe('/search?custom.specs.fabric=linen');
  });

  it('names a variant by its title, adding the option values the title does not name', () => {
    const variant = {
      id: 'v',
      title: 'Размер M',
      sku: null,
      options: { size: 'M', colour: 'red' },
      prices: [],
      inStock: true,
      availability: 'in_stock' as const,
      available: null,
    };
    expect(variantLabel(variant)).toBe('Размер M (red)');
    expect(variantLabel({ ...variant, options: {} })).toBe('Размер M');
  });
});
