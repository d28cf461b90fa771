import { randomBytes } from 'node:crypto';
import { type Context, context, TraceFlags, trace } from '@opentelemetry/api';
import type { EventEnvelope } from '@rustok/kernel';

/**
 * The context a handler runs in: a remote parent span carrying the publisher's trace id, so
 * spans the handler starts (and events it publishes) continue the same trace.
 */
export const handlerTraceContext = (event: EventEnvelope): Context => {
  if (!event.traceId) return context.active();
  return trace.setSpanContext(context.active(), {
    traceId: event.traceId,
    spanId: randomBytes(8).toString('hex'),
    traceFlags: TraceFlags.SAMPLED,
    isRemote: true,
  });
};

export const withEventTrace = <T>(event: EventEnvelope, fn: () => Promise<T>): Promise<T> => context.with(handlerTraceContext(event), fn);
