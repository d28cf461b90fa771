import { type ColumnDef, flexRender, getCoreRowModel, type Table, useReactTable } from '@tanstack/react-table';

/** A table's header rows, from its TanStack column definitions. */
export const TableHead = <T,>({ table }: { readonly table: Table<T> }) => (
  <thead>
    {table.getHeaderGroups().map((group) => (
      <tr key={group.id}>
        {group.headers.map((header) => (
          <th key={header.id} scope="col">
            {flexRender(header.column.columnDef.header, header.getContext())}
          </th>
        ))}
      </tr>
    ))}
  </thead>
);

interface DataTableProps<T> {
  readonly data: readonly T[];
  /** Made with useMemo by the caller, so that the table is not rebuilt on every render. */
  readonly columns: ColumnDef<T>[];
  readonly testId?: string;
}

/** A plain TanStack table of rows (a page of them; paging is the caller's): head, then a row per item. */
export const DataTable = <T,>({ data, columns, testId }: DataTableProps<T>) => {
  const table = useReactTable({ data: data as T[], columns, getCoreRowModel: getCoreRowModel() });
  return (
    <table data-testid={testId}>
      <TableHead table={table} />
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id}>
            {row.getVisibleCells().map((cell) => (
              <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
};
