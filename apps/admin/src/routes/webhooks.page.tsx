import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { can } from '../api/permissions.js';
import { webhookEndpointsQuery } from '../api/webhooks.js';
import { endpointStateOf, webhookNames } from '../components/webhook-messages.js';
import { useFormat } from '../i18n/format.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: {
    title: 'Webhooks',
    intro:
      'Addresses of your other systems that get this shop’s events as they happen, signed (Standard Webhooks) and retried for about three days.',
    none: 'No endpoints yet.',
    create: 'New endpoint',
  },
  ru: {
    title: 'Вебхуки',
    intro:
      'Адреса ваших систем, которые получают события этого магазина по мере того, как они происходят, — с подписью (Standard Webhooks) и повторами около трёх дней.',
    none: 'Адресов пока нет.',
    create: 'Новый адрес',
  },
});

/** The tenant's webhook endpoints: URL, event types, state (and why disabled), failures in a row. */
export const Webhooks = () => {
  const t = useMessages(messages);
  const n = useMessages(webhookNames);
  const f = useFormat();
  const { data: endpoints } = useSuspenseQuery(webhookEndpointsQuery);
  const { data: me } = useSuspenseQuery(meQuery);
  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {can(me, 'notifications.webhooks.manage') ? (
        <p>
          <Link to="/webhooks/new">{t.create}</Link>
        </p>
      ) : null}
      {endpoints.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{n.url}</th>
              <th scope="col">{n.eventTypes}</th>
              <th scope="col">{n.status}</th>
              <th scope="col">{n.failures}</th>
            </tr>
          </thead>
          <tbody>
            {endpoints.map((e) => (
              <tr key={e.id}>
                <td>
                  <Link to="/webhooks/$id" params={{ id: e.id }}>
                    {e.url}
                  </Link>
                  {e.description ? <div className="hint">{e.description}</div> : null}
                </td>
                <td>
                  <code>{e.eventTypes.join(', ')}</code>
                </td>
                <td data-testid="endpoint-state">{endpointStateOf(n, e)}</td>
                <td>{f.number(e.consecutiveFailures)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
};
