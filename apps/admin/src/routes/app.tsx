import { useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { createRoute, Outlet, redirect, useNavigate } from '@tanstack/react-router';
import { isSignedIn, meQuery, signOut } from '../api/auth.js';
import { modulesQuery } from '../api/modules.js';
import { can } from '../api/permissions.js';
import { readSession } from '../api/session.js';
import { returnToPlatform } from '../api/tenants.js';
import { InboxBell } from '../components/inbox-bell.js';
import { LocaleSwitch } from '../components/locale-switch.js';
import { Nav, visibleMenu } from '../components/nav.js';
import { TenantSwitch } from '../components/tenant-switch.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { rootRoute } from './root.js';

const messages = defineMessages({
  en: {
    signOut: 'Sign out',
    actingIn: 'Acting in',
    asOperator: 'as the platform administrator.',
    returnToPlatform: 'Return to the platform',
  },
  ru: {
    signOut: 'Выйти',
    actingIn: 'Вы действуете в',
    asOperator: 'как администратор платформы.',
    returnToPlatform: 'Вернуться на платформу',
  },
});

/** The signed-in frame: who is signed in, where, the menu their permissions and the tenant's modules allow, and the screen. */
const AppLayout = () => {
  const { data: me } = useSuspenseQuery(meQuery);
  const modules = useQuery({ ...modulesQuery, enabled: can(me, 'tenancy.modules.read') });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const acting = readSession()?.acting;
  const inbox = modules.data?.some((m) => m.slug === 'notifications' && m.enabled) ?? false;
  const t = useMessages(messages);
  const leave = async () => {
    await signOut();
    queryClient.clear();
    await navigate({ to: '/sign-in' });
  };
  const back = async () => {
    returnToPlatform();
    queryClient.clear();
    await navigate({ to: '/tenants' });
  };
  return (
    <>
      <header className="bar">
        <strong>RusToK</strong>
        <span className="who" data-testid="signed-in-as">
          {me.name ?? me.email}
        </span>
        {inbox ? <InboxBell /> : null}
        <TenantSwitch />
        <LocaleSwitch />
        <button type="button" onClick={leave}>
          {t.signOut}
        </button>
      </header>
      {acting ? (
        <div className="acting" role="status">
          {t.actingIn} <strong>{acting.tenantName}</strong> {t.asOperator}{' '}
          <button type="button" onClick={back}>
            {t.returnToPlatform}
          </button>
        </div>
      ) : null}
      <div className="layout">
        <Nav items={visibleMenu(me, modules.data ?? [], Boolean(acting))} />
        <main>
          <Outlet />
        </main>
      </div>
    </>
  );
};

export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: () => {
    if (!isSignedIn()) throw redirect({ to: '/sign-in' });
  },
  loader: ({ context }) => context.queryClient.ensureQueryData(meQuery),
  component: AppLayout,
});
