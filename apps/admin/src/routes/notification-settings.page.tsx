import { useMutation, useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type InboxKindView, inboxSettingsInputOf, inboxSettingsQuery, updateInboxSettings } from '../api/inbox.js';
import { permissionCatalogueQuery } from '../api/roles.js';
import { InboxSettingsForm } from '../components/inbox-settings-form.js';
import { useContractCheck } from '../contracts/use-contract-check.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: {
    back: 'Notifications',
    title: 'Who is notified of what',
    intro: 'Each kind of notification goes to the active staff holding its permission, unless it is turned off.',
    'webhooks.endpoint_disabled': 'A webhook endpoint was turned off (410 Gone, or too many failures in a row)',
    'orders.placed': 'A customer placed an order',
  },
  ru: {
    back: 'Уведомления',
    title: 'Кого о чём уведомлять',
    intro: 'Каждый вид уведомлений получают активные сотрудники с его разрешением, если он не выключен.',
    'webhooks.endpoint_disabled': 'Адрес вебхука выключен (410 Gone или слишком много неудач подряд)',
    'orders.placed': 'Покупатель оформил заказ',
  },
});

type Texts = (typeof messages)['en'];
const kindNameOf = (t: Texts) => (k: InboxKindView) => (k.kind in t ? t[k.kind as keyof Texts] : k.description);

/** The tenant's choices for in-app notices: each kind on or off, and whose holders are told. */
export const NotificationSettings = () => {
  const t = useMessages(messages);
  const queryClient = useQueryClient();
  const { data: kinds } = useSuspenseQuery(inboxSettingsQuery);
  // The catalogue only offers choices; without the permission to read it the field takes any name.
  const catalogue = useQuery({ ...permissionCatalogueQuery, retry: false });
  const check = useContractCheck('PUT /api/v1/notifications/inbox/settings');
  const save = useMutation({
    mutationFn: (next: InboxKindView[]) => {
      check(inboxSettingsInputOf(next));
      return updateInboxSettings(next);
    },
    onSuccess: (next) => queryClient.setQueryData(inboxSettingsQuery.queryKey, next),
  });
  return (
    <>
      <p>
        <Link to="/notifications">{t.back}</Link>
      </p>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <InboxSettingsForm
        kinds={kinds}
        permissions={(catalogue.data ?? []).flatMap((m) => m.permissions)}
        kindName={kindNameOf(t)}
        pending={save.isPending}
        saved={save.isSuccess}
        error={save.error}
        onSubmit={(next) => save.mutate(next)}
      />
    </>
  );
};
