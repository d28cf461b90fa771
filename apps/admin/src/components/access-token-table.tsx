import type { AccessToken } from '../api/access-tokens.js';
import { useFormat } from '../i18n/format.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { ConfirmAction } from './confirm-action.js';

const messages = defineMessages({
  en: {
    name: 'Name',
    token: 'Token',
    permissions: 'Permissions',
    mode: 'MCP',
    expires: 'Expires',
    lastUsed: 'Last used',
    state: 'State',
    actions: 'Actions',
    never: 'never',
    readOnly: (n: number) => `read-only (${n})`,
    count: (n: number) => `${n} permission${n === 1 ? '' : 's'}`,
    active: 'Active',
    revoked: 'Revoked',
    expired: 'Expired',
    revoke: (name: string) => `Revoke ${name}`,
    question: (name: string) => `Revoke the token ${name}? Anything using it stops working at once.`,
    confirm: 'Revoke',
    empty: 'No access tokens yet.',
  },
  ru: {
    name: 'Название',
    token: 'Токен',
    permissions: 'Разрешения',
    mode: 'Режим MCP',
    expires: 'Действует до',
    lastUsed: 'Использован',
    state: 'Состояние',
    actions: 'Действия',
    never: 'никогда',
    readOnly: (n: number) => `только чтение (${n})`,
    count: (n: number) => `разрешений: ${n}`,
    active: 'Действует',
    revoked: 'Отозван',
    expired: 'Истёк',
    revoke: (name: string) => `Отозвать ${name}`,
    question: (name: string) => `Отозвать токен ${name}? Всё, что им пользуется, сразу перестанет работать.`,
    confirm: 'Отозвать',
    empty: 'Токенов доступа пока нет.',
  },
});

const stateOf = (token: AccessToken, now: number): 'active' | 'revoked' | 'expired' => {
  if (token.revokedAt) return 'revoked';
  return token.expiresAt && new Date(token.expiresAt).getTime() <= now ? 'expired' : 'active';
};

interface Props {
  readonly tokens: readonly AccessToken[];
  readonly pending: boolean;
  readonly onRevoke: (token: AccessToken) => void;
}

/** The tokens with their permissions, mode, expiry, last use and state; an active one revoked after a question. */
export const AccessTokenTable = ({ tokens, pending, onRevoke }: Props) => {
  const t = useMessages(messages);
  const f = useFormat();
  const now = Date.now();
  if (tokens.length === 0) return <p>{t.empty}</p>;
  return (
    <table data-testid="access-tokens">
      <thead>
        <tr>
          {[t.name, t.token, t.permissions, t.mode, t.expires, t.lastUsed, t.state, t.actions].map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => {
          const state = stateOf(token, now);
          return (
            <tr key={token.id}>
              <td>{token.name}</td>
              <td>
                <code>{token.prefix}…</code>
              </td>
              <td title={token.permissions.join(', ')}>
                {token.readOnly ? t.readOnly(token.permissions.length) : t.count(token.permissions.length)}
              </td>
              <td>{token.mcpMode}</td>
              <td>{token.expiresAt ? f.dateTime(token.expiresAt) : t.never}</td>
              <td>{token.lastUsedAt ? f.dateTime(token.lastUsedAt) : t.never}</td>
              <td data-testid="token-state">{t[state]}</td>
              <td>
                {state === 'active' ? (
                  <ConfirmAction
                    label={t.revoke(token.name)}
                    question={t.question(token.name)}
                    confirmLabel={t.confirm}
                    disabled={pending}
                    onConfirm={() => onRevoke(token)}
                  />
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
};
