import type { TObject, TSchema } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { Logger } from 'pino';
import type { ModuleCommandGroup } from './commands.js';
import type { Config } from './config/schema.js';
import type { ErrorCatalogue } from './error-catalogue.js';
import type { ModuleEvents } from './events.js';
import type { GraphQLBuilder } from './graphql-builder.js';
import type { JobServices, ModuleJob } from './jobs.js';
import type { ModuleMcp } from './mcp.js';
import type { SqlRunner } from './sql-runner.js';

/**
 * A schema migration. The name is `mYYYYMMDD_<module>_<nnn>_<desc>`; `up` is SQL text (may hold
 * several statements) or a function over the migration's transaction.
 */
export interface Migration {
  readonly name: string;
  readonly up: string | ((db: SqlRunner) => Promise<void>);
}

export interface HealthResult {
  readonly status: 'ok' | 'degraded' | 'unavailable';
  readonly reason?: string;
}

export interface HealthCheck {
  readonly name: string;
  /** A failing critical check makes the instance unready (503); a non-critical one only degrades it. */
  readonly critical: boolean;
  readonly check: () => Promise<HealthResult>;
}

/** An event a seed publishes: the envelope (tenant, id, time) is filled in by the platform. */
export interface SeedEvent {
  readonly type: string;
  readonly payload: unknown;
}

export interface SeedContext {
  /** A transaction of the tenant the demo data belongs to (the default tenant). */
  readonly db: SqlRunner;
  readonly tenantId: string;
  readonly logger: Logger;
  /**
   * Publishes an event in this transaction through the platform's event bus (the outbox, like
   * every write), so read models such as the storefront index pick the demo data up.
   */
  publish(type: string, payload: unknown): Promise<void>;
  /** Several events of this transaction in one outbox write. */
  publishAll(events: readonly SeedEvent[]): Promise<void>;
}

export interface LifecycleContext {
  readonly tenantId: string;
  readonly db: SqlRunner;
  readonly logger: Logger;
}

export type ModuleKind = 'core' | 'optional';

/**
 * Ports a module may back for the platform, by name. Empty here (the kernel knows no domain): the
 * package that defines a port adds it by declaration merging (auth: `outboundMessages`), so a
 * module's `ports` entry is typed without the kernel depending on that package.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by declaration merging
export interface ModulePorts {}

/** What a port factory gets: the platform's services (as jobs get them), the configuration and a logger. */
export interface PortContext extends JobServices {
  readonly config: Config;
  readonly logger: Logger;
}

/** A module's factories of ports; one returning undefined leaves the port to the platform's default (e.g. not configured). */
export type ModulePortFactories = { readonly [K in keyof ModulePorts]?: (ctx: PortContext) => ModulePorts[K] | undefined };

/** A module used through its contract; `optional`: the deployment may leave it out. */
export interface ModuleUse {
  readonly slug: string;
  readonly optional?: boolean;
}

/** Slugs this module needs: its dependencies and its uses that are not optional. */
export const requiredModules = (mod: Pick<ModuleDefinition, 'dependencies' | 'uses'>): string[] => [
  ...new Set([...mod.dependencies, ...(mod.uses ?? []).filter((u) => !u.optional).map((u) => u.slug)]),
];

/** Slugs of the modules this one uses only when they are there. */
export const optionalModules = (mod: Pick<ModuleDefinition, 'uses'>): string[] =>
  (mod.uses ?? []).filter((u) => u.optional === true).map((u) => u.slug);

export interface ModuleDefinition {
  /** Lower-case identifier, unique in a deployment; also the prefix of permissions, events and migrations. */
  readonly slug: string;
  readonly name: string;
  readonly description: string;
  readonly version: string;
  /** core: always on for every tenant; optional: enabled per tenant. */
  readonly kind: ModuleKind;
  /** Modules this one cannot work without: each must be registered, and comes first. */
  readonly dependencies: readonly string[];
  /**
   * Other modules this one uses through their contracts. A use that is not optional is checked like
   * a dependency; an optional one orders this module after the used one when both are registered,
   * and the module must work without it.
   */
  readonly uses?: readonly ModuleUse[];
  /** `<module>.<entity>.<action>` */
  readonly permissions: readonly string[];
  /** JSON Schema of the module's per-tenant settings. */
  readonly config?: TSchema;
  readonly migrations: readonly Migration[];
  readonly events: ModuleEvents;
  /** The error catalogues (`defineErrors`) whose codes the module raises: its own, in `src/errors.ts`. */
  readonly errors?: readonly ErrorCatalogue[];
  /** Adds the module's types, queries and mutations to the one GraphQL schema. */
  readonly graphql?: (builder: GraphQLBuilder) => void;
  /** An encapsulated Fastify plugin mounted under /api/v1. */
  readonly rest?: FastifyPluginAsync;
  readonly health?: readonly HealthCheck[];
  readonly seed?: { readonly demo?: (ctx: SeedContext) => Promise<void> };
  readonly onEnable?: (ctx: LifecycleContext) => Promise<void>;
  readonly onDisable?: (ctx: LifecycleContext) => Promise<void>;
  /** Background jobs the platform runs: once per period for the whole deployment, however many instances run. */
  readonly jobs?: readonly ModuleJob[];
  /**
   * Deployment options of the module: an object schema whose properties are groups under
   * `settings.rustok` (e.g. `index`), validated with the rest of the config at boot (defaults applied).
   * Read them with `moduleOptions(config, schema)`.
   */
  readonly options?: TObject;
  /** Platform ports the module backs (the first module that gives one wins, in registry order). */
  readonly ports?: ModulePortFactories;
  /** A CLI command group (`rustok <name> <subcommand>`) the module contributes. */
  readonly commands?: ModuleCommandGroup;
  /** Tools (and later resources and prompts) for AI assistants, served at /mcp/shop and /mcp/admin. */
  readonly mcp?: ModuleMcp;
}

export type ModuleInput = Omit<ModuleDefinition, 'dependencies' | 'permissions' | 'migrations' | 'events'> &
  Partial<Pick<ModuleDefinition, 'dependencies' | 'permissions' | 'migrations' | 'events'>>;

/** Declares a module. Shape checks happen when the registry is built, so every problem is reported at boot. */
export const defineModule = (input: ModuleInput): ModuleDefinition =>
  Object.freeze({
    ...input,
    dependencies: input.dependencies ?? [],
    permissions: input.permissions ?? [],
    migrations: input.migrations ?? [],
    events: input.events ?? { emits: [] },
  });

/** The first module's port of this name that it gives (its factory may decline), in registry order. */
export const modulePort = <K extends keyof ModulePorts>(
  modules: { readonly modules: readonly ModuleDefinition[] },
  name: K,
  ctx: PortContext,
): ModulePorts[K] | undefined => {
  for (const mod of modules.modules) {
    const port = mod.ports?.[name]?.(ctx);
    if (port) return port;
  }
  return undefined;
};
