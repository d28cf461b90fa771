import { type Config, moduleOptions } from '@rustok/kernel';
import { RETRY_DELAYS_MS } from '@rustok/outbound';
import { type Static, Type } from '@sinclair/typebox';

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
        },
        { additionalProperties: false, default: {} },
      ),
    },
    { additionalProperties: false, default: {} },
  ),
});
export type WebhookOptions = Static<typeof NotificationsOptionsSchema>['notifications']['webhooks'];

/** The webhook settings of this deployment's configuration. */
export const webhookOptions = (config: Config): WebhookOptions => moduleOptions(config, NotificationsOptionsSchema).notifications.webhooks;
