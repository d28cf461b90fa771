import { inTenant } from '@rustok/api';
import { parseInput } from '@rustok/kernel';
import { type NotificationsContext, requirePermission } from '../context.js';
import { saveMailSettings } from '../mail/settings.js';
import { MailSettings } from '../schemas-mail.js';

type Row = { sender_name: string | null; sender_address: string | null; shop_url: string | null; staff_addresses: string[] };

/** GET /notifications/mail/settings: the tenant's own sender, storefront address and staff recipients (null: the deployment's). */
export const getMailSettings = (ctx: NotificationsContext): Promise<MailSettings> => {
  requirePermission(ctx, 'notifications.mail.read');
  return inTenant(ctx, async (w) => {
    const { rows } = await w.tx.query<Row>(
      'SELECT sender_name, sender_address, shop_url, staff_addresses FROM notifications_mail_settings',
    );
    const row = rows[0];
    return {
      senderName: row?.sender_name ?? null,
      senderAddress: row?.sender_address ?? null,
      shopUrl: row?.shop_url ?? null,
      staffAddresses: row?.staff_addresses ?? [],
    };
  });
};

/** PUT /notifications/mail/settings: replaces them whole. */
export const putMailSettings = (ctx: NotificationsContext, raw: MailSettings): Promise<MailSettings> => {
  requirePermission(ctx, 'notifications.mail.manage');
  const input = parseInput(MailSettings, raw) as MailSettings;
  return inTenant(ctx, async (w) => {
    await saveMailSettings(w.tx, input);
    return input;
  });
};
