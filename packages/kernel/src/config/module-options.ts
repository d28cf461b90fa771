import type { Static, TObject, TProperties } from '@sinclair/typebox';
import { kernelErrors } from '../kernel-errors.js';
import { createValidator, type Validator } from '../validation.js';
import { type Config, PLATFORM_SETTINGS_GROUPS } from './schema.js';

/** What the config loader needs of a module: its slug and its option groups. */
export interface ModuleOptionsSource {
  readonly slug: string;
  readonly options?: TObject;
}

/**
 * The option groups of the modules, keyed by group name, for the config schema. A group that the
 * platform owns or that two modules declare is refused (KERNEL_MODULE_INVALID).
 */
export const moduleOptionGroups = (modules: readonly ModuleOptionsSource[]): TProperties => {
  const groups: Record<string, { slug: string; schema: TProperties[string] }> = {};
  for (const mod of modules) {
    for (const [group, schema] of Object.entries(mod.options?.properties ?? {})) {
      const owner = PLATFORM_SETTINGS_GROUPS.includes(group) ? 'the platform' : groups[group]?.slug;
      if (owner)
        throw kernelErrors.KERNEL_MODULE_INVALID(`module ${mod.slug}: options group settings.rustok.${group} already belongs to ${owner}`);
      groups[group] = { slug: mod.slug, schema };
    }
  }
  return Object.fromEntries(Object.entries(groups).map(([group, { schema }]) => [group, schema]));
};

const validators = new WeakMap<TObject, Validator<unknown>>();
const parsed = new WeakMap<object, Map<TObject, unknown>>();

/**
 * A module's options (`schema` = its `options`) as they are in the configuration: the groups under
 * settings.rustok, with defaults. The loader validated them at boot when it was given the module;
 * otherwise (a configuration loaded without it) they are validated here, once per configuration.
 */
export const moduleOptions = <S extends TObject>(config: Config, schema: S): Static<S> => {
  const known = parsed.get(config)?.get(schema);
  if (known !== undefined) return known as Static<S>;
  const settings = config.settings.rustok as Readonly<Record<string, unknown>>;
  const raw = Object.fromEntries(Object.keys(schema.properties).map((group) => [group, structuredClone(settings[group] ?? {})]));
  let validator = validators.get(schema);
  if (!validator) {
    validator = createValidator(schema) as Validator<unknown>;
    validators.set(schema, validator);
  }
  const problems = validator.errors(raw);
  if (problems.length > 0) {
    const detail = problems.map((p) => `settings.rustok.${p.path}: ${p.message}`).join('\n  ');
    throw kernelErrors.CONFIG_INVALID(`Invalid configuration:\n  ${detail}`, { errors: problems });
  }
  if (!parsed.has(config)) parsed.set(config, new Map());
  parsed.get(config)?.set(schema, raw);
  return raw as Static<S>;
};
