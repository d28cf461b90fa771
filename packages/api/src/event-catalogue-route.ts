import type { ModuleDefinition } from '@rustok/kernel';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type {} from './access.js';
import { apiErrors } from './errors.js';
import { type CatalogueEvent, eventCataloguePage } from './event-catalogue-page.js';

const CatalogueEntry = Type.Object({
  type: Type.String(),
  version: Type.Integer({ minimum: 1 }),
  module: Type.String({ description: 'The module that publishes it' }),
  description: Type.String(),
  latest: Type.Boolean({ description: 'Whether this is the newest schema version of the type' }),
  schema: Type.String({ description: 'Path of the JSON Schema (2020-12) of its payload' }),
});
const SchemaParams = Type.Object({
  type: Type.String({ pattern: '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$', maxLength: 120 }),
  version: Type.String({ pattern: '^v[1-9][0-9]{0,3}$' }),
});

/** Every event the deployment's modules publish, newest version marked, sorted by type then version. */
export const catalogueOf = (modules: readonly ModuleDefinition[]): CatalogueEvent[] => {
  const events = modules.flatMap((mod) =>
    mod.events.emits.map((d) => ({
      type: d.type,
      version: d.schemaVersion,
      module: mod.slug,
      description: d.description ?? '',
      schema: `/api/v1/events/${d.type}/v${d.schemaVersion}`,
      payload: d.payload,
    })),
  );
  const newest = new Map<string, number>();
  for (const e of events) newest.set(e.type, Math.max(newest.get(e.type) ?? 0, e.version));
  return events
    .map((e) => ({ ...e, latest: newest.get(e.type) === e.version }))
    .sort((a, b) => a.type.localeCompare(b.type) || a.version - b.version);
};

/** The payload schema as a standalone JSON Schema 2020-12 document. */
const schemaDocument = (event: CatalogueEvent): Record<string, unknown> => ({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: event.schema,
  title: `${event.type} v${event.version}`,
  ...(event.description ? { description: event.description } : {}),
  ...(event.payload as Record<string, unknown>),
});

const PUBLIC = { access: { public: true, tenant: false } } as const;
const CACHE = 'public, max-age=300';

/**
 * The event catalogue, for webhook receivers and other consumers: `GET /api/v1/events` (every type
 * and version with its module, meaning and schema path), `GET /api/v1/events/{type}/v{n}` (the
 * payload's JSON Schema) and the same as a page at `/docs/events`. Public and the same for every
 * tenant (no tenant data): it runs without a resolved tenant. The checked-in copies are
 * `schemas/events/*.json`.
 */
export const registerEventCatalogueRoutes = (app: FastifyInstance, modules: readonly ModuleDefinition[]): void => {
  const events = catalogueOf(modules);
  const list = { events: events.map(({ payload: _payload, ...entry }) => entry) };
  const page = eventCataloguePage(events);
  app.get(
    '/api/v1/events',
    {
      config: PUBLIC,
      schema: {
        tags: ['platform'],
        summary: 'The event catalogue: every event type and version the deployment publishes',
        response: { 200: Type.Object({ events: Type.Array(CatalogueEntry) }) },
      },
    },
    async (_request, reply) => reply.header('cache-control', CACHE).send(list),
  );
  app.get<{ Params: { type: string; version: string } }>(
    '/api/v1/events/:type/:version',
    {
      config: PUBLIC,
      schema: {
        tags: ['platform'],
        summary: "An event's payload schema (JSON Schema 2020-12)",
        params: SchemaParams,
        response: { 200: Type.Object({}, { additionalProperties: true }), 404: { $ref: 'Problem#' } },
      },
    },
    async (request, reply) => {
      const { type, version } = request.params;
      const event = events.find((e) => e.type === type && `v${e.version}` === version);
      if (!event) throw apiErrors.EVENT_TYPE_NOT_FOUND(`No event ${type} ${version} in this deployment`);
      return reply
        .header('cache-control', CACHE)
        .type('application/schema+json')
        .send(JSON.stringify(schemaDocument(event)));
    },
  );
  app.get('/docs/events', { schema: { hide: true } }, async (_request, reply) =>
    reply.header('cache-control', CACHE).type('text/html; charset=utf-8').send(page),
  );
};
