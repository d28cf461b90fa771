import { adminTool, catalogueOf } from '@rustok/api';
import type { McpResource, ModuleMcp } from '@rustok/kernel';
import { Type } from '@sinclair/typebox';
import { EventStats } from './admin-routes.js';

/**
 * `event_stats`: the outbox's backlog, dead letters and counts per event type, as
 * `GET /admin/events/stats` answers them. They cover every tenant, so the tool is the platform
 * administrator's (`events.admin.read`, which no tenant role holds).
 */
const eventStats = adminTool({
  name: 'event_stats',
  title: 'Event system statistics',
  description:
    'The platform event outbox: transport, backlog, age of the oldest pending event, dead letters and counts per event type (all tenants).',
  input: Type.Object({}, { additionalProperties: false }),
  output: EventStats,
  effect: 'read',
  permission: 'events.admin.read',
  run: async (_c, _input, call) => {
    const stats = await call.app.events.stats();
    return { ...stats, byType: [...stats.byType] };
  },
});

/** `rustok://events/catalogue`: every event type and version the deployment publishes (public, as GET /events). */
const catalogue: McpResource = {
  uri: 'rustok://events/catalogue',
  name: 'event_catalogue',
  title: 'Event catalogue',
  description:
    'Every event type and version the platform publishes (what webhooks and scripts can subscribe to): module, meaning, payload schema path.',
  mimeType: 'application/json',
  surface: 'admin',
  permission: null,
  read: async (ctx) => JSON.stringify(catalogueOf(ctx.app.rustok.registry.modules).map(({ payload: _payload, ...event }) => event)),
};

/** The event system's tool for the platform administrator, and its catalogue for any staff member. */
export const eventsMcp: ModuleMcp = { tools: [eventStats], resources: [catalogue] };
