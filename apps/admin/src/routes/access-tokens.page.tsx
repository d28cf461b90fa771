import { useMutation, useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  type AccessTokenInput,
  accessTokensQuery,
  createAccessToken,
  createBodyOf,
  grantablePermissionsQuery,
  revokeAccessToken,
} from '../api/access-tokens.js';
import { meQuery } from '../api/auth.js';
import { can } from '../api/permissions.js';
import { AccessTokenForm } from '../components/access-token-form.js';
import { AccessTokenSecret } from '../components/access-token-secret.js';
import { AccessTokenTable } from '../components/access-token-table.js';
import { ErrorNotice } from '../components/error-notice.js';
import { useContractCheck } from '../contracts/use-contract-check.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: {
    title: 'Access tokens',
    intro:
      'Personal access tokens let an AI assistant (over MCP) or a script act as you, with the permissions you pick. A read-only token sees read-only tools only.',
    created: (name: string) => `Created the token ${name}.`,
    revoked: (name: string) => `Revoked the token ${name}.`,
    everyone: "Show everyone's tokens",
  },
  ru: {
    title: 'Токены доступа',
    intro:
      'Личные токены доступа позволяют ИИ-ассистенту (через MCP) или скрипту действовать от вашего имени с выбранными разрешениями. Токен только для чтения видит только читающие инструменты.',
    created: (name: string) => `Токен ${name} создан.`,
    revoked: (name: string) => `Токен ${name} отозван.`,
    everyone: 'Показать токены всех пользователей',
  },
});

/** The caller's personal access tokens (everyone's for a manager): create one, its secret shown once; revoke. */
export const AccessTokens = () => {
  const t = useMessages(messages);
  const queryClient = useQueryClient();
  const { data: me } = useSuspenseQuery(meQuery);
  const { data: grantable } = useSuspenseQuery(grantablePermissionsQuery);
  const [all, setAll] = useState(false);
  const { data: own } = useSuspenseQuery(accessTokensQuery(false));
  const everyone = useQuery({ ...accessTokensQuery(true), enabled: all });
  const [status, setStatus] = useState<string | undefined>();
  const check = useContractCheck('POST /api/v1/auth/access-tokens');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['auth', 'access-tokens'] });
  const create = useMutation({
    mutationFn: (input: AccessTokenInput) => {
      check(createBodyOf(input));
      return createAccessToken(input);
    },
    onSuccess: async (token) => {
      setStatus(t.created(token.name));
      await refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: revokeAccessToken,
    onSuccess: async (token) => {
      setStatus(t.revoked(token.name));
      await refresh();
    },
  });
  const tokens = all ? (everyone.data?.items ?? []) : own.items;
  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {status ? <p role="status">{status}</p> : null}
      {create.data ? <AccessTokenSecret secret={create.data.token} onDone={() => create.reset()} /> : null}
      {can(me, 'auth.access_tokens.manage') ? (
        <label>
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.currentTarget.checked)} /> {t.everyone}
        </label>
      ) : null}
      {revoke.error ? <ErrorNotice error={revoke.error} /> : null}
      <AccessTokenTable tokens={tokens} pending={revoke.isPending} onRevoke={(token) => revoke.mutate(token.id)} />
      <AccessTokenForm
        key={create.data?.id ?? 'new'}
        grantable={grantable}
        pending={create.isPending}
        error={create.error}
        onSubmit={(input) => create.mutate(input)}
      />
    </>
  );
};
