import { adminTool } from '@rustok/api';
import type { ModuleMcp } from '@rustok/kernel';
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

/** The event system's tool for the platform administrator. */
export const eventsMcp: ModuleMcp = { tools: [eventStats] };
