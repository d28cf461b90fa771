import { trace } from '@opentelemetry/api';
import { createValidator, currentScope, type EventEnvelope, generateId, Id, Nullable, toFieldErrors } from '@rustok/kernel';
import { Type } from '@sinclair/typebox';
import type { EventCatalog } from './catalog.js';
import { eventsErrors } from './errors.js';
import type { NewEvent } from './types.js';

const EnvelopeSchema = Type.Object(
  {
    id: Id(),
    type: Type.String({ pattern: '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*){2,}$', maxLength: 128 }),
    schemaVersion: Type.Integer({ minimum: 1 }),
    tenantId: Id(),
    actorId: Nullable(Id()),
    correlationId: Type.String({ minLength: 1, maxLength: 128 }),
    causationId: Nullable(Id()),
    traceId: Nullable(Type.String({ pattern: '^[0-9a-f]{32}$' })),
    spanId: Type.Optional(Nullable(Type.String({ pattern: '^[0-9a-f]{16}$' }))),
    traceFlags: Type.Optional(Type.Integer({ minimum: 0, maximum: 255 })),
    occurredAt: Type.String({ format: 'date-time' }),
    retryCount: Type.Integer({ minimum: 0 }),
    payload: Type.Unknown(),
  },
  { additionalProperties: false },
);

const envelopeValidator = createValidator(EnvelopeSchema, '/');

type TraceFields = Pick<EventEnvelope, 'traceId' | 'spanId' | 'traceFlags'>;

/** The active span's ids: the event continues the trace of the request or handler that published it. */
const activeTrace = (): TraceFields => {
  const context = trace.getActiveSpan()?.spanContext();
  if (!context || !trace.isSpanContextValid(context)) return { traceId: null };
  return { traceId: context.traceId, spanId: context.spanId, traceFlags: context.traceFlags };
};

/** Fills in id, time, correlation (from the request scope) and trace and span (from the active span). */
export const createEnvelope = <P>(event: NewEvent<P>, catalog: EventCatalog): EventEnvelope<P> => {
  const id = generateId();
  const scope = currentScope();
  return {
    id,
    type: event.type,
    schemaVersion: event.schemaVersion ?? catalog.latestVersion(event.type) ?? 1,
    tenantId: event.tenantId,
    actorId: event.actorId ?? scope?.actorId ?? null,
    correlationId: scope?.correlationId ?? id,
    causationId: event.causationId ?? scope?.causationId ?? null,
    ...activeTrace(),
    occurredAt: new Date().toISOString(),
    retryCount: 0,
    payload: event.payload,
  };
};

/**
 * Refuses an event that is not in the catalog or whose envelope or payload breaks its schema,
 * listing every failing field (EVENT_INVALID, 422) — before anything is written.
 */
export const validateEnvelope = (envelope: EventEnvelope, catalog: EventCatalog): void => {
  const problems = envelopeValidator.errors(envelope);
  const entry = catalog.get(envelope.type, envelope.schemaVersion);
  if (!entry) {
    throw eventsErrors.EVENT_UNKNOWN_TYPE(`No module declares event ${envelope.type} v${envelope.schemaVersion}`);
  }
  if (!entry.validate(envelope.payload)) {
    problems.push(
      ...toFieldErrors(entry.validate.errors, envelope.payload, '/').map((p) => ({
        ...p,
        path: `/payload${p.path === '/' ? '' : p.path}`,
      })),
    );
  }
  if (problems.length > 0) {
    const detail = problems.map((p) => `${p.path} ${p.message}`).join('; ');
    throw eventsErrors.EVENT_INVALID(`Event ${envelope.type} v${envelope.schemaVersion} is invalid: ${detail}`, { errors: problems });
  }
};
