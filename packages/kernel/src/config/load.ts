import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { FieldError } from '../errors.js';
import { kernelErrors } from '../kernel-errors.js';
import { createValidator, type Validator } from '../validation.js';
import { type ModuleOptionsSource, moduleOptionGroups } from './module-options.js';
import { splitRoleList } from './roles.js';
import { type Config, ConfigSchema, configSchemaWith } from './schema.js';

const CONFIG_ENVIRONMENTS = ['development', 'production', 'test'] as const;
export type ConfigEnvironment = (typeof CONFIG_ENVIRONMENTS)[number];

export interface LoadConfigOptions {
  /** Folder holding default.yaml and <environment>.yaml. */
  readonly dir: string;
  readonly environment?: ConfigEnvironment;
  /** Defaults to process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Applied last (used by tests and the CLI). */
  readonly overrides?: Readonly<Record<string, unknown>>;
  /** Modules whose `options` groups (under settings.rustok) are validated with the rest, defaults applied. */
  readonly modules?: readonly ModuleOptionsSource[];
}

type Tree = Record<string, unknown>;
const isTree = (v: unknown): v is Tree => v !== null && typeof v === 'object' && !Array.isArray(v);

const merge = (base: Tree, over: Tree): Tree => {
  const out: Tree = { ...base };
  // Subtrees are always copied: validation writes defaults into the result, never into the caller's objects.
  for (const [key, value] of Object.entries(over))
    out[key] = isTree(value) ? merge(isTree(out[key]) ? (out[key] as Tree) : {}, value) : value;
  return out;
};

const setPath = (tree: Tree, path: readonly string[], value: unknown): Tree => {
  const [head, ...rest] = path;
  if (head === undefined) return tree;
  const child = isTree(tree[head]) ? (tree[head] as Tree) : {};
  return { ...tree, [head]: rest.length === 0 ? value : setPath(child, rest, value) };
};

const readYaml = (file: string): Tree => {
  if (!existsSync(file)) return {};
  let parsed: unknown;
  try {
    parsed = parseYaml(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw kernelErrors.CONFIG_INVALID(`${file} is not valid YAML: ${(cause as Error).message}`, { cause });
  }
  if (parsed === null || parsed === undefined) return {};
  if (!isTree(parsed)) throw kernelErrors.CONFIG_INVALID(`${file} must hold a mapping at its top level`);
  return parsed;
};

/** A variable's value read as YAML (`5000` -> 5000, `true` -> true); text that is not valid YAML stays a string. */
const readScalar = (raw: string): unknown => {
  try {
    return parseYaml(raw) as unknown;
  } catch {
    return raw;
  }
};

/** `a, b` -> ['a', 'b'] (empty items dropped). */
const splitUrlList = (raw: string): string[] =>
  raw
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');

/** Named variables first, then RUSTOK_A__B__C=value for any key `a.b.c` (values read as YAML scalars). */
export const envOverrides = (env: Readonly<Record<string, string | undefined>>): { tree: Tree; sources: Map<string, string> } => {
  let tree: Tree = {};
  const sources = new Map<string, string>();
  const set = (name: string, path: string[], value: unknown) => {
    tree = setPath(tree, path, value);
    sources.set(path.join('.'), name);
  };
  for (const [name, raw] of Object.entries(env)) {
    if (raw === undefined || !name.startsWith('RUSTOK_') || !name.includes('__')) continue;
    set(name, name.slice(7).toLowerCase().split('__'), readScalar(raw));
  }
  const named: [string, string[], (v: string) => unknown][] = [
    ['DATABASE_URL', ['database', 'url'], String],
    // One replica or several, comma-separated.
    ['DATABASE_READ_URL', ['database', 'read_urls'], splitUrlList],
    ['REDIS_URL', ['redis', 'url'], String],
    ['NATS_URL', ['nats', 'url'], String],
    ['PORT', ['server', 'port'], (v) => (/^\d+$/.test(v) ? Number(v) : v)],
    ['RUSTOK_EVENT_TRANSPORT', ['settings', 'rustok', 'events', 'transport'], String],
    ['LOG_LEVEL', ['logger', 'level'], String],
    // Lists as `api,jobs` and `index.*,notifications.*` (the generic rule would read them as one string).
    ['RUSTOK_SERVER__ROLES', ['server', 'roles'], splitRoleList],
    ['RUSTOK_SERVER__CONSUMERS', ['server', 'consumers'], splitRoleList],
  ];
  for (const [name, path, convert] of named) {
    const raw = env[name];
    if (raw !== undefined && raw !== '') set(name, path, convert(raw));
  }
  return { tree, sources };
};

export const resolveEnvironment = (env: Readonly<Record<string, string | undefined>>): ConfigEnvironment => {
  const name = env.RUSTOK_ENV ?? env.NODE_ENV ?? 'development';
  if (!(CONFIG_ENVIRONMENTS as readonly string[]).includes(name)) {
    throw kernelErrors.CONFIG_INVALID(`RUSTOK_ENV/NODE_ENV "${name}" is not one of ${CONFIG_ENVIRONMENTS.join(', ')}`);
  }
  return name as ConfigEnvironment;
};

/** The variable that set this key or one above it (`server.roles.1` came from RUSTOK_SERVER__ROLES). */
const sourceOf = (sources: ReadonlyMap<string, string>, path: string): string | undefined => {
  for (let key = path; key !== ''; key = key.includes('.') ? key.slice(0, key.lastIndexOf('.')) : '') {
    const source = sources.get(key);
    if (source) return source;
  }
  return undefined;
};

const platformValidator = createValidator(ConfigSchema);
const withModules = new Map<string, { schemas: readonly unknown[]; validator: Validator<unknown> }>();

/** The config validator for these modules' option groups (compiled once per set of groups). */
const validatorFor = (modules: readonly ModuleOptionsSource[] = []): Validator<unknown> => {
  const sources = modules.filter((m) => m.options);
  if (sources.length === 0) return platformValidator;
  const key = sources.map((m) => m.slug).join(',');
  const schemas = sources.map((m) => m.options);
  const cached = withModules.get(key);
  if (cached?.schemas.every((schema, i) => schema === schemas[i])) return cached.validator;
  const validator = createValidator(configSchemaWith(moduleOptionGroups(sources))) as Validator<unknown>;
  withModules.set(key, { schemas, validator });
  return validator;
};

/**
 * Loads default.yaml, then <environment>.yaml, then environment variables, then overrides, and
 * validates the result, modules' option groups included. Every problem is reported at once, each naming its key (and the variable
 * it came from), as CONFIG_INVALID.
 */
export const loadConfig = (options: LoadConfigOptions): Config & { environment: ConfigEnvironment } => {
  const env = options.env ?? process.env;
  const environment = options.environment ?? resolveEnvironment(env);
  const { tree: fromEnv, sources } = envOverrides(env);
  let tree = merge(readYaml(join(options.dir, 'default.yaml')), readYaml(join(options.dir, `${environment}.yaml`)));
  tree = merge(merge(tree, fromEnv), (options.overrides ?? {}) as Tree);
  const problems: FieldError[] = validatorFor(options.modules)
    .errors(tree)
    .map((p) => {
      const source = sourceOf(sources, p.path);
      return source ? { ...p, message: `${p.message} (from ${source})` } : p;
    });
  if (problems.length > 0) {
    const detail = problems.map((p) => `${p.path}: ${p.message}`).join('\n  ');
    throw kernelErrors.CONFIG_INVALID(`Invalid configuration:\n  ${detail}`, { errors: problems });
  }
  return { ...(tree as Config), environment };
};
