import { Link } from '@tanstack/react-router';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import type { FieldDef, FlexEntryView } from '../api/flex-shapes.js';
import { useFormat } from '../i18n/format.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { DataTable } from './data-table.js';

export const entryMessages = defineMessages({
  en: {
    entry: 'Entry',
    status: 'Status',
    slug: 'Slug',
    updated: 'Changed',
    draft: 'Draft',
    published: 'Published',
    untitled: 'Untitled',
  },
  ru: {
    entry: 'Запись',
    status: 'Статус',
    slug: 'Адрес (slug)',
    updated: 'Изменена',
    draft: 'Черновик',
    published: 'Опубликована',
    untitled: 'Без названия',
  },
});

/** What names an entry in the list: its first text field's value (in the first locale given), else its slug. */
const titleOf = (fields: readonly FieldDef[], entry: FlexEntryView): string | undefined => {
  const first = fields.find((f) => f.type === 'text' && !f.list);
  const value = first ? entry.values[first.key] : undefined;
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') return Object.values(value).find((v): v is string => typeof v === 'string');
  return entry.slug ?? undefined;
};

/** A schema's entries: a TanStack table of what names each, its status, slug and last change. */
export const EntryTable = ({
  schema,
  fields,
  entries,
}: {
  readonly schema: string;
  readonly fields: readonly FieldDef[];
  readonly entries: readonly FlexEntryView[];
}) => {
  const t = useMessages(entryMessages);
  const f = useFormat();
  const columns = useMemo<ColumnDef<FlexEntryView>[]>(
    () => [
      {
        id: 'entry',
        header: t.entry,
        cell: ({ row }) => (
          <Link to="/flex/$slug/entries/$id" params={{ slug: schema, id: row.original.id }}>
            {titleOf(fields, row.original) ?? t.untitled}
          </Link>
        ),
      },
      { id: 'status', header: t.status, cell: ({ row }) => <span data-testid="entry-status">{t[row.original.status]}</span> },
      { id: 'slug', header: t.slug, cell: ({ row }) => row.original.slug ?? '' },
      { id: 'updated', header: t.updated, cell: ({ row }) => (row.original.updatedAt ? f.dateTime(row.original.updatedAt) : '') },
    ],
    [t, f, schema, fields],
  );
  return <DataTable data={entries} columns={columns} />;
};
