import { Link } from '@tanstack/react-router';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import type { WebhookDeliveryView } from '../api/webhook-shapes.js';
import { useFormat } from '../i18n/format.js';
import { useMessages } from '../i18n/messages.js';
import { DataTable } from './data-table.js';
import { webhookNames } from './webhook-messages.js';

/** An endpoint's deliveries: a TanStack table of status, event type, attempts, last status, created and delivered times. */
export const DeliveryTable = ({
  endpointId,
  deliveries,
}: {
  readonly endpointId: string;
  readonly deliveries: readonly WebhookDeliveryView[];
}) => {
  const t = useMessages(webhookNames);
  const f = useFormat();
  const columns = useMemo<ColumnDef<WebhookDeliveryView>[]>(
    () => [
      { id: 'status', header: t.status, cell: ({ row }) => <span data-testid="delivery-status">{t[row.original.status]}</span> },
      {
        id: 'eventType',
        header: t.eventType,
        cell: ({ row }) => (
          <Link to="/webhooks/$id/deliveries/$deliveryId" params={{ id: endpointId, deliveryId: row.original.id }}>
            {row.original.eventType}
          </Link>
        ),
      },
      { id: 'attempts', header: t.attempts, cell: ({ row }) => f.number(row.original.attempts) },
      { id: 'lastStatus', header: t.lastStatus, cell: ({ row }) => row.original.lastStatus ?? row.original.lastOutcome ?? '' },
      { id: 'created', header: t.created, cell: ({ row }) => (row.original.createdAt ? f.dateTime(row.original.createdAt) : '') },
      { id: 'delivered', header: t.deliveredAt, cell: ({ row }) => (row.original.deliveredAt ? f.dateTime(row.original.deliveredAt) : '') },
    ],
    [t, f, endpointId],
  );
  return <DataTable data={deliveries} columns={columns} testId="delivery-log" />;
};
