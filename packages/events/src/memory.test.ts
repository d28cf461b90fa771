import { AppError, type EventEnvelope } from '@rustok/kernel';
import pino from 'pino';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createMemoryTransport } from './memory.js';
import { createEventMetrics } from './metrics.js';
import { testEnvelope } from './test-fixtures/envelope.js';
import type { DeliveryResult, EventSink } from './types.js';

const envelope = (): EventEnvelope => testEnvelope();

/** A sink that holds every batch until released, so the queue can be filled. */
const gatedSink = () => {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  const delivered: string[] = [];
  const sink: EventSink = {
    async deliver(events) {
      await gate;
      for (const e of events) delivered.push(e.id);
      return new Map<string, DeliveryResult>(events.map((e) => [e.id, { ok: true }]));
    },
  };
  return { sink, open, delivered };
};

const logger = pino({ level: 'silent' });

describe('memory transport', () => {
  it('reports normal, warning and critical at 70% and 90% of capacity and refuses at critical with a coded error', async () => {
    const { sink, open, delivered } = gatedSink();
    const metrics = createEventMetrics(new Registry());
    const memory = createMemoryTransport({ sink, logger, metrics, capacity: 100, batchSize: 1 });
    await memory.publish(envelope()); // taken by the (blocked) first delivery
    await new Promise((r) => setTimeout(r, 5));
    for (let i = 0; i < 69; i++) await memory.publish(envelope());
    expect(memory.state()).toBe('normal');
    await memory.publish(envelope());
    expect(memory.state()).toBe('warning');
    for (let i = 0; i < 19; i++) await memory.publish(envelope());
    expect(memory.depth()).toBe(89);
    await memory.publish(envelope());
    expect(memory.state()).toBe('critical');
    const refused = await memory.publish(envelope()).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'EVENTS_BACKPRESSURE', status: 503 });
    expect((await metrics.memoryRejected.get()).values[0]?.value).toBe(1);
    expect((await metrics.memoryAccepted.get()).values[0]?.value).toBe(91);
    open();
    await memory.idle();
    expect(delivered).toHaveLength(91);
    expect(memory.state()).toBe('normal');
  });

  it('takes warning and critical levels from its options', async () => {
    const { sink } = gatedSink();
    const memory = createMemoryTransport({ sink, logger, capacity: 10, warningRatio: 0.2, criticalRatio: 0.5, batchSize: 1 });
    await memory.publish(envelope());
    await new Promise((r) => setTimeout(r, 5));
    await memory.publish(envelope());
    await memory.publish(envelope());
    expect(memory.state()).toBe('warning');
    await memory.publish(envelope());
    await memory.publish(envelope());
    await memory.publish(envelope());
    expect(memory.state()).toBe('critical');
    await expect(memory.publishBatch([envelope()])).rejects.toMatchObject({ code: 'EVENTS_BACKPRESSURE' });
  });

  it('retries a failed delivery and gives up after maxAttempts', async () => {
    const attempts = new Map<string, number>();
    const sink: EventSink = {
      async deliver(events) {
        return new Map(
          events.map((e) => {
            attempts.set(e.id, (attempts.get(e.id) ?? 0) + 1);
            return [e.id, { ok: false, error: 'nope', consumers: ['x.y'] } as const];
          }),
        );
      },
    };
    const memory = createMemoryTransport({ sink, logger, capacity: 10, maxAttempts: 3, backoffBaseMs: 1 });
    const e = envelope();
    await memory.publish(e);
    await memory.idle();
    expect(attempts.get(e.id)).toBe(3);
  });
});
