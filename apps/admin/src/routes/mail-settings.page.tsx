import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { meQuery } from '../api/auth.js';
import { type MailSettingsView, mailSettingsQuery, updateMailSettings } from '../api/mail.js';
import { can } from '../api/permissions.js';
import { MailSettingsForm } from '../components/mail-settings-form.js';
import { MailTabs } from '../components/mail-tabs.js';
import { useContractCheck } from '../contracts/use-contract-check.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: { title: 'E-mail settings', intro: 'Who the mails come from, where their links lead, and which staff get the order mails.' },
  ru: {
    title: 'Настройки почты',
    intro: 'От кого приходят письма, куда ведут ссылки в них и кто из сотрудников получает письма о заказах.',
  },
});

/** The tenant's mail settings (the form is shown to those who may change them). */
export const MailSettings = () => {
  const t = useMessages(messages);
  const queryClient = useQueryClient();
  const { data: settings } = useSuspenseQuery(mailSettingsQuery);
  const { data: me } = useSuspenseQuery(meQuery);
  const check = useContractCheck('PUT /api/v1/notifications/mail/settings');
  const save = useMutation({
    mutationFn: (next: MailSettingsView) => {
      check(next);
      return updateMailSettings(next);
    },
    onSuccess: (next) => queryClient.setQueryData(mailSettingsQuery.queryKey, next),
  });
  const manage = can(me, 'notifications.mail.manage');
  return (
    <>
      <h1>{t.title}</h1>
      <MailTabs manage={manage} />
      <p>{t.intro}</p>
      <MailSettingsForm
        settings={settings}
        pending={save.isPending || !manage}
        saved={save.isSuccess}
        error={save.error}
        onSubmit={(next) => save.mutate(next)}
      />
    </>
  );
};
