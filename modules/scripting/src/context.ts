import { contextOf, graphqlContextOf, type ModuleContext } from '@rustok/api';
import { type Config, fastifyOf, type GraphQLContext, type ModuleRegistry } from '@rustok/kernel';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type ScriptingOptions, scriptingOptions } from './options.js';

/** What every scripting use-case receives: the platform's module context, the deployment's settings and event types. */
export interface ScriptingContext extends ModuleContext {
  readonly config: Config;
  readonly options: ScriptingOptions;
  /** Every event type the deployment's modules publish (what an event trigger may name). */
  readonly eventTypes: readonly string[];
}

export const SCRIPTING_PERMISSION = {
  read: 'scripting.scripts.read',
  manage: 'scripting.scripts.manage',
  execute: 'scripting.scripts.execute',
} as const;

const typesOf = new WeakMap<ModuleRegistry, readonly string[]>();
const eventTypesOf = (registry: ModuleRegistry): readonly string[] => {
  let types = typesOf.get(registry);
  if (!types) {
    types = [...new Set(registry.modules.flatMap((m) => m.events.emits.map((e) => e.type)))].sort();
    typesOf.set(registry, types);
  }
  return types;
};

const extras = (app: FastifyInstance) => ({
  config: app.rustok.config,
  options: scriptingOptions(app.rustok.config),
  eventTypes: eventTypesOf(app.rustok.registry),
});

export const scriptingContextOf = (request: FastifyRequest): ScriptingContext => ({ ...contextOf(request), ...extras(request.server) });

/** The same for an MCP tool's handler: the caller's module context (`adminTool`'s) on the tool call's app. */
export const mcpScriptingContextOf = (ctx: ModuleContext, app: FastifyInstance): ScriptingContext => ({ ...ctx, ...extras(app) });

export const graphqlScriptingContextOf = (ctx: GraphQLContext): ScriptingContext => ({
  ...graphqlContextOf(ctx),
  ...extras(fastifyOf(ctx)),
});
