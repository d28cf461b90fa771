import { useInfiniteQuery, useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { RowSelectionState } from '@tanstack/react-table';
import { useCallback, useMemo, useState } from 'react';
import { meQuery } from '../api/auth.js';
import { can } from '../api/permissions.js';
import { archiveProduct, productsQuery, publishProduct } from '../api/products.js';
import { ErrorNotice } from '../components/error-notice.js';
import { ProductTable } from '../components/product-table.js';

/** Runs one call per selected product, a few at a time; the first failure is reported after the rest ran. */
const forEach = async (ids: readonly string[], run: (id: string) => Promise<unknown>): Promise<number> => {
  const queue = [...ids];
  const failures: unknown[] = [];
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) await run(id).catch((e: unknown) => failures.push(e));
  };
  await Promise.all(Array.from({ length: Math.min(4, ids.length) }, worker));
  if (failures.length > 0) throw failures[0];
  return ids.length;
};

/** The catalog: every product (loaded page by page as it scrolls), bulk publish and archive. */
export const Products = () => {
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
      await queryClient.invalidateQueries({ queryKey: productsQuery.queryKey });
    },
  });
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const more = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const write = can(me, 'commerce.products.write');
  const publish = can(me, 'commerce.products.publish');
  return (
    <>
      <div className="row heading-row">
        <h1>Products</h1>
        {write ? (
          <Link to="/products/new" className="button">
            New product
          </Link>
        ) : null}
      </div>
      {publish ? (
        <div className="row" role="toolbar" aria-label="Bulk actions">
          <span>{selected.length} selected</span>
          <button type="button" disabled={selected.length === 0 || bulk.isPending} onClick={() => bulk.mutate({ run: publishProduct })}>
            Publish selected
          </button>
          <button type="button" disabled={selected.length === 0 || bulk.isPending} onClick={() => bulk.mutate({ run: archiveProduct })}>
            Archive selected
          </button>
        </div>
      ) : null}
      {bulk.error ? <ErrorNotice error={bulk.error} /> : null}
      {bulk.data ? <p role="status">Done for {bulk.data} products.</p> : null}
      {list.error ? <ErrorNotice error={list.error} /> : null}
      {list.isSuccess && products.length === 0 ? (
        <p>No products yet.</p>
      ) : (
        <ProductTable products={products} selection={selection} onSelection={setSelection} onNearEnd={more} />
      )}
      <p className="hint" aria-live="polite">
        {products.length} products loaded{hasNextPage ? ', more as you scroll' : ''}
      </p>
    </>
  );
};
