import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/problem.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { ErrorNotice } from './error-notice.js';
import { LabelledInput } from './flex-inputs.js';

const messages = defineMessages({
  en: {
    title: 'Send a test',
    to: 'To',
    hint: 'The saved template with its sample data.',
    send: 'Send test',
    queued: (to: string) => `A test mail to ${to} is on its way: it shows in the send log.`,
  },
  ru: {
    title: 'Проверочное письмо',
    to: 'Кому',
    hint: 'Сохранённый шаблон с примерными данными.',
    send: 'Отправить проверку',
    queued: (to: string) => `Проверочное письмо на ${to} отправляется: оно появится в журнале отправки.`,
  },
});

interface Props {
  readonly pending: boolean;
  /** The address a test went to (after it was queued). */
  readonly sentTo: string | null;
  readonly error: Error | null;
  readonly onSend: (to: string) => void;
}

/** Queues the saved template to one address. */
export const MailTestSend = ({ pending, sentTo, error, onSend }: Props) => {
  const t = useMessages(messages);
  const [to, setTo] = useState('');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSend(to.trim());
  };
  const atField = error instanceof ApiError ? error.fields.filter((f) => f.path === '/to').map((f) => f.message) : [];
  return (
    <section aria-labelledby="mail-test">
      <h2 id="mail-test">{t.title}</h2>
      <form className="row" onSubmit={submit} noValidate>
        <LabelledInput
          label={t.to}
          type="email"
          value={to}
          hint={t.hint}
          errors={atField.length > 0 ? atField : undefined}
          onChange={(e) => setTo(e.target.value)}
        />
        <button type="submit" disabled={pending || to.trim() === ''}>
          {t.send}
        </button>
      </form>
      {sentTo ? <p role="status">{t.queued(sentTo)}</p> : null}
      {error && atField.length === 0 ? <ErrorNotice error={error} /> : null}
    </section>
  );
};
