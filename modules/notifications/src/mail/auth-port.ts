import type { OutboundMessage, OutboundMessages } from '@rustok/auth';
import type { PortContext, SqlRunner } from '@rustok/kernel';
import { mailConfigured } from './job.js';
import { enqueueMails, type MailRequest } from './queue.js';
import { loadMailSettings, type TenantMailSettings } from './settings.js';

const untilExpiry = (expiresAt: string | undefined, unitMs: number): number =>
  Math.max(1, Math.round((Date.parse(expiresAt ?? '') - Date.now()) / unitMs) || 1);

/** The storefront path of a one-time token (the mail job puts the tenant's storefront address before it). */
const linkOf = (path: string, token: string): string => `${path}?token=${encodeURIComponent(token)}`;

/** The mail of one of auth's messages: the shipped (or the tenant's) verification or reset mail, with its link. */
const mailOf = (message: OutboundMessage, settings: TenantMailSettings): MailRequest => {
  const base = { user: { name: message.data.name ?? message.to.split('@')[0] ?? '' } };
  const token = message.data.token ?? '';
  if (message.template === 'verify-email') {
    return {
      template: 'account.verify_email',
      locale: settings.locale,
      to: message.to,
      variables: {
        ...base,
        verify_url: linkOf('/account/verify-email', token),
        expires_in_hours: untilExpiry(message.data.expiresAt, 3_600_000),
      },
    };
  }
  return {
    template: 'account.password_reset',
    locale: settings.locale,
    to: message.to,
    variables: {
      ...base,
      reset_url: linkOf('/account/reset-password', token),
      expires_in_minutes: untilExpiry(message.data.expiresAt, 60_000),
    },
  };
};

/**
 * Auth's outbound-message port backed by mail: a verification or reset message becomes a queued mail
 * in the transaction that made its token (so the mail exists iff the token does); the mail job sends
 * it. Given only when the deployment has an SMTP server; otherwise the platform logs the messages.
 */
export const mailOutboundMessages = (ctx: PortContext): OutboundMessages | undefined => {
  if (!mailConfigured(ctx.config)) return undefined;
  const enqueue = async (tx: SqlRunner, message: OutboundMessage) => {
    const settings = await loadMailSettings(tx, message.tenantId);
    await enqueueMails(tx, message.tenantId, [mailOf(message, settings)]);
  };
  return {
    sendInTx: enqueue,
    send: (message) => ctx.db.transaction((tx) => enqueue(tx, message), { tenantId: message.tenantId }),
  };
};
