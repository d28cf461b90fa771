import { Link } from '@tanstack/react-router';
import { type ColumnDef, flexRender, getCoreRowModel, type RowSelectionState, useReactTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import { type Product, priceFrom } from '../api/products.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { TableHead } from './data-table.js';
import { statusMessages } from './product-status.js';

const ROW_HEIGHT = 40;

const messages = defineMessages({
  en: {
    selectAll: 'Select all loaded products',
    select: (title: string) => `Select ${title}`,
    title: 'Title',
    handle: 'Handle',
    status: 'Status',
    variants: 'Variants',
    priceFrom: 'Price from',
  },
  ru: {
    selectAll: 'Выбрать все загруженные товары',
    select: (title: string) => `Выбрать ${title}`,
    title: 'Название',
    handle: 'Адрес',
    status: 'Статус',
    variants: 'Варианты',
    priceFrom: 'Цена от',
  },
});

const useColumns = (): ColumnDef<Product>[] => {
  const t = useMessages(messages);
  const statuses = useMessages(statusMessages);
  return useMemo(
    () => [
      {
        id: 'select',
        header: ({ table }) => (
          <input
            type="checkbox"
            aria-label={t.selectAll}
            checked={table.getIsAllRowsSelected()}
            onChange={table.getToggleAllRowsSelectedHandler()}
          />
        ),
        cell: ({ row }) => (
          <input
            type="checkbox"
            aria-label={t.select(row.original.title)}
            checked={row.getIsSelected()}
            onChange={row.getToggleSelectedHandler()}
          />
        ),
      },
      {
        accessorKey: 'title',
        header: t.title,
        cell: ({ row }) => (
          <Link to="/products/$id" params={{ id: row.original.id }}>
            {row.original.title}
          </Link>
        ),
      },
      { accessorKey: 'handle', header: t.handle },
      { id: 'status', header: t.status, cell: ({ row }) => statuses[row.original.status] },
      { id: 'variants', header: t.variants, cell: ({ row }) => row.original.variants.length },
      { id: 'price', header: t.priceFrom, cell: ({ row }) => priceFrom(row.original) },
    ],
    [t, statuses],
  );
};

interface Props {
  readonly products: readonly Product[];
  readonly selection: RowSelectionState;
  readonly onSelection: (next: RowSelectionState) => void;
  /** Asked when the last rows come into view. */
  readonly onNearEnd: () => void;
}

/**
 * The catalog as a table whose rows are rendered only where they are in view (a fixed row height),
 * so that ten thousand products scroll as smoothly as ten. Selection is by product id.
 */
export const ProductTable = ({ products, selection, onSelection, onNearEnd }: Props) => {
  const scroller = useRef<HTMLDivElement>(null);
  const table = useReactTable({
    data: products as Product[],
    columns: useColumns(),
    getRowId: (p) => p.id,
    state: { rowSelection: selection },
    onRowSelectionChange: (updater) => onSelection(typeof updater === 'function' ? updater(selection) : updater),
    getCoreRowModel: getCoreRowModel(),
  });
  const rows = table.getRowModel().rows;
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtual.getVirtualItems();
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (rows.length > 0 && last >= rows.length - 20) onNearEnd();
  }, [last, rows.length, onNearEnd]);
  const before = items[0]?.start ?? 0;
  const after = virtual.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div className="table-scroll" ref={scroller} data-testid="product-scroller">
      <table aria-rowcount={rows.length + 1}>
        <TableHead table={table} />
        <tbody>
          {before > 0 ? <tr className="spacer" style={{ height: before }} /> : null}
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <tr key={row.id} aria-rowindex={item.index + 2} style={{ height: ROW_HEIGHT }}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                ))}
              </tr>
            );
          })}
          {after > 0 ? <tr className="spacer" style={{ height: after }} /> : null}
        </tbody>
      </table>
    </div>
  );
};
