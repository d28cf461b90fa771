import { randomBytes } from 'node:crypto';
import {
  type Attributes,
  type Context,
  context,
  type Link,
  type SpanContext,
  SpanKind,
  SpanStatusCode,
  TraceFlags,
  trace,
} from '@opentelemetry/api';
import type { EventEnvelope } from '@rustok/kernel';

/** Looked up per span, so a tracer provider registered (or replaced) later is used. */
const tracer = () => trace.getTracer('@rustok/events');

/**
 * The span an event was published in, as a remote span context. Events from before span ids were
 * recorded get a made-up parent span in the publisher's trace.
 */
const publisherSpanContext = (event: EventEnvelope): SpanContext | undefined => {
  if (!event.traceId) return undefined;
  return {
    traceId: event.traceId,
    spanId: event.spanId ?? randomBytes(8).toString('hex'),
    traceFlags: event.traceFlags ?? TraceFlags.SAMPLED,
    isRemote: true,
  };
};

const linksOf = (events: readonly EventEnvelope[]): Link[] =>
  events.flatMap((event) => {
    const spanContext = publisherSpanContext(event);
    return spanContext ? [{ context: spanContext, attributes: { 'messaging.message.id': event.id } }] : [];
  });

/** The context a handler of `event` runs in: the publisher's span as its parent. */
const handlerTraceContext = (event: EventEnvelope, base: Context = context.active()): Context => {
  const parent = publisherSpanContext(event);
  return parent ? trace.setSpanContext(base, parent) : base;
};

/** Runs `fn` as the active span `span` of `parent`, ending it with the outcome. */
const runInSpan = async <T>(
  name: string,
  parent: Context,
  options: { kind: SpanKind; links: Link[]; attributes: Attributes },
  fn: () => Promise<T>,
) => {
  const span = tracer().startSpan(name, options, parent);
  try {
    return await context.with(trace.setSpan(parent, span), fn);
  } catch (error) {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
    throw error;
  } finally {
    span.end();
  }
};

/**
 * Runs a consumer's handler in a span that is a child of the publisher's span of the event (the
 * last one of a batch) and, for a batch, links to every event's publisher span. Spans the handler
 * starts (queries) and events it publishes continue that trace. Without a tracer provider the span
 * records nothing but still carries the publisher's trace.
 */
export const withHandlerSpan = <T>(consumer: string, events: readonly EventEnvelope[], fn: () => Promise<T>): Promise<T> => {
  const last = events.at(-1);
  if (!last) return fn();
  const attributes: Attributes = {
    'messaging.system': 'rustok',
    'messaging.operation.type': 'process',
    'messaging.consumer.group.name': consumer,
    'messaging.destination.name': last.type,
    'messaging.message.id': last.id,
    'messaging.batch.message_count': events.length,
    'rustok.tenant_id': last.tenantId,
  };
  const links = events.length > 1 ? linksOf(events) : [];
  return runInSpan(`${consumer} process`, handlerTraceContext(last), { kind: SpanKind.CONSUMER, links, attributes }, fn);
};

/** Runs one relay delivery in its own span, linked to the publisher span of every event it carries. */
export const withRelaySpan = <T>(events: readonly EventEnvelope[], fn: () => Promise<T>): Promise<T> =>
  runInSpan(
    'rustok.events relay',
    context.active(),
    {
      kind: SpanKind.PRODUCER,
      links: linksOf(events),
      attributes: { 'messaging.system': 'rustok', 'messaging.batch.message_count': events.length },
    },
    fn,
  );
