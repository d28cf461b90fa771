import type { StoreSettingsView } from '@rustok/tenancy';
import { type ApiOptions, shopApi } from './api/client.js';

export type SiteSettings = StoreSettingsView;

export interface SiteOptions {
  readonly api: ApiOptions;
  /** How long a tenant's settings are used before being read again. */
  readonly ttlMs: number;
  /** Called when a read finds the settings changed (every page of the tenant shows them). */
  readonly onChange: (tenantId: string) => void;
}

interface Held {
  readonly settings: SiteSettings;
  readonly text: string;
  readonly until: number;
}

/**
 * Each tenant's public settings (name, locales, theme, currencies), read through the API and kept
 * for `ttlMs`; a read that finds them changed tells `onChange` (the page cache drops the tenant's pages).
 */
export const createSiteSettings = (options: SiteOptions) => {
  const held = new Map<string, Held>();
  const loading = new Map<string, Promise<SiteSettings | undefined>>();
  const load = async (tenantId: string, host: string, clientIp: string): Promise<SiteSettings | undefined> => {
    const result = await shopApi(options.api, { tenantId, host, clientIp }).get<SiteSettings>('/store/settings');
    if (!result.ok) return undefined;
    const text = JSON.stringify(result.value);
    const before = held.get(tenantId);
    held.set(tenantId, { settings: result.value, text, until: Date.now() + options.ttlMs });
    if (before && before.text !== text) options.onChange(tenantId);
    return result.value;
  };
  return {
    async of(tenantId: string, host: string, clientIp: string): Promise<SiteSettings | undefined> {
      const kept = held.get(tenantId);
      if (kept && kept.until > Date.now()) return kept.settings;
      let pending = loading.get(tenantId);
      if (!pending) {
        pending = load(tenantId, host, clientIp).finally(() => loading.delete(tenantId));
        loading.set(tenantId, pending);
      }
      return (await pending) ?? kept?.settings;
    },
    /** The tenant's settings when they are at hand and fresh (no read). */
    peek(tenantId: string): SiteSettings | undefined {
      const kept = held.get(tenantId);
      return kept && kept.until > Date.now() ? kept.settings : undefined;
    },
    forget(tenantId: string): void {
      held.delete(tenantId);
    },
  };
};
export type SiteSettingsStore = ReturnType<typeof createSiteSettings>;
