import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { signOut } from '../api/auth.js';
import { forgetTenant, knownTenants, rememberTenant } from '../api/known-tenants.js';
import { readSession } from '../api/session.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: {
    switch: 'Switch tenant',
    switchTo: (tenant: string) => `Switch to ${tenant}`,
    forget: (tenant: string) => `Forget ${tenant}`,
    hint: 'Signs you out here and opens the sign-in for that tenant.',
  },
  ru: {
    switch: 'Сменить арендатора',
    switchTo: (tenant: string) => `Перейти в ${tenant}`,
    forget: (tenant: string) => `Забыть ${tenant}`,
    hint: 'Выход здесь и вход в выбранного арендатора.',
  },
});

/**
 * The other tenants this browser signed in to, each a switch: sign out here, then the sign-in page
 * with that tenant filled in (an account is per tenant, so there is no switching without signing in).
 * Not while the platform operator acts in a tenant: that has its own way back.
 */
export const TenantSwitch = () => {
  const t = useMessages(messages);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = readSession();
  const current = session && !session.acting ? session.tenant : undefined;
  const [others, setOthers] = useState<string[]>([]);
  useEffect(() => {
    if (current) rememberTenant(current);
    setOthers(knownTenants().filter((k) => k !== current));
  }, [current]);
  if (!current || others.length === 0) return null;
  const switchTo = async (tenant: string) => {
    await signOut();
    queryClient.clear();
    await navigate({ to: '/sign-in', search: { tenant } });
  };
  const forget = (tenant: string) => {
    forgetTenant(tenant);
    setOthers(others.filter((k) => k !== tenant));
  };
  return (
    <details className="tenant-switch">
      <summary>{t.switch}</summary>
      <div className="menu">
        <p className="hint">{t.hint}</p>
        <ul>
          {others.map((tenant) => (
            <li key={tenant} className="row">
              <button type="button" onClick={() => switchTo(tenant)}>
                {t.switchTo(tenant)}
              </button>
              <button type="button" onClick={() => forget(tenant)} aria-label={t.forget(tenant)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
};
