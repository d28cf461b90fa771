import { defineMessages, useMessages } from '../i18n/messages.js';
import { SecretOnce } from './secret-once.js';

const messages = defineMessages({
  en: {
    title: 'Signing secret',
    once: 'Copy it now: you will not see it again. Receivers check each request’s webhook-signature with it.',
    copy: 'Copy secret',
    copied: 'Copied.',
    notCopied: 'The browser did not allow copying: select the secret and copy it by hand.',
  },
  ru: {
    title: 'Секрет подписи',
    once: 'Скопируйте его сейчас: больше он показан не будет. Получатели проверяют им подпись webhook-signature каждого запроса.',
    copy: 'Скопировать секрет',
    copied: 'Скопировано.',
    notCopied: 'Браузер не дал скопировать: выделите секрет и скопируйте его вручную.',
  },
});

/** A webhook's signing secret shown this once. */
export const WebhookSecret = ({ secret }: { readonly secret: string }) => {
  const t = useMessages(messages);
  return <SecretOnce secret={secret} texts={t} testId="webhook-secret" />;
};
