import { useId, useState } from 'react';
import { defineMessages, useMessages } from '../i18n/messages.js';

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

type Copied = 'no' | 'yes' | 'refused';

/** A token's secret shown this once: the text (selectable), a copy button, the warning, and a button that hides it. */
export const AccessTokenSecret = ({ secret, onDone }: { readonly secret: string; readonly onDone: () => void }) => {
  const t = useMessages(messages);
  const id = useId();
  const [copied, setCopied] = useState<Copied>('no');
  const copy = () =>
    navigator.clipboard.writeText(secret).then(
      () => setCopied('yes'),
      () => setCopied('refused'),
    );
  return (
    <section className="secret-once" aria-labelledby={id}>
      <h2 id={id}>{t.title}</h2>
      <p>
        <strong>{t.once}</strong>
      </p>
      <p>
        <code data-testid="access-token-secret">{secret}</code>
      </p>
      <div className="row">
        <button type="button" onClick={() => void copy()}>
          {t.copy}
        </button>
        <button type="button" onClick={onDone}>
          {t.done}
        </button>
        {copied === 'no' ? null : <span role="status">{copied === 'yes' ? t.copied : t.notCopied}</span>}
      </div>
    </section>
  );
};
