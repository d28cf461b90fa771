import type { Order } from '../api/orders.js';
import { useFormat } from '../i18n/format.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { useStatusName } from './order-statuses.js';

const messages = defineMessages({
  en: { title: 'History', placed: 'placed' },
  ru: { title: 'История', placed: 'оформлен' },
});

/** Every status the order has had, oldest first, with the note the move left. */
export const OrderHistory = ({ history }: { readonly history: Order['history'] }) => {
  const t = useMessages(messages);
  const { dateTime } = useFormat();
  const statusName = useStatusName();
  return (
    <section aria-labelledby="order-history">
      <h2 id="order-history">{t.title}</h2>
      <ol className="history">
        {history.map((h) => (
          <li key={h.id}>
            <time dateTime={h.createdAt}>{dateTime(h.createdAt)}</time>:{' '}
            {h.from ? `${statusName(h.from)} → ${statusName(h.to)}` : `${t.placed} (${statusName(h.to)})`}
            {h.note ? ` — ${h.note}` : ''}
          </li>
        ))}
      </ol>
    </section>
  );
};
