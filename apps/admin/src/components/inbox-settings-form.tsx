import { type FormEvent, useId, useState } from 'react';
import type { InboxKindView } from '../api/inbox.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { ErrorNotice } from './error-notice.js';
import { Checkbox, LabelledInput } from './flex-inputs.js';

const messages = defineMessages({
  en: {
    on: 'Notify',
    permission: 'Holders of the permission',
    byDefault: (permission: string) => `By default: ${permission}`,
    save: 'Save',
    saved: 'Saved.',
    none: 'This platform makes no notices yet.',
  },
  ru: {
    on: 'Уведомлять',
    permission: 'Обладателей разрешения',
    byDefault: (permission: string) => `По умолчанию: ${permission}`,
    save: 'Сохранить',
    saved: 'Сохранено.',
    none: 'Эта платформа пока не создаёт уведомлений.',
  },
});

interface Props {
  readonly kinds: readonly InboxKindView[];
  /** Permissions to choose from (offered while typing; any other is checked by the server). */
  readonly permissions: readonly string[];
  /** Words for a kind (its description from the server otherwise). */
  readonly kindName: (kind: InboxKindView) => string;
  readonly pending: boolean;
  readonly saved: boolean;
  readonly error: Error | null;
  readonly onSubmit: (kinds: InboxKindView[]) => void;
}

/** Per kind of notice: on or off, and the permission whose holders receive it. */
export const InboxSettingsForm = ({ kinds, permissions, kindName, pending, saved, error, onSubmit }: Props) => {
  const t = useMessages(messages);
  const listId = useId();
  const [draft, setDraft] = useState<InboxKindView[]>(() => [...kinds]);
  const change = (n: number, patch: Partial<InboxKindView>) => setDraft((d) => d.map((k, i) => (i === n ? { ...k, ...patch } : k)));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit(draft.map((k) => ({ ...k, permission: k.permission.trim() })));
  };
  if (kinds.length === 0) return <p>{t.none}</p>;
  return (
    <form className="stack wide" onSubmit={submit} noValidate>
      <datalist id={listId}>
        {permissions.map((p) => (
          <option key={p} value={p} />
        ))}
      </datalist>
      {draft.map((k, n) => (
        <fieldset key={k.kind} data-testid="inbox-kind">
          <legend>{kindName(k)}</legend>
          <Checkbox label={t.on} checked={k.enabled} onChange={(e) => change(n, { enabled: e.target.checked })} />
          <LabelledInput
            label={t.permission}
            value={k.permission}
            list={listId}
            hint={t.byDefault(k.defaultPermission)}
            onChange={(e) => change(n, { permission: e.target.value })}
          />
        </fieldset>
      ))}
      {error ? <ErrorNotice error={error} /> : null}
      {saved ? <p role="status">{t.saved}</p> : null}
      <p>
        <button type="submit" disabled={pending}>
          {t.save}
        </button>
      </p>
    </form>
  );
};
