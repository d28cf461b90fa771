import type {} from '@rustok/events';
import { defineModule } from '@rustok/kernel';
import { sandboxErrors } from '@rustok/sandbox';
import { scriptingErrors } from './errors.js';
import { scriptingEvents } from './events.js';
import { scriptingGraphQL } from './graphql/scripts.js';
import { productWriteChecks } from './hooks/check-write.js';
import { scriptRunJob } from './jobs.js';
import { scriptingMcp } from './mcp.js';
import { registerScriptingMetrics } from './metrics.js';
import { scriptingMigrations } from './migrations.js';
import { ScriptingOptionsSchema } from './options.js';
import { runRoutes } from './routes/runs.js';
import { scriptRoutes } from './routes/scripts.js';
import { closeEngines } from './runtime/sandbox.js';
import { ScriptingTenantSettingsSchema } from './settings.js';
import { scriptEventTriggers } from './triggers/on-event.js';

/**
 * Scripting: a tenant's own scripts (JavaScript or TypeScript, compiled on save, versioned), run
 * in the sandbox (QuickJS in worker threads, with CPU, memory, stack and call budgets) on events,
 * on cron schedules, on their own endpoints or by hand, with a small host API (`ctx.kv`, `ctx.emit`,
 * `ctx.http.fetch`, `ctx.api`). Serves the sandbox's error codes.
 */
export const scriptingModule = defineModule({
  slug: 'scripting',
  name: 'Scripting',
  description: 'Tenant scripts on events, schedules, endpoints and by hand, in a sandbox with hard limits',
  version: '0.1.0',
  kind: 'optional',
  errors: [scriptingErrors, sandboxErrors],
  permissions: ['scripting.scripts.read', 'scripting.scripts.manage', 'scripting.scripts.execute'],
  options: ScriptingOptionsSchema,
  config: ScriptingTenantSettingsSchema,
  migrations: scriptingMigrations,
  /** Scripts read and tag products through commerce's contract (`ctx.api.products`), when commerce is there. */
  uses: [{ slug: 'commerce', optional: true }],
  events: { emits: scriptingEvents, handles: [scriptEventTriggers] },
  jobs: [scriptRunJob],
  /** Validate hooks check product creates and updates (commerce's product-write check port). */
  ports: { productWriteChecks },
  mcp: scriptingMcp,
  rest: async (app) => {
    registerScriptingMetrics(app.events.metrics.registry);
    const config = app.rustok.config;
    app.addHook('onClose', () => closeEngines(config));
    await app.register(scriptRoutes);
    await app.register(runRoutes);
  },
  graphql: scriptingGraphQL,
});
