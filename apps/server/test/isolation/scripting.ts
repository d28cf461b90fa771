import { expect } from 'vitest';
import { createdInA, listedIds, pageListsOnlyA, refusedForB, refusedRoute } from './checks.js';
import { type Area, defineArea, type Side, type World } from './world.js';

/**
 * Scripting: a tenant's scripts (named by id), their versions and executions, and their own
 * endpoints (named by script name). The suite's deployment runs no queued executions
 * (`run_queued: false`), so nothing of B changes while A calls.
 */

interface ScriptingObjects {
  readonly scriptId: string;
  readonly name: string;
  /** A secret the script stored in its key-value store in its first run. */
  readonly stored: string;
}

const scripting = (side: Side): ScriptingObjects => scriptingArea.of(side);
const scriptOfB = { id: (w: World) => scripting(w.b).scriptId };
const ofB = (w: World) => ({ id: scripting(w.b).scriptId });
const NOT_FOUND = 'SCRIPTING_SCRIPT_NOT_FOUND';
const SOURCE = 'await ctx.kv.set("stored", ctx.input); return { stored: true };';

export const scriptingArea: Area<ScriptingObjects> = defineArea<ScriptingObjects>({
  name: 'scripting',
  async setup({ side, call, created }) {
    const name = `hook-${side.tenant.slug}`;
    const scriptId = await created('/api/v1/scripting/scripts', {
      name,
      source: SOURCE,
      triggers: [{ kind: 'manual' }, { kind: 'http' }],
    });
    const stored = `kept by ${side.tenant.slug}`;
    const run = await call('POST', `/api/v1/scripting/scripts/${scriptId}/run`, side.admin, { input: stored });
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json()).toMatchObject({ ok: true });
    return { scriptId, name, stored };
  },
  secretsOf: (o) => [o.scriptId, o.stored],
  tablesWithData: ['scripting_scripts', 'scripting_versions', 'scripting_triggers', 'scripting_executions', 'scripting_kv'],
  routes: {
    'GET /api/v1/scripting/scripts': {
      kind: 'tenant',
      after: async (w, res) => expect(listedIds(res)).toContain(scripting(w.a).scriptId),
    },
    'POST /api/v1/scripting/scripts': { kind: 'tenant', body: () => ({ name: 'made-by-a', source: 'return 1' }), status: 201 },
    'GET /api/v1/scripting/scripts/{id}': refusedRoute(scriptOfB, NOT_FOUND),
    'PATCH /api/v1/scripting/scripts/{id}': refusedRoute(scriptOfB, NOT_FOUND, { body: () => ({ source: 'return 2' }) }),
    'DELETE /api/v1/scripting/scripts/{id}': refusedRoute(scriptOfB, NOT_FOUND),
    'POST /api/v1/scripting/scripts/{id}/enable': refusedRoute(scriptOfB, NOT_FOUND),
    'POST /api/v1/scripting/scripts/{id}/disable': refusedRoute(scriptOfB, NOT_FOUND),
    'GET /api/v1/scripting/scripts/{id}/versions': refusedRoute(scriptOfB, NOT_FOUND),
    'POST /api/v1/scripting/scripts/{id}/versions/{version}/rollback': refusedRoute({ ...scriptOfB, version: () => '1' }, NOT_FOUND),
    'POST /api/v1/scripting/scripts/{id}/run': refusedRoute(scriptOfB, NOT_FOUND, { body: () => ({ input: 'by A' }) }),
    'POST /api/v1/scripting/scripts/{id}/dry-run': refusedRoute(scriptOfB, NOT_FOUND, { body: () => ({ input: 'by A' }) }),
    'GET /api/v1/scripting/scripts/{id}/executions': refusedRoute(scriptOfB, NOT_FOUND),
    'POST /api/v1/hooks/{script}': refusedRoute({ script: (w) => scripting(w.b).name }, NOT_FOUND, {
      public: true,
      body: () => ({ input: 'by A' }),
    }),
  },
  graphql: {
    'Query.scriptingScripts': pageListsOnlyA(
      'scriptingScripts',
      '{ scriptingScripts(first: 100) { items { id name } } }',
      (w) => scripting(w.a).scriptId,
    ),
    'Query.scriptingScript': refusedForB('query ($id: ID!) { scriptingScript(id: $id) { id source } }', ofB, NOT_FOUND),
    'Query.scriptingScriptVersions': refusedForB(
      'query ($id: ID!) { scriptingScriptVersions(id: $id) { version source } }',
      ofB,
      NOT_FOUND,
    ),
    'Query.scriptingExecutions': refusedForB(
      'query ($id: ID!) { scriptingExecutions(scriptId: $id) { items { id log } } }',
      ofB,
      NOT_FOUND,
    ),
    'Mutation.createScriptingScript': createdInA(
      'mutation { createScriptingScript(input: { name: "made-by-a-over-graphql", source: "return 1" }) { id } }',
      {},
      'createScriptingScript',
      'scripting_scripts',
    ),
    'Mutation.updateScriptingScript': refusedForB(
      'mutation ($id: ID!) { updateScriptingScript(id: $id, input: { source: "return 3" }) { id } }',
      ofB,
      NOT_FOUND,
    ),
    'Mutation.deleteScriptingScript': refusedForB('mutation ($id: ID!) { deleteScriptingScript(id: $id) }', ofB, NOT_FOUND),
    'Mutation.enableScriptingScript': refusedForB('mutation ($id: ID!) { enableScriptingScript(id: $id) { id } }', ofB, NOT_FOUND),
    'Mutation.disableScriptingScript': refusedForB('mutation ($id: ID!) { disableScriptingScript(id: $id) { id } }', ofB, NOT_FOUND),
    'Mutation.rollbackScriptingScript': refusedForB(
      'mutation ($id: ID!) { rollbackScriptingScript(id: $id, version: 1) { id } }',
      ofB,
      NOT_FOUND,
    ),
    'Mutation.runScriptingScript': refusedForB(
      'mutation ($id: ID!) { runScriptingScript(id: $id, input: { input: "by A" }) { ok output } }',
      ofB,
      NOT_FOUND,
    ),
    'Mutation.dryRunScriptingScript': refusedForB(
      'mutation ($id: ID!) { dryRunScriptingScript(id: $id, input: { input: "by A" }) { ok output } }',
      ofB,
      NOT_FOUND,
    ),
  },
});
