import { createRequire } from 'node:module';
import { propagation, trace } from '@opentelemetry/api';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { type Instrumentation, registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, ParentBasedSampler, TraceIdRatioBasedSampler } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { TelemetryConfig } from '@rustok/kernel';
import type { Logger } from 'pino';
import type { Tracing } from './tracing-types.js';

/** Not worth a span: probes and scrapes. */
const QUIET_PATHS = /^\/(health\/|metrics(\?|$))/;

const createInstrumentations = (): Instrumentation[] => [
  new HttpInstrumentation({
    ignoreIncomingRequestHook: (request) => QUIET_PATHS.test(request.url ?? ''),
    requireParentforOutgoingSpans: true,
  }),
  // Only queries inside a request, handler or relay span: not the relay's idle polling.
  new PgInstrumentation({ requireParentSpan: true }),
  new UndiciInstrumentation({ requireParentforSpans: true }),
];

/**
 * The instrumentations patch CommonJS modules when they are `require`d. The server is ESM: an
 * `import` of `pg` (CommonJS) or of `node:http` does not go through `require`, and the modules may
 * already be loaded. Requiring them once more here hands the loaded exports to the instrumentations,
 * which patch the shared prototypes (`pg.Client`, `http.Server`) in place.
 */
const PATCHED_MODULES = ['pg', 'http', 'https'] as const;

const patchLoadedModules = (logger: Logger): void => {
  const load = createRequire(import.meta.url);
  for (const name of PATCHED_MODULES) {
    try {
      load(name);
    } catch (error) {
      logger.warn({ err: error, module: name }, 'tracing: module not instrumented');
    }
  }
};

/**
 * Made and hooked once per process: the module hooks remember the modules they patched, so a
 * second server in the same process (tests) re-enables these rather than making new ones.
 */
let instrumentations: Instrumentation[] | undefined;

const enableInstrumentations = (provider: NodeTracerProvider, logger: Logger): void => {
  if (!instrumentations) {
    instrumentations = createInstrumentations();
    registerInstrumentations({ instrumentations, tracerProvider: provider });
    patchLoadedModules(logger);
    return;
  }
  for (const instrumentation of instrumentations) {
    instrumentation.setTracerProvider(provider);
    instrumentation.enable();
  }
};

const disableInstrumentations = (): void => {
  for (const instrumentation of instrumentations ?? []) instrumentation.disable();
};

export interface SdkOptions {
  readonly version: string;
  readonly environment?: string;
  readonly logger: Logger;
}

/** Starts the OpenTelemetry SDK: a tracer provider exporting over OTLP/HTTP and the instrumentations. */
export const startSdk = (telemetry: TelemetryConfig, options: SdkOptions): Tracing => {
  const exporter = new OTLPTraceExporter(telemetry.otlp_endpoint ? { url: telemetry.otlp_endpoint } : {});
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      'service.name': telemetry.service_name,
      'service.version': options.version,
      ...(options.environment ? { 'deployment.environment.name': options.environment } : {}),
    }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(telemetry.sample_ratio) }),
    spanProcessors: [new BatchSpanProcessor(exporter, { scheduledDelayMillis: telemetry.export_delay_ms })],
  });
  trace.setGlobalTracerProvider(provider);
  propagation.setGlobalPropagator(new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }));
  enableInstrumentations(provider, options.logger);
  options.logger.info(
    { exporter: telemetry.exporter, endpoint: telemetry.otlp_endpoint, ratio: telemetry.sample_ratio },
    'tracing started',
  );
  return {
    enabled: true,
    flush: () => provider.forceFlush(),
    async shutdown() {
      disableInstrumentations();
      await provider.shutdown();
      trace.disable();
      propagation.disable();
    },
  };
};
