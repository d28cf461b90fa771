import type { HandlerContext } from '@rustok/kernel';
import { webhookOptions } from '../options.js';
import { outboundFor } from './outbound-client.js';
import { type RecordDeps, recordPerTenant } from './record.js';
import { createSendPipeline, type SendPipelineOptions } from './send-pipeline.js';
import type { Sendable } from './sendable.js';

/**
 * Sends deliveries the moment their fan-out committed, in the process that made them: no wait for
 * the delivery run's next period, no claim and no re-read of what is already in memory. Their queue
 * entries were written claimed (`claimMs`); should this process stop before it records an attempt,
 * the delivery run sends them once the claim runs out. Retries always go through the delivery run.
 */
export interface HotSender {
  /** Whether it takes more now: what it holds (waiting, in flight, unrecorded) is under its bound. */
  accepting(): boolean;
  /** How long the queue entries of what it is handed stay claimed, in ms. */
  readonly claimMs: number;
  /** Deliveries whose fan-out committed, with their queue entries claimed: sent as soon as a slot is free. */
  push(deliveries: readonly Sendable[]): void;
}

export type HotSenderOptions = RecordDeps & Omit<SendPipelineOptions, 'record' | 'onChange'>;

/** Held at most: `WAVES` rounds of `concurrency`, so everything is sent well within its claim. */
const WAVES = 4;

export const createHotSender = (deps: HotSenderOptions): HotSender => {
  const pipeline = createSendPipeline({ ...deps, record: (results) => recordPerTenant(deps, results) });
  return {
    accepting: () => pipeline.held() < deps.concurrency * WAVES,
    claimMs: deps.timeoutMs * (WAVES + 2) + 30_000,
    push: (deliveries) => pipeline.push(deliveries),
  };
};

/** One sender per configuration (this process's), made the first time a fan-out can use one; null: none here. */
const senders = new WeakMap<object, HotSender | null>();

/**
 * The process's sender for a fan-out's context, or none: the platform gave no services or
 * after-commit hook (a bare dispatcher), or the deployment does not send from here (`deliver` or
 * `send_at_once` off).
 */
export const hotSenderOf = (ctx: HandlerContext): HotSender | undefined => {
  const services = ctx.services;
  if (!services || !ctx.afterCommit) return undefined;
  const known = senders.get(services.config);
  if (known !== undefined) return known ?? undefined;
  const options = webhookOptions(services.config);
  const sender =
    options.deliver && options.send_at_once
      ? createHotSender({
          db: services.db,
          events: services.events,
          options,
          logger: services.logger.child({ component: 'webhook-sender' }),
          outbound: outboundFor(services.config),
          concurrency: options.concurrency,
          timeoutMs: options.timeout_ms,
        })
      : null;
  senders.set(services.config, sender);
  return sender ?? undefined;
};
