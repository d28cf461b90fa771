import { useInfiniteQuery, useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { RowSelectionState } from '@tanstack/react-table';
import { useCallback, useMemo, useState } from 'react';
import { meQuery } from '../api/auth.js';
import { changeProductPrices } from '../api/bulk.js';
import { forEach } from '../api/catalog-helpers.js';
import { can } from '../api/permissions.js';
import { archiveProduct, productsQuery, publishProduct } from '../api/products.js';
import { ErrorNotice } from '../components/error-notice.js';
import { BulkResult, ProductBulkActions } from '../components/product-bulk-actions.js';
import { ProductTable } from '../components/product-table.js';
import { defineMessages, plural, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: {
    products: 'Products',
    newProduct: 'New product',
    none: 'No products yet.',
    loaded: (n: number, more: boolean) =>
      `${plural('en', n, { one: '# product', other: '# products' })} loaded${more ? ', more as you scroll' : ''}`,
  },
  ru: {
    products: 'Товары',
    newProduct: 'Новый товар',
    none: 'Товаров пока нет.',
    loaded: (n: number, more: boolean) =>
      `Загружено: ${plural('ru', n, { one: '# товар', few: '# товара', many: '# товаров', other: '# товара' })}${more ? ', остальные — при прокрутке' : ''}`,
  },
});

/** The catalog: every product (loaded page by page as it scrolls), bulk publish, archive and price change. */
export const Products = () => {
  const t = useMessages(messages);
  const { data: me } = useSuspenseQuery(meQuery);
  const list = useInfiniteQuery(productsQuery);
  const queryClient = useQueryClient();
  const [selection, setSelection] = useState<RowSelectionState>({});
  const products = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const selected = Object.keys(selection).filter((id) => selection[id]);
  const bulk = useMutation({
    mutationFn: ({ run }: { run: (id: string) => Promise<unknown> }) => forEach(selected, run),
    onSettled: async () => {
      setSelection({});
      await queryClient.invalidateQueries({ queryKey: ['commerce'] });
    },
  });
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const more = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const publish = can(me, 'commerce.products.publish');
  const prices = can(me, 'commerce.prices.manage');
  return (
    <>
      <div className="row heading-row">
        <h1>{t.products}</h1>
        {can(me, 'commerce.products.write') ? (
          <Link to="/products/new" className="button">
            {t.newProduct}
          </Link>
        ) : null}
      </div>
      {publish || prices ? (
        <ProductBulkActions
          selected={selected.length}
          busy={bulk.isPending}
          canPublish={publish}
          canPrice={prices}
          onPublish={() => bulk.mutate({ run: publishProduct })}
          onArchive={() => bulk.mutate({ run: archiveProduct })}
          onPrices={(percent) => bulk.mutate({ run: (id) => changeProductPrices(id, percent) })}
        />
      ) : null}
      {bulk.error ? <ErrorNotice error={bulk.error} /> : null}
      {bulk.data ? <BulkResult outcome={bulk.data} /> : null}
      {list.error ? <ErrorNotice error={list.error} /> : null}
      {list.isSuccess && products.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ProductTable products={products} selection={selection} onSelection={setSelection} onNearEnd={more} />
      )}
      <p className="hint" aria-live="polite">
        {t.loaded(products.length, hasNextPage)}
      </p>
    </>
  );
};
