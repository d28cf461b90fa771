import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readManifest } from '@rustok/kernel';
import { PLATFORM_MODULES } from '../boot.js';
import { serverErrors } from '../errors.js';

/**
 * `rustok module new <slug>`: writes modules/<slug>/ from the templates in apps/server/templates/module
 * (the layout of docs/module-layout.md, one template file per generated file). `{{token}}` in a
 * template is replaced by a name made from the slug; package.json is made here, with the versions
 * the other workspace packages use.
 */

/** The kernel's slug rule: it also names the package, the tables, the events, the permissions and the error codes. */
const SLUG = /^[a-z][a-z0-9_]{1,31}$/;

const TEMPLATES = fileURLToPath(new URL('../../templates/module/', import.meta.url));

export interface ModuleNames {
  readonly slug: string;
  /** `foo_bar` → `fooBar` (identifiers: fooBarModule, fooBarErrors). */
  readonly camel: string;
  /** `foo_bar` → `FooBar` (GraphQL types, payload types). */
  readonly Pascal: string;
  /** `foo_bar` → `FOO_BAR` (error codes, constants). */
  readonly UPPER: string;
  /** `foo_bar` → `Foo bar` (the module's name). */
  readonly title: string;
  /** The migration's date, YYYYMMDD. */
  readonly date: string;
}

export const namesOf = (slug: string, today: Date = new Date()): ModuleNames => {
  const camel = slug.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  return {
    slug,
    camel,
    Pascal: camel.charAt(0).toUpperCase() + camel.slice(1),
    UPPER: slug.toUpperCase(),
    title: (slug.charAt(0).toUpperCase() + slug.slice(1)).replaceAll('_', ' '),
    date: today.toISOString().slice(0, 10).replaceAll('-', ''),
  };
};

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

interface PackageJson {
  name?: string;
  version?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** Every workspace package (packages/*, modules/*, apps/*) by directory. */
const workspacePackages = (root: string): { dir: string; pkg: PackageJson }[] =>
  ['packages', 'modules', 'apps'].flatMap((group) =>
    existsSync(join(root, group))
      ? readdirSync(join(root, group))
          .map((name) => join(root, group, name))
          .filter((dir) => existsSync(join(dir, 'package.json')))
          .map((dir) => ({ dir, pkg: readJson<PackageJson>(join(dir, 'package.json')) }))
      : [],
  );

/** Refuses a root without modules.toml, a slug the kernel would refuse, or one a module, a platform module or a workspace package has. */
export const assertNewSlug = (root: string, slug: string): void => {
  const manifest = join(root, 'modules.toml');
  if (!existsSync(manifest)) throw serverErrors.CLI_PROJECT_NOT_FOUND(`No modules.toml in ${root} or above: run it inside the project`);
  if (!SLUG.test(slug)) {
    const hint = /^[a-z][a-z0-9_-]*$/.test(slug) ? ` (try "${slug.replaceAll('-', '_')}")` : '';
    throw serverErrors.CLI_MODULE_SLUG_INVALID(
      `"${slug}" is not a module slug: 2-32 lower-case letters, digits or _, starting with a letter${hint}`,
    );
  }
  const taken = (where: string) => serverErrors.CLI_MODULE_EXISTS(`There is a module or package "${slug}" already (${where})`);
  if (existsSync(join(root, 'modules', slug))) throw taken(`modules/${slug}`);
  if (PLATFORM_MODULES.some((m) => m.slug === slug)) throw taken('a platform module');
  if (readManifest(manifest).modules.some((m) => m.slug === slug)) throw taken('modules.toml');
  const owner = workspacePackages(root).find(({ pkg }) => pkg.name === `@rustok/${slug}`);
  if (owner) throw taken(relative(root, owner.dir));
};

const DEPENDENCIES = ['@fastify/swagger', '@rustok/api', '@rustok/db', '@rustok/kernel', '@sinclair/typebox', 'fastify'];
const DEV_DEPENDENCIES = ['@rustok/testing'];

/** The version range the workspace already uses for a dependency (a workspace package: its version). */
const versionIn = (root: string, packages: readonly { pkg: PackageJson }[], name: string): string => {
  const local = packages.find(({ pkg }) => pkg.name === name);
  if (local?.pkg.version) return local.pkg.version;
  for (const { pkg } of packages) {
    const range = pkg.dependencies?.[name] ?? pkg.devDependencies?.[name];
    if (range) return range;
  }
  const installed = join(root, 'node_modules', name, 'package.json');
  return existsSync(installed) ? `^${readJson<PackageJson>(installed).version}` : '*';
};

const packageJson = (root: string, n: ModuleNames): string => {
  const packages = workspacePackages(root);
  const entry = (file: string) => ({ source: `./src/${file}.ts`, types: `./dist/${file}.d.ts`, default: `./dist/${file}.js` });
  const versions = (names: readonly string[]) => Object.fromEntries(names.map((name) => [name, versionIn(root, packages, name)]));
  const pkg = {
    name: `@rustok/${n.slug}`,
    version: '0.1.0',
    private: true,
    type: 'module',
    description: `${n.title} of RusToK: items of a tenant (made by rustok module new)`,
    exports: { '.': entry('index'), './contracts': entry('contracts') },
    files: ['dist'],
    dependencies: versions(DEPENDENCIES),
    devDependencies: versions(DEV_DEPENDENCIES),
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
};

/** Replaces every `{{token}}`; an unknown token is a defect of the templates. */
const render = (template: string, names: ModuleNames, file = 'template'): string =>
  template.replace(/\{\{(\w+)\}\}/g, (_, token: string) => {
    const value = (names as unknown as Record<string, string | undefined>)[token];
    if (value === undefined) throw new Error(`${file}: unknown token {{${token}}}`);
    return value;
  });

const templateFiles = (dir: string, base = ''): string[] =>
  readdirSync(join(dir, base), { withFileTypes: true }).flatMap((entry) => {
    const path = base ? `${base}/${entry.name}` : entry.name;
    return entry.isDirectory() ? templateFiles(dir, path) : entry.name.endsWith('.tmpl') ? [path] : [];
  });

/** The module's files, path (relative to modules/<slug>) → text, all rendered before anything is written. */
const moduleFiles = (root: string, names: ModuleNames): Map<string, string> => {
  const files = new Map<string, string>([['package.json', packageJson(root, names)]]);
  for (const path of templateFiles(TEMPLATES).sort()) {
    files.set(path.slice(0, -'.tmpl'.length), render(readFileSync(join(TEMPLATES, path), 'utf8'), names, path));
  }
  return files;
};

/** Writes modules/<slug>/; returns the written paths relative to the project root. */
export const writeModule = (root: string, names: ModuleNames): string[] => {
  const files = moduleFiles(root, names);
  const dir = join(root, 'modules', names.slug);
  return [...files].map(([path, text]) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text, { flag: 'wx' });
    return `modules/${names.slug}/${path}`;
  });
};
