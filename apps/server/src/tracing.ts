import { context } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';

let installed = false;

/**
 * Makes the active trace follow async work (requests, event handlers), so the trace id of a
 * request reaches the events it publishes and the handlers that consume them. An exporter (an
 * OpenTelemetry SDK) can be added on top; without one, spans are not recorded but ids propagate.
 */
export const installTraceContext = (): void => {
  if (installed) return;
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  installed = true;
};
