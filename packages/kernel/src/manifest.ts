import { readFileSync } from 'node:fs';
import { type Static, Type } from '@sinclair/typebox';
import { parse as parseToml } from 'smol-toml';
import { kernelErrors } from './kernel-errors.js';
import { type ModuleDefinition, optionalModules, requiredModules } from './module.js';
import { createValidator } from './validation.js';

const ManifestEntry = Type.Object(
  {
    package: Type.String({ minLength: 1 }),
    required: Type.Boolean({ default: false }),
    depends_on: Type.Array(Type.String(), { default: [] }),
    uses: Type.Optional(Type.Array(Type.String())),
  },
  { additionalProperties: false },
);
const ManifestSchema = Type.Object(
  {
    modules: Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]{1,31}$' }), ManifestEntry, {
      default: {},
      // Without this a key that does not match the slug pattern is neither rejected nor validated.
      additionalProperties: false,
    }),
  },
  { additionalProperties: false },
);

export interface ManifestModule {
  readonly slug: string;
  readonly package: string;
  readonly required: boolean;
  readonly dependsOn: readonly string[];
  /** Modules used when they are there (the module's optional uses); absent: none. */
  readonly uses?: readonly string[];
}
export interface Manifest {
  readonly modules: readonly ManifestModule[];
}

const validateManifest = createValidator(ManifestSchema);

export const parseManifest = (text: string): Manifest => {
  let raw: unknown;
  try {
    raw = parseToml(text);
  } catch (cause) {
    throw kernelErrors.KERNEL_MANIFEST_INVALID(`modules.toml is not valid TOML: ${(cause as Error).message}`, { cause });
  }
  const problems = validateManifest.errors(raw);
  if (problems.length > 0) {
    const detail = problems.map((p) => `${p.path}: ${p.message}`).join('; ');
    throw kernelErrors.KERNEL_MANIFEST_INVALID(`modules.toml is invalid: ${detail}`, { errors: problems });
  }
  const entries = Object.entries((raw as Static<typeof ManifestSchema>).modules);
  return {
    modules: entries.map(([slug, e]) => ({
      slug,
      package: e.package,
      required: e.required,
      dependsOn: e.depends_on,
      ...(e.uses ? { uses: e.uses } : {}),
    })),
  };
};

export const readManifest = (file: string): Manifest => parseManifest(readFileSync(file, 'utf8'));

const sameSet = (a: readonly string[], b: readonly string[]) => {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((x) => right.has(x));
};

/** Every difference between the manifest and the modules compiled in; empty when they agree. */
export const manifestMismatches = (manifest: Manifest, modules: readonly ModuleDefinition[]): string[] => {
  const problems: string[] = [];
  const registered = new Map(modules.map((m) => [m.slug, m]));
  for (const entry of manifest.modules) {
    const mod = registered.get(entry.slug);
    if (!mod) {
      problems.push(`${entry.slug}: listed in modules.toml but not registered (rebuild after editing the manifest)`);
      continue;
    }
    const required = requiredModules(mod);
    if (!sameSet(entry.dependsOn, required)) {
      problems.push(`${entry.slug}: depends_on [${entry.dependsOn.join(', ')}] in modules.toml, [${required.join(', ')}] in the module`);
    }
    const optional = optionalModules(mod);
    const uses = entry.uses ?? [];
    if (!sameSet(uses, optional)) {
      problems.push(`${entry.slug}: uses [${uses.join(', ')}] in modules.toml, [${optional.join(', ')}] in the module`);
    }
    if (entry.required !== (mod.kind === 'core')) {
      problems.push(`${entry.slug}: required = ${entry.required} in modules.toml but the module is ${mod.kind}`);
    }
  }
  const listed = new Set(manifest.modules.map((m) => m.slug));
  for (const mod of modules) if (!listed.has(mod.slug)) problems.push(`${mod.slug}: registered but not listed in modules.toml`);
  return problems;
};

/** Stops boot with KERNEL_MANIFEST_MISMATCH naming every slug that differs. */
export const assertManifestMatches = (manifest: Manifest, modules: readonly ModuleDefinition[]): void => {
  const problems = manifestMismatches(manifest, modules);
  if (problems.length > 0) {
    throw kernelErrors.KERNEL_MANIFEST_MISMATCH(`modules.toml does not match the registered modules: ${problems.join('; ')}`, {
      errors: problems.map((message) => ({ path: message.split(':')[0] ?? '', message })),
    });
  }
};
