import { defineMessages, useMessages } from '../i18n/messages.js';
import { SecretOnce } from './secret-once.js';

const messages = defineMessages({
  en: {
    title: 'Your new access token',
    once: 'Copy it now: you will not see it again. Send it as Authorization: Bearer <token>.',
    copy: 'Copy token',
    copied: 'Copied.',
    notCopied: 'The browser did not allow copying: select the token and copy it by hand.',
    done: 'Done',
  },
  ru: {
    title: 'Ваш новый токен доступа',
    once: 'Скопируйте его сейчас: больше он показан не будет. Передавайте его как Authorization: Bearer <токен>.',
    copy: 'Скопировать токен',
    copied: 'Скопировано.',
    notCopied: 'Браузер не дал скопировать: выделите токен и скопируйте его вручную.',
    done: 'Готово',
  },
});

/** A token's secret shown this once, with a button that hides it. */
export const AccessTokenSecret = ({ secret, onDone }: { readonly secret: string; readonly onDone: () => void }) => {
  const t = useMessages(messages);
  return (
    <SecretOnce secret={secret} texts={t} testId="access-token-secret">
      <button type="button" onClick={onDone}>
        {t.done}
      </button>
    </SecretOnce>
  );
};
