import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import type { MailLogView } from '../api/mail-shapes.js';
import { useFormat } from '../i18n/format.js';
import { useMessages } from '../i18n/messages.js';
import { DataTable } from './data-table.js';
import { mailNames } from './mail-messages.js';

/** The send log: a TanStack table of status, recipient, mail and language, subject, attempts, times and the last error. */
export const MailLogTable = ({ mails }: { readonly mails: readonly MailLogView[] }) => {
  const t = useMessages(mailNames);
  const f = useFormat();
  const columns = useMemo<ColumnDef<MailLogView>[]>(
    () => [
      { id: 'status', header: t.status, cell: ({ row }) => <span data-testid="mail-status">{t[row.original.status]}</span> },
      { id: 'recipient', header: t.recipient, cell: ({ row }) => row.original.recipient },
      { id: 'template', header: t.template, cell: ({ row }) => <code>{`${row.original.template} · ${row.original.locale}`}</code> },
      { id: 'subject', header: t.subject, cell: ({ row }) => row.original.subject ?? '' },
      { id: 'attempts', header: t.attempts, cell: ({ row }) => f.number(row.original.attempts) },
      { id: 'created', header: t.created, cell: ({ row }) => (row.original.createdAt ? f.dateTime(row.original.createdAt) : '') },
      { id: 'sent', header: t.sentAt, cell: ({ row }) => (row.original.sentAt ? f.dateTime(row.original.sentAt) : '') },
      { id: 'error', header: t.error, cell: ({ row }) => row.original.lastError ?? '' },
    ],
    [t, f],
  );
  return <DataTable data={mails} columns={columns} testId="mail-log" />;
};
