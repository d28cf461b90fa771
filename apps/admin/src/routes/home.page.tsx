import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { meQuery } from '../api/auth.js';
import { modulesQuery } from '../api/modules.js';
import { can } from '../api/permissions.js';
import { readSession } from '../api/session.js';
import { EventsCard } from '../components/dashboard/events-card.js';
import { IndexLagCard } from '../components/dashboard/index-lag-card.js';
import { LowStockCard } from '../components/dashboard/low-stock-card.js';
import { ModuleHealthCard } from '../components/dashboard/module-health-card.js';
import { OrdersCard } from '../components/dashboard/orders-card.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: {
    welcome: (name: string) => `Welcome, ${name}`,
    roles: 'Roles',
    noRoles: 'none',
    permissions: 'What you may do here',
    everything: 'everything (all permissions)',
  },
  ru: {
    welcome: (name: string) => `Добро пожаловать, ${name}`,
    roles: 'Роли',
    noRoles: 'нет',
    permissions: 'Что вам здесь доступно',
    everything: 'всё (все права)',
  },
});

/** The dashboard: a card for each thing the user may see and the tenant has switched on. */
export const Home = () => {
  const { data: me } = useSuspenseQuery(meQuery);
  const modules = useQuery({ ...modulesQuery, enabled: can(me, 'tenancy.modules.read') });
  const t = useMessages(messages);
  const on = (slug: string) => modules.data?.some((m) => m.slug === slug && m.enabled) ?? false;
  const acting = Boolean(readSession()?.acting);
  return (
    <>
      <h1>{t.welcome(me.name ?? me.email)}</h1>
      <p className="hint">
        {t.roles}: {me.roles.join(', ') || t.noRoles}
      </p>
      <div className="dashboard">
        {on('commerce') && can(me, 'commerce.orders.read') ? <OrdersCard /> : null}
        {on('commerce') && can(me, 'commerce.products.read') ? <LowStockCard /> : null}
        {on('index') && can(me, 'index.status.read') ? <IndexLagCard /> : null}
        {can(me, 'events.admin.read') && !acting ? <EventsCard /> : null}
        {can(me, 'tenancy.modules.read') ? <ModuleHealthCard /> : null}
      </div>
      <h2>{t.permissions}</h2>
      <ul className="permissions">
        {me.permissions.map((p) => (
          <li key={p}>{p === '*' ? t.everything : p}</li>
        ))}
      </ul>
    </>
  );
};
