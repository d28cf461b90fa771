import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/problem.js';
import type { EndpointDraft, WebhookEndpointView } from '../api/webhook-shapes.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { ErrorNotice } from './error-notice.js';
import { LabelledInput } from './flex-inputs.js';
import { CheckField } from './shop-form.js';
import { EventTypePicker } from './webhook-event-types.js';
import { type HeaderRow, HeadersFieldset, headersFromRows } from './webhook-headers.js';
import { webhookNames } from './webhook-messages.js';

const messages = defineMessages({
  en: {
    urlHint: 'Where the events are POSTed (https, a public address).',
    NOTIFICATIONS_URL_REFUSED: 'This address is not allowed: a public http(s) address, without user or password.',
    NOTIFICATIONS_EVENT_TYPE_UNKNOWN: 'No event of this platform matches this type.',
    NOTIFICATIONS_HEADER_REFUSED: 'The platform sets this header itself.',
  },
  ru: {
    urlHint: 'Куда отправляются события (https, публичный адрес).',
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

/** The form's state: the endpoint's values (or a new endpoint's defaults) and the draft they make. */
const useDraft = (endpoint: WebhookEndpointView | undefined) => {
  const [url, setUrl] = useState(endpoint?.url ?? '');
  const [description, setDescription] = useState(endpoint?.description ?? '');
  const [types, setTypes] = useState<string[]>(() => [...(endpoint?.eventTypes ?? [])]);
  const [rows, setRows] = useState<HeaderRow[]>([]);
  const [replace, setReplace] = useState(!endpoint);
  const [active, setActive] = useState(endpoint?.active ?? true);
  const draft = (): EndpointDraft => {
    const headers = replace ? headersFromRows(rows) : undefined;
    return { url: url.trim(), description, eventTypes: types, active, ...(headers ? { headers } : {}) };
  };
  return { url, setUrl, description, setDescription, types, setTypes, rows, setRows, replace, setReplace, active, setActive, draft };
};

/** An endpoint's fields: URL, description, event types, custom headers, active. The server's refusals show at their inputs. */
export const WebhookForm = ({ endpoint, eventTypes, submitLabel, pending, error, onSubmit }: Props) => {
  const t = useMessages(messages);
  const n = useMessages(webhookNames);
  const d = useDraft(endpoint);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit(d.draft());
  };
  const at = (path: string) => problemsAt(t, error, path);
  const shownAtFields = ['/url', '/description', '/eventTypes', '/headers'].some((p) => at(p));
  return (
    <form className="stack wide" onSubmit={submit} noValidate>
      <LabelledInput
        label={n.url}
        type="url"
        value={d.url}
        required
        maxLength={2000}
        hint={t.urlHint}
        errors={at('/url')}
        onChange={(e) => d.setUrl(e.target.value)}
      />
      <LabelledInput
        label={n.description}
        value={d.description}
        maxLength={500}
        errors={at('/description')}
        onChange={(e) => d.setDescription(e.target.value)}
      />
      <EventTypePicker legend={n.eventTypes} types={eventTypes} value={d.types} errors={at('/eventTypes')} onChange={d.setTypes} />
      <HeadersFieldset
        legend={n.headers}
        savedNames={endpoint?.headerNames}
        replace={d.replace}
        onReplace={d.setReplace}
        rows={d.rows}
        onRows={d.setRows}
        problems={at('/headers')}
      />
      <CheckField label={n.active} name="active" checked={d.active} onChange={(e) => d.setActive(e.target.checked)} />
      {error && !shownAtFields ? <ErrorNotice error={error} /> : null}
      <p>
        <button type="submit" disabled={pending}>
          {submitLabel}
        </button>
      </p>
    </form>
  );
};
