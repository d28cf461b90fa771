import type { SqlRunner } from '@rustok/kernel';
import type { MailOptions } from '../options.js';

/** A tenant's own mail settings (null: the deployment's), its name and default locale. */
export interface TenantMailSettings {
  readonly senderName: string | null;
  readonly senderAddress: string | null;
  readonly shopUrl: string | null;
  readonly staffAddresses: readonly string[];
  readonly tenantName: string;
  readonly locale: string;
}

type Row = {
  sender_name: string | null;
  sender_address: string | null;
  shop_url: string | null;
  staff_addresses: string[] | null;
  tenant_name: string;
  default_locale: string | null;
};

/** In a tenant transaction: the tenant's settings row (if any) with its name and default locale. */
export const loadMailSettings = async (tx: SqlRunner, tenantId: string): Promise<TenantMailSettings> => {
  const { rows } = await tx.query<Row>(
    `SELECT s.sender_name, s.sender_address, s.shop_url, s.staff_addresses, t.name AS tenant_name,
            t.settings->>'defaultLocale' AS default_locale
       FROM tenants t LEFT JOIN notifications_mail_settings s ON s.tenant_id = t.id WHERE t.id = $1`,
    [tenantId],
  );
  const row = rows[0];
  return {
    senderName: row?.sender_name ?? null,
    senderAddress: row?.sender_address ?? null,
    shopUrl: row?.shop_url ?? null,
    staffAddresses: row?.staff_addresses ?? [],
    tenantName: row?.tenant_name ?? '',
    locale: row?.default_locale || 'en',
  };
};

/** The sender and the storefront of a tenant's mails: its own where set, the deployment's otherwise. */
export const senderOf = (s: TenantMailSettings, options: MailOptions) => ({
  from: { name: s.senderName || s.tenantName || options.from_name, address: s.senderAddress || options.from_address },
  shop: { name: s.tenantName || options.from_name, url: (s.shopUrl || options.shop_url).replace(/\/+$/, '') },
});

/**
 * Variables as sent: `shop` is the tenant's (so a queued mail shows the shop as it is when sent), and
 * every `*_url` (and `url` of an object one level down, like `post.url`) stored as a path
 * (`/account/verify-email?token=…`) becomes a link on the tenant's storefront.
 */
export const withShop = (variables: Readonly<Record<string, unknown>>, shop: { name: string; url: string }): Record<string, unknown> => {
  const onShop = (key: string, value: unknown): unknown =>
    (key === 'url' || key.endsWith('_url')) && typeof value === 'string' && value.startsWith('/') ? `${shop.url}${value}` : value;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(variables)) {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, onShop(k, v)]));
    } else out[key] = onShop(key, value);
  }
  return { ...out, shop };
};

export interface MailSettingsChange {
  readonly senderName: string | null;
  readonly senderAddress: string | null;
  readonly shopUrl: string | null;
  readonly staffAddresses: readonly string[];
}

export const saveMailSettings = async (tx: SqlRunner, change: MailSettingsChange): Promise<void> => {
  await tx.query(
    `INSERT INTO notifications_mail_settings (sender_name, sender_address, shop_url, staff_addresses) VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant_id) DO UPDATE SET sender_name = $1, sender_address = $2, shop_url = $3, staff_addresses = $4, updated_at = now()`,
    [change.senderName, change.senderAddress, change.shopUrl, change.staffAddresses],
  );
};
