import type { Database, Tx } from '@rustok/db';
import type { EventBus } from '@rustok/events';
import { createValidator, type ModuleDefinition, type ModuleRegistry, requiredModules } from '@rustok/kernel';
import type { Logger } from 'pino';
import { tenancyErrors } from './errors.js';

export interface ModuleState {
  readonly slug: string;
  readonly name: string;
  readonly description: string;
  readonly version: string;
  readonly kind: 'core' | 'optional';
  readonly dependencies: readonly string[];
  readonly enabled: boolean;
  readonly settings: Readonly<Record<string, unknown>>;
  /** The JSON Schema the module's settings are checked against (null: it has none), for forms built from it. */
  readonly settingsSchema: Readonly<Record<string, unknown>> | null;
}

export interface ToggleInput {
  readonly enabled: boolean;
  readonly settings?: Record<string, unknown>;
}

export interface ModuleToggles {
  isEnabled(tenantId: string, slug: string): Promise<boolean>;
  list(tenantId: string): Promise<ModuleState[]>;
  set(tenantId: string, slug: string, input: ToggleInput): Promise<ModuleState>;
  /** Forgets what this process knows of a tenant's modules (after a change elsewhere). */
  forget(tenantId: string): void;
}

type Row = { module: string; enabled: boolean; settings: Record<string, unknown> };

const CACHE_MS = 5_000;

/** A module's settings schema as plain JSON (TypeBox's own symbols dropped), made once per module. */
const schemas = new WeakMap<ModuleDefinition, Record<string, unknown> | null>();
const settingsSchemaOf = (mod: ModuleDefinition): Record<string, unknown> | null => {
  let schema = schemas.get(mod);
  if (schema === undefined) {
    schema = mod.config ? (JSON.parse(JSON.stringify(mod.config)) as Record<string, unknown>) : null;
    schemas.set(mod, schema);
  }
  return schema;
};

const stateOf = (mod: ModuleDefinition, row: Row | undefined): ModuleState => ({
  slug: mod.slug,
  name: mod.name,
  description: mod.description,
  version: mod.version,
  kind: mod.kind,
  dependencies: mod.dependencies,
  enabled: mod.kind === 'core' || (row?.enabled ?? true),
  settings: row?.settings ?? {},
  settingsSchema: settingsSchemaOf(mod),
});

const readRows = async (tx: Tx): Promise<Map<string, Row>> => {
  const { rows } = await tx.query<Row>('SELECT module, enabled, settings FROM tenant_modules');
  return new Map(rows.map((r) => [r.module, r]));
};

const checkRules = (registry: ModuleRegistry, mod: ModuleDefinition, states: Map<string, ModuleState>, enabled: boolean): void => {
  if (!enabled && mod.kind === 'core') {
    throw tenancyErrors.MODULE_CORE_CANNOT_BE_DISABLED(`${mod.slug} is a core module and cannot be disabled`);
  }
  if (enabled) {
    const missing = requiredModules(mod).filter((d) => !states.get(d)?.enabled);
    if (missing.length > 0) {
      throw tenancyErrors.MODULE_DEPENDENCY_DISABLED(`${mod.slug} needs ${missing.join(', ')} enabled first`, { meta: { missing } });
    }
  } else {
    const dependents = registry.dependents(mod.slug).filter((d) => states.get(d)?.enabled);
    if (dependents.length > 0) {
      throw tenancyErrors.MODULE_HAS_DEPENDENTS(`${mod.slug} is needed by ${dependents.join(', ')}; disable them first`, {
        meta: { dependents },
      });
    }
  }
};

const checkSettings = (mod: ModuleDefinition, settings: Record<string, unknown> | undefined): void => {
  if (settings === undefined || !mod.config) return;
  const errors = createValidator(mod.config, '/').errors(settings);
  if (errors.length > 0) {
    throw tenancyErrors.MODULE_SETTINGS_INVALID(`Settings of ${mod.slug} do not match its schema`, { errors });
  }
};

/**
 * Which modules each tenant has. Core modules are always on; optional ones are on unless the
 * tenant turned them off. Changes check dependencies both ways, validate settings against the
 * module's schema, run the module's onEnable/onDisable hook and publish an event, in one transaction.
 */
export const createModuleToggles = (options: { db: Database; registry: ModuleRegistry; bus?: EventBus; logger: Logger }): ModuleToggles => {
  const { db, registry, logger } = options;
  const cache = new Map<string, { at: number; states: Map<string, ModuleState> }>();

  const load = async (tenantId: string, tx?: Tx): Promise<Map<string, ModuleState>> => {
    const rows = tx ? await readRows(tx) : await db.transaction(readRows, { tenantId });
    return new Map(registry.modules.map((m) => [m.slug, stateOf(m, rows.get(m.slug))]));
  };
  const cached = async (tenantId: string) => {
    const hit = cache.get(tenantId);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.states;
    const states = await load(tenantId);
    cache.set(tenantId, { at: Date.now(), states });
    return states;
  };

  const apply = async (tx: Tx, tenantId: string, mod: ModuleDefinition, input: ToggleInput, before: ModuleState) => {
    await tx.query(
      `INSERT INTO tenant_modules (tenant_id, module, enabled, settings) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, module) DO UPDATE SET enabled = EXCLUDED.enabled, settings = EXCLUDED.settings, updated_at = now()`,
      [tenantId, mod.slug, input.enabled, JSON.stringify(input.settings ?? before.settings)],
    );
    const hook = input.enabled && !before.enabled ? mod.onEnable : !input.enabled && before.enabled ? mod.onDisable : undefined;
    await hook?.({ tenantId, db: tx, logger: logger.child({ module: mod.slug, tenantId }) });
    await options.bus?.publishInTx(tx, {
      type: 'tenancy.module.toggled',
      tenantId,
      payload: { module: mod.slug, enabled: input.enabled, settingsChanged: input.settings !== undefined },
    });
  };

  return {
    isEnabled: async (tenantId, slug) => (await cached(tenantId)).get(slug)?.enabled ?? false,
    list: async (tenantId) => [...(await cached(tenantId)).values()],
    forget: (tenantId) => cache.delete(tenantId),
    async set(tenantId, slug, input) {
      const mod = registry.get(slug);
      if (!mod) throw tenancyErrors.MODULE_NOT_FOUND(`No module ${slug} in this deployment`);
      checkSettings(mod, input.settings);
      const state = await db.transaction(
        async (tx) => {
          // One change at a time per tenant, so two toggles cannot both pass the dependency checks.
          await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7))', [tenantId]);
          const states = await load(tenantId, tx);
          const before = states.get(slug) as ModuleState;
          checkRules(registry, mod, states, input.enabled);
          await apply(tx, tenantId, mod, input, before);
          return stateOf(mod, { module: slug, enabled: input.enabled, settings: input.settings ?? before.settings });
        },
        { tenantId },
      );
      cache.delete(tenantId);
      return state;
    },
  };
};
