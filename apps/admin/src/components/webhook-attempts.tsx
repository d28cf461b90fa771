import type { WebhookAttemptView } from '../api/webhook-shapes.js';
import { useFormat } from '../i18n/format.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { outcomeOf, webhookNames } from './webhook-messages.js';

const messages = defineMessages({
  en: {
    none: 'Not sent yet.',
    attempt: (n: number) => `Attempt ${n}`,
    outcome: 'Outcome',
    statusCode: 'Status code',
    duration: 'Duration',
    ms: (ms: string) => `${ms} ms`,
    headers: 'Request headers',
    excerpt: 'Answer (first kilobyte)',
    error: 'Error',
  },
  ru: {
    none: 'Ещё не отправлялось.',
    attempt: (n: number) => `Попытка ${n}`,
    outcome: 'Итог',
    statusCode: 'Код ответа',
    duration: 'Длительность',
    ms: (ms: string) => `${ms} мс`,
    headers: 'Заголовки запроса',
    excerpt: 'Ответ (первый килобайт)',
    error: 'Ошибка',
  },
});

const Attempt = ({ attempt, n }: { readonly attempt: WebhookAttemptView; readonly n: number }) => {
  const t = useMessages(messages);
  const names = useMessages(webhookNames);
  const f = useFormat();
  return (
    <li>
      <h3>
        {t.attempt(n)} · {f.dateTime(attempt.at)}
      </h3>
      <dl className="facts">
        <dt>{t.outcome}</dt>
        <dd data-testid="attempt-outcome">{outcomeOf(names, attempt.outcome)}</dd>
        <dt>{t.statusCode}</dt>
        <dd>{attempt.statusCode ?? '—'}</dd>
        <dt>{t.duration}</dt>
        <dd>{t.ms(f.number(attempt.durationMs))}</dd>
        {attempt.error ? (
          <>
            <dt>{t.error}</dt>
            <dd>{attempt.error}</dd>
          </>
        ) : null}
      </dl>
      <details>
        <summary>{t.headers}</summary>
        <dl className="facts" data-testid="attempt-headers">
          {Object.entries(attempt.requestHeaders).map(([name, value]) => (
            <div key={name} className="contents">
              <dt>
                <code>{name}</code>
              </dt>
              <dd>
                <code>{value}</code>
              </dd>
            </div>
          ))}
        </dl>
      </details>
      {attempt.responseExcerpt ? (
        <details>
          <summary>{t.excerpt}</summary>
          <pre>{attempt.responseExcerpt}</pre>
        </details>
      ) : null}
    </li>
  );
};

/** A delivery's attempts, oldest first: outcome, status, duration, error, the request's headers and the answer's start. */
export const AttemptList = ({ attempts }: { readonly attempts: readonly WebhookAttemptView[] }) => {
  const t = useMessages(messages);
  if (attempts.length === 0) return <p>{t.none}</p>;
  return (
    <ol className="attempts" data-testid="attempts">
      {attempts.map((attempt, n) => (
        <Attempt key={attempt.id} attempt={attempt} n={n + 1} />
      ))}
    </ol>
  );
};
