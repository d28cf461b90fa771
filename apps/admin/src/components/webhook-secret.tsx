import { useId, useState } from 'react';
import { defineMessages, useMessages } from '../i18n/messages.js';

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

type Copied = 'no' | 'yes' | 'refused';

/** A secret shown this once: the text itself (selectable), a copy button, and the warning that it is not shown again. */
export const SecretOnce = ({ secret }: { readonly secret: string }) => {
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
        <code data-testid="webhook-secret">{secret}</code>
      </p>
      <div className="row">
        <button type="button" onClick={() => void copy()}>
          {t.copy}
        </button>
        {copied === 'no' ? null : <span role="status">{copied === 'yes' ? t.copied : t.notCopied}</span>}
      </div>
    </section>
  );
};
