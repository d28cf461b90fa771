import type { ErrorCatalogue, ErrorEntry } from './error-catalogue.js';
import type { FieldError } from './errors.js';
import { kernelErrors } from './kernel-errors.js';
import { type ModuleDefinition, optionalModules, requiredModules } from './module.js';

export interface ModuleRegistry {
  /** Modules in dependency order: every module comes after all of its dependencies. */
  readonly modules: readonly ModuleDefinition[];
  get(slug: string): ModuleDefinition | undefined;
  /** Slugs of the modules that depend on `slug`, directly. */
  dependents(slug: string): readonly string[];
  /** The error catalogue of the deployment: the kernel's codes and those of every module's catalogues, by code. */
  readonly errors: readonly ErrorEntry[];
}

const SLUG = /^[a-z][a-z0-9_]{1,31}$/;
const MIGRATION = /^m\d{8}_([a-z][a-z0-9_]*?)_(\d{3})_[a-z0-9_]+$/;
const PERMISSION = /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/;

type RegistryCode =
  | 'KERNEL_MODULE_INVALID'
  | 'KERNEL_MODULE_DUPLICATE'
  | 'KERNEL_MODULE_DEPENDENCY_MISSING'
  | 'KERNEL_CORE_DEPENDS_ON_OPTIONAL'
  | 'KERNEL_MODULE_DEPENDENCY_CYCLE'
  | 'KERNEL_ERROR_CODE_DUPLICATE';

type Problem = FieldError & { code: RegistryCode };

const shapeProblems = (mod: ModuleDefinition): Problem[] => {
  const problems: Problem[] = [];
  const add = (path: string, message: string) => problems.push({ code: 'KERNEL_MODULE_INVALID', path, message });
  if (!SLUG.test(mod.slug)) add(`${mod.slug}.slug`, 'must be 2-32 lower-case letters, digits or _ and start with a letter');
  if (mod.kind !== 'core' && mod.kind !== 'optional') add(`${mod.slug}.kind`, 'must be core or optional');
  if (!mod.name) add(`${mod.slug}.name`, 'is required');
  if (!/^\d+\.\d+\.\d+/.test(mod.version)) add(`${mod.slug}.version`, 'must be a semantic version');
  const seen = new Set<string>();
  for (const migration of mod.migrations) {
    const match = MIGRATION.exec(migration.name);
    if (!match || match[1] !== mod.slug)
      add(`${mod.slug}.migrations`, `"${migration.name}" is not named m<YYYYMMDD>_${mod.slug}_<nnn>_<desc>`);
    if (seen.has(migration.name)) add(`${mod.slug}.migrations`, `"${migration.name}" is declared twice`);
    seen.add(migration.name);
  }
  for (const permission of mod.permissions) {
    if (!PERMISSION.test(permission) || !permission.startsWith(`${mod.slug}.`)) {
      add(`${mod.slug}.permissions`, `"${permission}" is not ${mod.slug}.<entity>.<action>`);
    }
  }
  problems.push(...eventProblems(mod));
  return problems;
};

const EVENT_TYPE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*){2,}$/;

const eventProblems = (mod: ModuleDefinition): Problem[] => {
  const problems: Problem[] = [];
  const add = (message: string) => problems.push({ code: 'KERNEL_MODULE_INVALID', path: `${mod.slug}.events`, message });
  for (const event of mod.events.emits) {
    if (!EVENT_TYPE.test(event.type) || !event.type.startsWith(`${mod.slug}.`)) add(`"${event.type}" is not ${mod.slug}.<entity>.<action>`);
    if (!Number.isInteger(event.schemaVersion) || event.schemaVersion < 1)
      add(`"${event.type}" has schemaVersion ${event.schemaVersion}, not 1, 2, …`);
  }
  for (const handler of mod.events.handles ?? []) {
    if (!handler.consumer.startsWith(`${mod.slug}.`)) add(`consumer "${handler.consumer}" is not named ${mod.slug}.<name>`);
    if (handler.types.length === 0) add(`consumer "${handler.consumer}" handles no event type`);
  }
  return problems;
};

/** (type, version) pairs and consumer names are unique across the deployment. */
const uniquenessProblems = (mods: readonly ModuleDefinition[]): Problem[] => {
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  const claim = (key: string, owner: string, what: string) => {
    const first = seen.get(key);
    if (first !== undefined)
      problems.push({ code: 'KERNEL_MODULE_DUPLICATE', path: owner, message: `${what} is also declared by ${first}` });
    else seen.set(key, owner);
  };
  for (const mod of mods) {
    for (const e of mod.events.emits) claim(`event:${e.type}@${e.schemaVersion}`, mod.slug, `event ${e.type} v${e.schemaVersion}`);
    for (const h of mod.events.handles ?? []) claim(`consumer:${h.consumer}`, mod.slug, `consumer ${h.consumer}`);
  }
  return problems;
};

const dependencyProblems = (mods: readonly ModuleDefinition[], bySlug: Map<string, ModuleDefinition>): Problem[] => {
  const problems: Problem[] = [];
  for (const mod of mods) {
    for (const dep of requiredModules(mod)) {
      const target = bySlug.get(dep);
      if (!target) {
        problems.push({
          code: 'KERNEL_MODULE_DEPENDENCY_MISSING',
          path: mod.slug,
          message: `depends on "${dep}", which is not registered`,
        });
      } else if (mod.kind === 'core' && target.kind === 'optional') {
        problems.push({
          code: 'KERNEL_CORE_DEPENDS_ON_OPTIONAL',
          path: mod.slug,
          message: `is core but depends on optional module "${dep}"`,
        });
      }
    }
  }
  return problems;
};

/** Depth-first topological order; returns the cycle when there is one. */
const orderModules = (mods: readonly ModuleDefinition[], bySlug: Map<string, ModuleDefinition>) => {
  const ordered: ModuleDefinition[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (mod: ModuleDefinition): string[] | undefined => {
    const current = state.get(mod.slug);
    if (current === 'done') return undefined;
    if (current === 'visiting') return [...stack.slice(stack.indexOf(mod.slug)), mod.slug];
    state.set(mod.slug, 'visiting');
    stack.push(mod.slug);
    for (const dep of [...requiredModules(mod), ...optionalModules(mod)]) {
      const target = bySlug.get(dep);
      const cycle = target && visit(target);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(mod.slug, 'done');
    ordered.push(mod);
    return undefined;
  };
  for (const mod of mods) {
    const cycle = visit(mod);
    if (cycle) return { ordered, cycle };
  }
  return { ordered, cycle: undefined };
};

const fail = (problems: readonly Problem[]): never => {
  const first = problems[0] as Problem;
  const detail = problems.map((p) => `${p.path}: ${p.message}`).join('; ');
  throw kernelErrors[first.code](`Module registry is invalid: ${detail}`, {
    errors: problems.map(({ path, message }) => ({ path, message })),
    meta: { codes: [...new Set(problems.map((p) => p.code))] },
  });
};

/** The kernel's catalogue and each module's (a catalogue listed twice counts once); a code declared by two catalogues is a problem. */
const errorCatalogue = (mods: readonly ModuleDefinition[]): { entries: ErrorEntry[]; problems: Problem[] } => {
  const catalogues = new Set<ErrorCatalogue>([kernelErrors]);
  for (const mod of mods) for (const catalogue of mod.errors ?? []) catalogues.add(catalogue);
  const byCode = new Map<string, ErrorEntry>();
  const problems: Problem[] = [];
  for (const entry of [...catalogues].flatMap((c) => c.entries)) {
    const first = byCode.get(entry.code);
    if (first) {
      const message = `${entry.code} is declared by ${first.owner} and by ${entry.owner}`;
      problems.push({ code: 'KERNEL_ERROR_CODE_DUPLICATE', path: entry.owner, message });
    } else byCode.set(entry.code, entry);
  }
  return { entries: [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code)), problems };
};

/**
 * Validates module definitions and orders them by dependency. Throws one AppError listing every
 * problem (code of the first): KERNEL_MODULE_INVALID, KERNEL_MODULE_DUPLICATE,
 * KERNEL_MODULE_DEPENDENCY_MISSING, KERNEL_CORE_DEPENDS_ON_OPTIONAL, KERNEL_MODULE_DEPENDENCY_CYCLE,
 * KERNEL_ERROR_CODE_DUPLICATE (one code in two error catalogues).
 */
export const createRegistry = (mods: readonly ModuleDefinition[]): ModuleRegistry => {
  const bySlug = new Map<string, ModuleDefinition>();
  const problems: Problem[] = [];
  for (const mod of mods) {
    if (bySlug.has(mod.slug)) problems.push({ code: 'KERNEL_MODULE_DUPLICATE', path: mod.slug, message: 'is registered twice' });
    bySlug.set(mod.slug, mod);
    problems.push(...shapeProblems(mod));
  }
  const catalogue = errorCatalogue(mods);
  problems.push(...dependencyProblems(mods, bySlug), ...uniquenessProblems([...bySlug.values()]), ...catalogue.problems);
  if (problems.length > 0) fail(problems);
  const { ordered, cycle } = orderModules([...bySlug.values()], bySlug);
  if (cycle) fail([{ code: 'KERNEL_MODULE_DEPENDENCY_CYCLE', path: cycle[0] ?? '', message: `dependency cycle ${cycle.join(' -> ')}` }]);
  return {
    modules: ordered,
    get: (slug) => bySlug.get(slug),
    dependents: (slug) => ordered.filter((m) => requiredModules(m).includes(slug)).map((m) => m.slug),
    errors: catalogue.entries,
  };
};
