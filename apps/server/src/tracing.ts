import { context, defaultTextMapGetter, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { getRPCMetadata, RPCType, W3CTraceContextPropagator } from '@opentelemetry/core';
import type { Config } from '@rustok/kernel';
import type { FastifyInstance } from 'fastify';
import type { Tracing, TracingOptions } from './tracing-types.js';

export type { Tracing, TracingOptions } from './tracing-types.js';

let installed = false;

/**
 * Makes the active trace follow async work (requests, event handlers), so the trace id of a
 * request reaches the events it publishes and the handlers that consume them.
 */
export const installTraceContext = (): void => {
  if (installed) return;
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  installed = true;
};

const OFF: Tracing = { enabled: false, flush: async () => {}, shutdown: async () => {} };

/**
 * With `telemetry.exporter: none` (the default) no SDK is loaded or started: ids still propagate
 * (see `registerTraceContinuation`) but nothing is recorded. With `otlp` the SDK, its exporter and
 * the HTTP, pg and undici instrumentations are loaded (only then) and started.
 */
export const startTracing = async (config: Config & { environment?: string }, options: TracingOptions): Promise<Tracing> => {
  installTraceContext();
  if (config.telemetry.exporter === 'none') return OFF;
  const { startSdk } = await import('./tracing-sdk.js');
  return startSdk(config.telemetry, { ...options, environment: config.environment });
};

const propagator = new W3CTraceContextPropagator();

/**
 * Every request continues the trace of an incoming W3C `traceparent`. With the SDK on, the HTTP
 * instrumentation has already opened the server span in that trace (this hook then only names the
 * span after the route); with it off, the incoming span context becomes the active one, so events
 * published by the request still carry the caller's trace id.
 */
export const registerTraceContinuation = (app: FastifyInstance): void => {
  app.addHook('onRequest', (request, _reply, done) => {
    const active = context.active();
    const rpc = getRPCMetadata(active);
    if (rpc?.type === RPCType.HTTP && request.routeOptions.url) rpc.route = request.routeOptions.url;
    if (trace.getSpan(active) || request.headers.traceparent === undefined) return done();
    const continued = propagator.extract(active, request.headers, defaultTextMapGetter);
    if (!trace.getSpan(continued)) return done();
    context.with(continued, done);
  });
};
