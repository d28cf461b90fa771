import type { Outbound } from '@rustok/outbound';
import type { Logger } from 'pino';
import { type AttemptResult, attemptDelivery } from './attempt.js';
import type { Sendable } from './sendable.js';

/**
 * The one send-and-record core of webhook delivery, fed by the delivery run's claims and by the
 * fan-out's deliveries sent at once: at most `concurrency` attempts in flight, each through the
 * SSRF-guarded client with no transaction open; finished attempts recorded together, one record
 * at a time: at once when nothing else is under way or a round's worth has finished, otherwise
 * after a short linger, so neither the database's round trips nor a slow receiver holds the rest up.
 */
export interface SendPipeline {
  /** Deliveries ready to send, with their queue entries claimed: sent as soon as a slot is free. */
  push(deliveries: readonly Sendable[]): void;
  /** Deliveries waiting for a slot. */
  waiting(): number;
  /** Everything it holds: waiting, in flight, finished and not yet recorded (or being recorded). */
  held(): number;
}

export interface SendPipelineOptions {
  readonly outbound: Outbound;
  readonly concurrency: number;
  readonly timeoutMs: number;
  readonly logger: Logger;
  /** Records finished attempts (each tenant's in its own transaction); never called twice at once. */
  record(results: readonly AttemptResult[]): Promise<void>;
  /** Called whenever a slot frees or a record ends (the delivery run's loop wakes on it). */
  readonly onChange?: () => void;
  /** How long finished attempts wait to be recorded together while others are in flight, in ms. */
  readonly lingerMs?: number;
}

export const createSendPipeline = (options: SendPipelineOptions): SendPipeline => {
  const { concurrency } = options;
  const ready: Sendable[] = [];
  let finished: AttemptResult[] = [];
  let recordingCount = 0;
  let inFlight = 0;
  let recording: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const flush = (force = false): void => {
    if (recording || finished.length === 0) return;
    const busy = inFlight > 0 || ready.length > 0;
    if (busy && !force && finished.length < concurrency) {
      timer ??= setTimeout(() => {
        timer = undefined;
        flush(true);
      }, options.lingerMs ?? 20);
      return;
    }
    if (timer) clearTimeout(timer);
    timer = undefined;
    const results = finished;
    finished = [];
    recordingCount = results.length;
    recording = options.record(results).finally(() => {
      recording = undefined;
      recordingCount = 0;
      flush();
      options.onChange?.();
    });
  };

  const pump = (): void => {
    while (inFlight < concurrency && ready.length > 0) {
      const delivery = ready.shift() as Sendable;
      inFlight++;
      void attemptDelivery(options.outbound, delivery, options.timeoutMs)
        .then(
          (result) => {
            finished.push(result);
          },
          // attemptDelivery turns every failure into a result; should it throw, the claim expires and a delivery run tries again.
          (error: unknown) => options.logger.warn({ err: error, deliveryId: delivery.id }, 'webhook attempt failed unrecorded'),
        )
        .finally(() => {
          inFlight--;
          pump();
          flush();
          options.onChange?.();
        });
    }
  };

  return {
    push(deliveries) {
      ready.push(...deliveries);
      pump();
    },
    waiting: () => ready.length,
    held: () => ready.length + inFlight + finished.length + recordingCount,
  };
};
