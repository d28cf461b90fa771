import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/problem.js';
import type { EndpointDraft, WebhookEndpointView } from '../api/webhook-shapes.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { ErrorNotice } from './error-notice.js';
import { LabelledInput } from './flex-inputs.js';
import { CheckField } from './shop-form.js';
import { EventTypePicker } from './webhook-event-types.js';
import { type HeaderRow, HeaderRows, headersFromRows } from './webhook-headers.js';
import { webhookNames } from './webhook-messages.js';

const messages = defineMessages({
  en: {
    urlHint: 'Where the events are POSTed (https, a public address).',
    saved: (names: string) => `Saved headers: ${names}. Their values are not shown again.`,
    noneSaved: 'No custom headers saved.',
    replace: 'Replace the saved headers with the rows below',
    NOTIFICATIONS_URL_REFUSED: 'This address is not allowed: a public http(s) address, without user or password.',
    NOTIFICATIONS_EVENT_TYPE_UNKNOWN: 'No event of this platform matches this type.',
    NOTIFICATIONS_HEADER_REFUSED: 'The platform sets this header itself.',
  },
  ru: {
    urlHint: 'Куда отправляются события (https, публичный адрес).',
    saved: (names: string) => `Сохранённые заголовки: ${names}. Их значения больше не показываются.`,
    noneSaved: 'Своих заголовков нет.',
    replace: 'Заменить сохранённые заголовки строками ниже',
    NOTIFICATIONS_URL_REFUSED: 'Этот адрес не разрешён: нужен публичный адрес http(s) без логина и пароля.',
    NOTIFICATIONS_EVENT_TYPE_UNKNOWN: 'Ни одно событие платформы не подходит под этот тип.',
    NOTIFICATIONS_HEADER_REFUSED: 'Этот заголовок платформа задаёт сама.',
  },
});

type Texts = (typeof messages)['en'];

/** The input each refusal of the notifications module concerns. */
const FIELD_OF_CODE = {
  NOTIFICATIONS_URL_REFUSED: '/url',
  NOTIFICATIONS_EVENT_TYPE_UNKNOWN: '/eventTypes',
  NOTIFICATIONS_HEADER_REFUSED: '/headers',
} as const;

/** What the server said of one input: a 422's field errors at its path, or a notifications code in words (with the server's detail). */
const problemsAt = (t: Texts, error: Error | null, path: string): string[] | undefined => {
  if (!(error instanceof ApiError)) return undefined;
  const found = error.fields.filter((f) => f.path === path || f.path.startsWith(`${path}/`)).map((f) => f.message);
  const code = Object.entries(FIELD_OF_CODE).find(([c, p]) => c === error.code && p === path)?.[0] as
    | keyof typeof FIELD_OF_CODE
    | undefined;
  if (code) found.push(`${t[code]} (${error.message})`);
  return found.length > 0 ? found : undefined;
};

interface Props {
  /** The endpoint as it is (editing); none for a new one. */
  readonly endpoint?: WebhookEndpointView;
  readonly eventTypes: readonly string[];
  readonly submitLabel: string;
  readonly pending: boolean;
  readonly error: Error | null;
  readonly onSubmit: (draft: EndpointDraft) => void;
}

/** An endpoint's fields: URL, description, event types, custom headers, active. The server's refusals show at their inputs. */
export const WebhookForm = ({ endpoint, eventTypes, submitLabel, pending, error, onSubmit }: Props) => {
  const t = useMessages(messages);
  const n = useMessages(webhookNames);
  const [url, setUrl] = useState(endpoint?.url ?? '');
  const [description, setDescription] = useState(endpoint?.description ?? '');
  const [types, setTypes] = useState<string[]>(() => [...(endpoint?.eventTypes ?? [])]);
  const [rows, setRows] = useState<HeaderRow[]>([]);
  const [replaceHeaders, setReplaceHeaders] = useState(!endpoint);
  const [active, setActive] = useState(endpoint?.active ?? true);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const headers = replaceHeaders ? headersFromRows(rows) : undefined;
    onSubmit({ url: url.trim(), description, eventTypes: types, active, ...(headers ? { headers } : {}) });
  };
  const headerProblems = problemsAt(t, error, '/headers');
  const shownAtFields = ['/url', '/description', '/eventTypes', '/headers'].some((p) => problemsAt(t, error, p));
  return (
    <form className="stack wide" onSubmit={submit} noValidate>
      <LabelledInput
        label={n.url}
        type="url"
        value={url}
        required
        maxLength={2000}
        hint={t.urlHint}
        errors={problemsAt(t, error, '/url')}
        onChange={(e) => setUrl(e.target.value)}
      />
      <LabelledInput
        label={n.description}
        value={description}
        maxLength={500}
        errors={problemsAt(t, error, '/description')}
        onChange={(e) => setDescription(e.target.value)}
      />
      <EventTypePicker
        legend={n.eventTypes}
        types={eventTypes}
        value={types}
        errors={problemsAt(t, error, '/eventTypes')}
        onChange={setTypes}
      />
      <fieldset>
        <legend>{n.headers}</legend>
        {endpoint ? (
          <p className="hint">{endpoint.headerNames.length > 0 ? t.saved(endpoint.headerNames.join(', ')) : t.noneSaved}</p>
        ) : null}
        {endpoint ? (
          <CheckField
            label={t.replace}
            name="replaceHeaders"
            checked={replaceHeaders}
            onChange={(e) => setReplaceHeaders(e.target.checked)}
          />
        ) : null}
        {replaceHeaders ? <HeaderRows rows={rows} onChange={setRows} /> : null}
        {headerProblems ? (
          <small className="field-error" data-testid="field-error" role="alert">
            {headerProblems.join('; ')}
          </small>
        ) : null}
      </fieldset>
      <CheckField label={n.active} name="active" checked={active} onChange={(e) => setActive(e.target.checked)} />
      {error && !shownAtFields ? <ErrorNotice error={error} /> : null}
      <p>
        <button type="submit" disabled={pending}>
          {submitLabel}
        </button>
      </p>
    </form>
  );
};
