import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { context, SpanKind, trace } from '@opentelemetry/api';
import { isWrapped } from '@opentelemetry/instrumentation';
import type { EventEnvelope } from '@rustok/kernel';
import { APP_ROLE, createMigratedDatabase, describeEachBackend, embeddedTestImage, type TestBackend } from '@rustok/testing';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { PLATFORM_MODULES } from '../src/boot.js';
import { builtInModules } from '../src/modules.generated.js';
import { type RunningServer, startServer } from '../src/start.js';

interface ReceivedSpan {
  readonly service: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly name: string;
  readonly kind: number;
  readonly attributes: Record<string, unknown>;
  readonly links: readonly { traceId: string; spanId: string }[];
}

/** OTLP span kinds (the protocol's enum is the API's plus one). */
const KIND = { server: SpanKind.SERVER + 1, client: SpanKind.CLIENT + 1, consumer: SpanKind.CONSUMER + 1 };

const ADMIN = { email: 'tracer@example.com', password: 'Trace-Test-Passw0rd!' };
const hex = (bytes: number) => randomBytes(bytes).toString('hex');

let receiver: ChildProcess;
let endpoint: string;
const received: ReceivedSpan[] = [];

beforeAll(async () => {
  receiver = fork(fileURLToPath(new URL('./fixtures/otlp-receiver.mjs', import.meta.url)), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    receiver.once('error', reject);
    receiver.on('message', (message: { port?: number; spans?: ReceivedSpan[] }) => {
      if (message.port) resolve(message.port);
      if (message.spans) received.push(...message.spans);
    });
  });
  endpoint = `http://127.0.0.1:${port}/v1/traces`;
});
afterAll(() => {
  receiver?.disconnect();
});

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const boot = async (backend: TestBackend, telemetry: Record<string, unknown>): Promise<RunningServer> => {
  const env: Record<string, string> = { RUSTOK_ADMIN_EMAIL: ADMIN.email, RUSTOK_ADMIN_PASSWORD: ADMIN.password };
  if (backend.name === 'postgres') {
    const scratch = await createMigratedDatabase(backend.url ?? '', APP_ROLE, [...PLATFORM_MODULES, ...builtInModules]);
    cleanups.push(scratch.drop);
    env.DATABASE_URL = scratch.url;
  } else {
    const dir = await mkdtemp(join(tmpdir(), 'rustok-tracing-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    env.RUSTOK_DATABASE__DATA_DIR = dir;
  }
  // Either database starts migrated (a PostgreSQL template or an embedded image, made once), as a restart finds it.
  const server = await startServer({
    environment: 'test',
    env,
    overrides: { telemetry },
    shutdown: { signals: [], exit: () => {} },
    embeddedImage: embeddedTestImage,
  });
  cleanups.push(() => server.stop());
  return server;
};

const call = async (
  server: RunningServer,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
) => {
  const response = await fetch(`${server.address}/api/v1${path}`, {
    method,
    headers: {
      'x-tenant-id': 'default',
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

const signIn = async (server: RunningServer): Promise<string> => {
  const login = await call(server, 'POST', '/auth/login', { body: ADMIN });
  expect(login.status).toBe(200);
  return login.body.accessToken as string;
};

/** Creates a product with a `traceparent` of trace `traceId`, parent span `parentId`; returns its id. */
const createProduct = async (server: RunningServer, token: string, traceId: string, parentId: string): Promise<string> => {
  const created = await call(server, 'POST', '/commerce/products', {
    token,
    headers: { traceparent: `00-${traceId}-${parentId}-01` },
    body: { title: `Traced ${hex(4)}`, status: 'published', variants: [{ title: 'One', prices: [{ amount: 1250, currencyCode: 'USD' }] }] },
  });
  expect(created.status).toBe(201);
  return created.body.id as string;
};

const createdEvent = async (server: RunningServer, productId: string): Promise<EventEnvelope> => {
  const { rows } = await server.db.query<{ envelope: EventEnvelope }>(
    `SELECT envelope FROM sys_events WHERE type = 'commerce.product.created' AND envelope->'payload'->>'productId' = $1`,
    [productId],
  );
  expect(rows).toHaveLength(1);
  return (rows[0] as { envelope: EventEnvelope }).envelope;
};

const waitForSpan = async (server: RunningServer, predicate: (span: ReceivedSpan) => boolean): Promise<ReceivedSpan> => {
  const deadline = Date.now() + 15_000;
  for (;;) {
    await server.tracing.flush();
    const span = received.find(predicate);
    if (span) return span;
    if (Date.now() > deadline)
      throw new Error(`span not received in time; received: ${received.map((s) => `${s.name} ${s.traceId}`).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

/** A whole server boots per test (every module's migrations; PGlite on a shared machine is slow). */
const BOOT_TIMEOUT = 180_000;

describeEachBackend('tracing', (backend) => {
  it(
    'continues an incoming traceparent through the request, its event and the index consumer, exported over OTLP',
    async () => {
      const server = await boot(backend, { exporter: 'otlp', otlp_endpoint: endpoint, service_name: 'rustok-test', export_delay_ms: 50 });
      expect(server.tracing.enabled).toBe(true);
      expect(isWrapped(http.Server.prototype.emit)).toBe(true);
      const token = await signIn(server);
      const traceId = hex(16);
      const callerSpanId = hex(8);
      const productId = await createProduct(server, token, traceId, callerSpanId);

      const event = await createdEvent(server, productId);
      expect(event.traceId).toBe(traceId);
      expect(event.spanId).toMatch(/^[0-9a-f]{16}$/);
      expect(event.traceFlags).toBe(1);

      // The HTTP server span continues the caller's trace, and the event was published inside it.
      const serverSpan = await waitForSpan(server, (s) => s.kind === KIND.server && s.traceId === traceId);
      expect(serverSpan).toMatchObject({
        service: 'rustok-test',
        parentSpanId: callerSpanId,
        spanId: event.spanId,
        name: 'POST /api/v1/commerce/products',
      });

      // The index consumer's span is a child of the publisher's span, in the same trace.
      const consumerSpan = await waitForSpan(server, (s) => s.name === 'index.products process' && s.traceId === traceId);
      expect(consumerSpan).toMatchObject({ kind: KIND.consumer, parentSpanId: event.spanId });

      // The relay's delivery links to the publisher's span.
      const relaySpan = await waitForSpan(
        server,
        (s) => s.name === 'rustok.events relay' && s.links.some((l) => l.spanId === event.spanId),
      );
      expect(relaySpan.links).toContainEqual({ traceId, spanId: event.spanId });

      if (backend.name === 'postgres') {
        // pg: the request's statements and the consumer's statements are spans of the same trace.
        const isQuery = (s: ReceivedSpan) => s.attributes['db.system.name'] === 'postgresql' || s.attributes['db.system'] === 'postgresql';
        await waitForSpan(server, (s) => isQuery(s) && s.traceId === traceId && s.parentSpanId === serverSpan.spanId);
        await waitForSpan(server, (s) => isQuery(s) && s.traceId === traceId && s.parentSpanId === consumerSpan.spanId);
      }

      // undici: an outgoing fetch inside a span gets a client span, and its traceparent continues into the server.
      const outer = trace.getTracer('tracing-test').startSpan('caller');
      const read = await context.with(trace.setSpan(context.active(), outer), () =>
        fetch(`${server.address}/api/v1/commerce/products/${productId}`, {
          headers: { 'x-tenant-id': 'default', authorization: `Bearer ${token}` },
        }),
      );
      outer.end();
      expect(read.status).toBe(200);
      const outerTrace = outer.spanContext().traceId;
      const client = await waitForSpan(
        server,
        (s) => s.kind === KIND.client && s.traceId === outerTrace && s.parentSpanId === outer.spanContext().spanId,
      );
      await waitForSpan(server, (s) => s.kind === KIND.server && s.traceId === outerTrace && s.parentSpanId === client.spanId);
    },
    BOOT_TIMEOUT,
  );

  it(
    'with no exporter starts no SDK, and events still carry the incoming trace',
    async () => {
      const server = await boot(backend, {});
      expect(server.tracing.enabled).toBe(false);
      // Nothing patched (also after an earlier server with tracing on stopped) and no tracer provider.
      expect(isWrapped(http.Server.prototype.emit)).toBe(false);
      const probe = trace.getTracer('tracing-test').startSpan('probe');
      expect(probe.isRecording()).toBe(false);
      probe.end();
      const before = received.length;

      const token = await signIn(server);
      const traceId = hex(16);
      const callerSpanId = hex(8);
      const event = await createdEvent(server, await createProduct(server, token, traceId, callerSpanId));
      expect(event).toMatchObject({ traceId, spanId: callerSpanId, traceFlags: 1 });
      expect(received.length).toBe(before);
    },
    BOOT_TIMEOUT,
  );
});
