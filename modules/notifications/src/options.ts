import { type Config, moduleOptions } from '@rustok/kernel';
import { RETRY_DELAYS_MS } from '@rustok/outbound';
import { type Static, Type } from '@sinclair/typebox';

/** The deployment's SMTP server and mail queue: `settings.rustok.notifications.mail`. No host: mail is off (messages are logged). */
const MailOptionsSchema = Type.Object(
  {
    smtp: Type.Object(
      {
        /** The SMTP server; empty: this deployment sends no mail. */
        host: Type.String({ maxLength: 253, default: '' }),
        port: Type.Integer({ minimum: 1, maximum: 65_535, default: 587 }),
        /** TLS from the first byte (port 465); otherwise STARTTLS when offered. */
        secure: Type.Boolean({ default: false }),
        /** Refuse to send without STARTTLS. */
        require_tls: Type.Boolean({ default: false }),
        reject_unauthorized: Type.Boolean({ default: true }),
        user: Type.String({ maxLength: 256, default: '' }),
        password: Type.String({ maxLength: 1_024, default: '' }),
        max_connections: Type.Integer({ minimum: 1, maximum: 100, default: 5 }),
      },
      { additionalProperties: false, default: {} },
    ),
    /** The sender when a tenant has not set its own. */
    from_address: Type.String({ maxLength: 254, default: 'shop@localhost' }),
    from_name: Type.String({ maxLength: 200, default: 'RusToK' }),
    /** The storefront's address when a tenant has not set its own (links in mails). */
    shop_url: Type.String({ maxLength: 2_000, default: 'http://localhost:3000' }),
    /** Whether this deployment's processes send queued mail. */
    deliver: Type.Boolean({ default: true }),
    poll_ms: Type.Integer({ minimum: 10, maximum: 60_000, default: 500 }),
    /** Delays before each retry after a temporary failure (4xx, connection); a permanent one (5xx) is not retried. */
    retry_delays_ms: Type.Array(Type.Integer({ minimum: 1, maximum: 86_400_000 }), {
      maxItems: 20,
      default: [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000, 12 * 3_600_000],
    }),
    /** Sent, failed and bounced mails are deleted from the send log once older than this (30 days); 0 keeps them. */
    log_retention_ms: Type.Integer({ minimum: 0, default: 30 * 86_400_000 }),
  },
  { additionalProperties: false, default: {} },
);

/** The live inbox streams: `settings.rustok.notifications.inbox`. */
const InboxOptionsSchema = Type.Object(
  {
    /** A comment line sent this often on an idle stream, so proxies keep it open and a dead peer is noticed, in ms. */
    heartbeat_ms: Type.Integer({ minimum: 10, maximum: 300_000, default: 15_000 }),
    /** A stream is closed after this long (the client reconnects, with a fresh token), in ms. */
    stream_max_ms: Type.Integer({ minimum: 10, maximum: 86_400_000, default: 900_000 }),
  },
  { additionalProperties: false, default: {} },
);

/**
 * The deployment's webhook settings: `settings.rustok.notifications.webhooks` in the config files
 * (RUSTOK_SETTINGS__RUSTOK__NOTIFICATIONS__WEBHOOKS__<KEY>), validated with the rest of the config.
 */
export const NotificationsOptionsSchema = Type.Object({
  notifications: Type.Object(
    {
      webhooks: Type.Object(
        {
          /**
           * Networks webhook URLs may reach although they are not public (CIDRs or addresses, e.g.
           * `127.0.0.1/32` for development and tests). Empty: public unicast addresses only.
           */
          allow_networks: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 64, default: [] }),
          /** Delays before each retry after a failed attempt (Standard Webhooks' schedule, about three days). */
          retry_delays_ms: Type.Array(Type.Integer({ minimum: 1, maximum: 7 * 86_400_000 }), {
            minItems: 0,
            maxItems: 20,
            default: [...RETRY_DELAYS_MS],
          }),
          /** Whether this deployment's processes send deliveries (off: they are only queued, e.g. for another process to send). */
          deliver: Type.Boolean({ default: true }),
          /**
           * Whether the process that fans an event out also sends its deliveries at once, after its
           * transaction commits (the delivery run still sends retries and whatever that process left).
           */
          send_at_once: Type.Boolean({ default: true }),
          /** How often the deployment looks for due deliveries, in ms. */
          poll_ms: Type.Integer({ minimum: 10, maximum: 60_000, default: 250 }),
          /** Requests in flight at once (the whole deployment). */
          concurrency: Type.Integer({ minimum: 1, maximum: 1_000, default: 64 }),
          /** One attempt's deadline (connect, send, answer), in ms. */
          timeout_ms: Type.Integer({ minimum: 100, maximum: 60_000, default: 10_000 }),
          /** Failed attempts in a row after which an endpoint is disabled (its admins are told by an event). */
          max_consecutive_failures: Type.Integer({ minimum: 1, maximum: 100_000, default: 100 }),
          /** Endpoints per tenant. */
          max_endpoints: Type.Integer({ minimum: 1, maximum: 1_000, default: 20 }),
          /** Finished deliveries (and their attempts) are deleted from the log once older than this (30 days); 0 keeps them. */
          log_retention_ms: Type.Integer({ minimum: 0, default: 30 * 86_400_000 }),
        },
        { additionalProperties: false, default: {} },
      ),
      mail: MailOptionsSchema,
      inbox: InboxOptionsSchema,
    },
    { additionalProperties: false, default: {} },
  ),
});
export type WebhookOptions = Static<typeof NotificationsOptionsSchema>['notifications']['webhooks'];
export type MailOptions = Static<typeof NotificationsOptionsSchema>['notifications']['mail'];
export type InboxOptions = Static<typeof NotificationsOptionsSchema>['notifications']['inbox'];

/** The live inbox settings of this deployment's configuration. */
export const inboxOptions = (config: Config): InboxOptions => moduleOptions(config, NotificationsOptionsSchema).notifications.inbox;

/** The mail settings of this deployment's configuration. */
export const mailOptions = (config: Config): MailOptions => moduleOptions(config, NotificationsOptionsSchema).notifications.mail;

/** The webhook settings of this deployment's configuration. */
export const webhookOptions = (config: Config): WebhookOptions => moduleOptions(config, NotificationsOptionsSchema).notifications.webhooks;
