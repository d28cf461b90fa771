import { useState } from 'react';
import { useFormat } from '../i18n/format.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { ErrorNotice } from './error-notice.js';
import { LabelledSelect } from './flex-inputs.js';
import { WebhookSecret } from './webhook-secret.js';

const messages = defineMessages({
  en: {
    title: 'Signing secret',
    keep: 'The old secret keeps signing for',
    keepHint: 'Requests carry both signatures meanwhile, so receivers can switch without missing one.',
    now: 'No time: stop at once',
    hour: '1 hour',
    day: '1 day',
    days3: '3 days',
    week: '7 days',
    rotate: 'Rotate secret',
    previousUntil: (when: string) => `The previous secret signs too until ${when}.`,
  },
  ru: {
    title: 'Секрет подписи',
    keep: 'Старый секрет ещё подписывает',
    keepHint: 'Пока что запросы несут обе подписи, так что получатели переходят на новый секрет, ничего не пропустив.',
    now: 'Нисколько: сразу перестать',
    hour: '1 час',
    day: '1 день',
    days3: '3 дня',
    week: '7 дней',
    rotate: 'Сменить секрет',
    previousUntil: (when: string) => `Прежний секрет тоже подписывает до ${when}.`,
  },
});

const KEEP: readonly { readonly seconds: number; readonly label: 'now' | 'hour' | 'day' | 'days3' | 'week' }[] = [
  { seconds: 0, label: 'now' },
  { seconds: 3_600, label: 'hour' },
  { seconds: 86_400, label: 'day' },
  { seconds: 3 * 86_400, label: 'days3' },
  { seconds: 7 * 86_400, label: 'week' },
];

interface Props {
  /** Until when the previous secret signs too, if a rotation is under way. */
  readonly previousSecretUntil: string | null;
  /** The new secret, shown once after a rotation. */
  readonly secret: string | null;
  readonly pending: boolean;
  readonly error: Error | null;
  readonly onRotate: (keepPreviousForSeconds: number) => void;
}

/** A new signing secret: how long the old one keeps signing, the button, and the new secret shown once. */
export const RotateSecret = ({ previousSecretUntil, secret, pending, error, onRotate }: Props) => {
  const t = useMessages(messages);
  const f = useFormat();
  const [keep, setKeep] = useState(86_400);
  return (
    <section aria-labelledby="rotate-title" className="stack wide">
      <h2 id="rotate-title">{t.title}</h2>
      {previousSecretUntil && new Date(previousSecretUntil) > new Date() ? <p>{t.previousUntil(f.dateTime(previousSecretUntil))}</p> : null}
      <LabelledSelect label={t.keep} value={String(keep)} onChange={(e) => setKeep(Number(e.target.value))}>
        {KEEP.map((k) => (
          <option key={k.seconds} value={k.seconds}>
            {t[k.label]}
          </option>
        ))}
      </LabelledSelect>
      <p className="hint">{t.keepHint}</p>
      <p>
        <button type="button" disabled={pending} onClick={() => onRotate(keep)}>
          {t.rotate}
        </button>
      </p>
      {error ? <ErrorNotice error={error} /> : null}
      {secret ? <WebhookSecret secret={secret} /> : null}
    </section>
  );
};
