import { type FormEvent, useState } from 'react';
import { addressesOf, type MailSettingsView } from '../api/mail-shapes.js';
import { ApiError } from '../api/problem.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { ErrorNotice } from './error-notice.js';
import { LabelledInput, LabelledTextarea } from './flex-inputs.js';

const messages = defineMessages({
  en: {
    senderName: 'Sender name',
    senderAddress: 'Sender address',
    shopUrl: 'Storefront address',
    shopUrlHint: 'Links in mails start with it (https://…). Empty: the deployment’s.',
    staffAddresses: 'Staff addresses',
    staffHint: 'One per line: they get the new-order mails.',
    emptyHint: 'Empty: the deployment’s.',
    save: 'Save settings',
    saved: 'Settings saved.',
  },
  ru: {
    senderName: 'Имя отправителя',
    senderAddress: 'Адрес отправителя',
    shopUrl: 'Адрес витрины',
    shopUrlHint: 'С него начинаются ссылки в письмах (https://…). Пусто — адрес по умолчанию.',
    staffAddresses: 'Адреса сотрудников',
    staffHint: 'По одному в строке: на них приходят письма о новых заказах.',
    emptyHint: 'Пусто — значение по умолчанию.',
    save: 'Сохранить настройки',
    saved: 'Настройки сохранены.',
  },
});

interface Props {
  readonly settings: MailSettingsView;
  readonly pending: boolean;
  readonly saved: boolean;
  readonly error: Error | null;
  readonly onSubmit: (settings: MailSettingsView) => void;
}

const FIELDS = ['/senderName', '/senderAddress', '/shopUrl', '/staffAddresses'] as const;

/** The 422's problems of one field (a staff address's problem names its place in the list). */
const problemsAt = (error: Error | null, path: string): string[] | undefined => {
  if (!(error instanceof ApiError)) return undefined;
  const found = error.fields.filter((f) => f.path === path || f.path.startsWith(`${path}/`)).map((f) => f.message);
  return found.length > 0 ? found : undefined;
};

const orNull = (text: string): string | null => text.trim() || null;

/** The tenant's sender, storefront address (the mails' links) and staff recipients. */
export const MailSettingsForm = ({ settings, pending, saved, error, onSubmit }: Props) => {
  const t = useMessages(messages);
  const [senderName, setSenderName] = useState(settings.senderName ?? '');
  const [senderAddress, setSenderAddress] = useState(settings.senderAddress ?? '');
  const [shopUrl, setShopUrl] = useState(settings.shopUrl ?? '');
  const [staff, setStaff] = useState(settings.staffAddresses.join('\n'));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit({
      senderName: orNull(senderName),
      senderAddress: orNull(senderAddress),
      shopUrl: orNull(shopUrl),
      staffAddresses: addressesOf(staff),
    });
  };
  const shownAtFields = FIELDS.some((p) => problemsAt(error, p));
  return (
    <form className="stack wide" onSubmit={submit} noValidate>
      <LabelledInput
        label={t.senderName}
        value={senderName}
        maxLength={200}
        hint={t.emptyHint}
        errors={problemsAt(error, '/senderName')}
        onChange={(e) => setSenderName(e.target.value)}
      />
      <LabelledInput
        label={t.senderAddress}
        type="email"
        value={senderAddress}
        hint={t.emptyHint}
        errors={problemsAt(error, '/senderAddress')}
        onChange={(e) => setSenderAddress(e.target.value)}
      />
      <LabelledInput
        label={t.shopUrl}
        type="url"
        value={shopUrl}
        hint={t.shopUrlHint}
        errors={problemsAt(error, '/shopUrl')}
        onChange={(e) => setShopUrl(e.target.value)}
      />
      <LabelledTextarea
        label={t.staffAddresses}
        rows={4}
        value={staff}
        placeholder={t.staffHint}
        errors={problemsAt(error, '/staffAddresses')}
        onChange={(e) => setStaff(e.target.value)}
      />
      {error && !shownAtFields ? <ErrorNotice error={error} /> : null}
      {saved ? <p role="status">{t.saved}</p> : null}
      <p>
        <button type="submit" disabled={pending}>
          {t.save}
        </button>
      </p>
    </form>
  );
};
