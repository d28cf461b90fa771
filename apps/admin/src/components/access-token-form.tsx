import { type FormEvent, useState } from 'react';
import type { AccessTokenInput, GrantablePermissions, McpMode } from '../api/access-tokens.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { ErrorNotice } from './error-notice.js';
import { TextField } from './text-field.js';

const messages = defineMessages({
  en: {
    title: 'New access token',
    name: 'Name',
    nameHint: 'what the token is for, e.g. "Claude Desktop on my laptop"',
    expires: 'Expires on',
    expiresHint: 'leave empty for a token that does not expire',
    mode: 'MCP tools',
    direct: 'direct: every permitted tool listed',
    catalog: 'catalog: three meta-tools that search, describe and call them',
    permissions: 'Permissions',
    permissionsHint: 'only permissions you hold yourself; the token loses any you lose later',
    readOnly: 'Read-only preset',
    none: 'Clear',
    create: 'Create token',
  },
  ru: {
    title: 'Новый токен доступа',
    name: 'Название',
    nameHint: 'для чего токен, например «Claude Desktop на ноутбуке»',
    expires: 'Действует до',
    expiresHint: 'оставьте пустым для бессрочного токена',
    mode: 'Инструменты MCP',
    direct: 'direct: все разрешённые инструменты списком',
    catalog: 'catalog: три мета-инструмента для поиска, описания и вызова',
    permissions: 'Разрешения',
    permissionsHint: 'только те, что есть у вас самих; токен теряет те, что вы потеряете позже',
    readOnly: 'Только чтение',
    none: 'Снять все',
    create: 'Создать токен',
  },
});

interface Props {
  readonly grantable: GrantablePermissions;
  readonly pending: boolean;
  readonly error: Error | null;
  readonly onSubmit: (input: AccessTokenInput) => void;
}

/** The end of the chosen day (UTC), or none. */
const expiryOf = (day: string): string | undefined => (day ? `${day}T23:59:59Z` : undefined);

/** A new token: its name, expiry, MCP mode and permissions, with a read-only preset. */
export const AccessTokenForm = ({ grantable, pending, error, onSubmit }: Props) => {
  const t = useMessages(messages);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (name: string, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(name);
      else next.delete(name);
      return next;
    });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const expiresAt = expiryOf(String(data.get('expires') ?? ''));
    onSubmit({
      name: String(data.get('name') ?? '').trim(),
      permissions: [...chosen].sort(),
      mcpMode: String(data.get('mode')) === 'catalog' ? 'catalog' : 'direct',
      ...(expiresAt ? { expiresAt } : {}),
    });
  };
  return (
    <form className="stack wide" onSubmit={submit} aria-labelledby="access-token-form">
      <h2 id="access-token-form">{t.title}</h2>
      <TextField label={t.name} name="name" required maxLength={100} hint={t.nameHint} />
      <TextField label={t.expires} name="expires" type="date" hint={t.expiresHint} />
      <fieldset>
        <legend>{t.mode}</legend>
        {(['direct', 'catalog'] as const satisfies readonly McpMode[]).map((mode) => (
          <label key={mode}>
            <input type="radio" name="mode" value={mode} defaultChecked={mode === 'direct'} /> {t[mode]}
          </label>
        ))}
      </fieldset>
      <fieldset className="permission-group">
        <legend>{t.permissions}</legend>
        <small className="hint">{t.permissionsHint}</small>
        <div className="row">
          <button type="button" onClick={() => setChosen(new Set(grantable.readOnlyPreset))}>
            {t.readOnly}
          </button>
          <button type="button" onClick={() => setChosen(new Set())}>
            {t.none}
          </button>
        </div>
        {grantable.permissions.map((p) => (
          <label key={p.name}>
            <input type="checkbox" checked={chosen.has(p.name)} onChange={(e) => toggle(p.name, e.currentTarget.checked)} /> {p.name}
          </label>
        ))}
      </fieldset>
      {error ? <ErrorNotice error={error} /> : null}
      <div className="row">
        <button type="submit" disabled={pending}>
          {t.create}
        </button>
      </div>
    </form>
  );
};
