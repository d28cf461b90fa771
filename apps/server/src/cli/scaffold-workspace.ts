import { appendFileSync, existsSync, lstatSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What a new module package needs outside its folder for `npm run build` to compile it and the
 * server to import it: tsconfig references (root and server), the server's dependency, the
 * workspace link in node_modules, and (when asked) its entry in modules.toml.
 */

/**
 * Adds `{ "path": "<path>" }` to the references of a tsconfig text, after the last reference whose
 * path starts with `after`, in the file's own formatting; the text as it is when the path is there.
 */
export const addReference = (text: string, after: string, path: string): string => {
  if (text.includes(`"path": "${path}"`)) return text;
  const at = text.lastIndexOf(`"path": "${after}`);
  if (at < 0) {
    const config = JSON.parse(text) as { references?: { path: string }[] };
    config.references = [...(config.references ?? []), { path }];
    return `${JSON.stringify(config, null, 2)}\n`;
  }
  const open = text.lastIndexOf('{', at);
  const close = text.indexOf('}', at);
  const entry = text.slice(open, close + 1).replace(/"path": "[^"]*"/, `"path": "${path}"`);
  const indent = text.slice(text.lastIndexOf('\n', open) + 1, open);
  const separator = /^\s*$/.test(indent) ? `,\n${indent}` : ', ';
  return `${text.slice(0, close + 1)}${separator}${entry}${text.slice(close + 1)}`;
};

const editFile = (file: string, edit: (text: string) => string): boolean => {
  const before = readFileSync(file, 'utf8');
  const after = edit(before);
  if (after !== before) writeFileSync(file, after);
  return after !== before;
};

/** Adds the package to the server's dependencies (kept in name order, as npm writes them). */
const addServerDependency = (text: string, name: string, version: string): string => {
  const pkg = JSON.parse(text) as { dependencies?: Record<string, string> };
  if (pkg.dependencies?.[name]) return text;
  const dependencies = { ...(pkg.dependencies ?? {}), [name]: version };
  pkg.dependencies = Object.fromEntries(Object.entries(dependencies).sort(([a], [b]) => a.localeCompare(b)));
  return `${JSON.stringify(pkg, null, 2)}\n`;
};

/** The modules.toml entry of a new module (optional, no dependencies). */
export const manifestEntry = (slug: string): string => `[modules.${slug}]\npackage = "@rustok/${slug}"\nrequired = false\n`;

export interface WorkspaceChanges {
  /** Files changed outside the module's folder, relative to the root. */
  readonly edited: readonly string[];
  /** node_modules/@rustok/<slug> was created (as npm links a workspace package). */
  readonly linked: boolean;
}

/** Wires modules/<slug> into the workspace; `add` also lists it in modules.toml. */
export const wireModule = (root: string, slug: string, options: { add?: boolean } = {}): WorkspaceChanges => {
  const edited: string[] = [];
  const edit = (file: string, fn: (text: string) => string) => {
    if (existsSync(join(root, file)) && editFile(join(root, file), fn)) edited.push(file);
  };
  edit('tsconfig.json', (text) => addReference(text, 'modules/', `modules/${slug}`));
  edit('apps/server/tsconfig.json', (text) => addReference(text, '../../modules/', `../../modules/${slug}`));
  edit('apps/server/package.json', (text) => addServerDependency(text, `@rustok/${slug}`, '0.1.0'));
  if (options.add) {
    const manifest = join(root, 'modules.toml');
    const text = readFileSync(manifest, 'utf8');
    const gap = text === '' || text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
    appendFileSync(manifest, `${gap}${manifestEntry(slug)}`);
    edited.push('modules.toml');
  }
  const scope = join(root, 'node_modules', '@rustok');
  const link = join(scope, slug);
  const linked = existsSync(scope) && !lstatSync(link, { throwIfNoEntry: false });
  if (linked) symlinkSync(join('..', '..', 'modules', slug), link, 'dir');
  return { edited, linked };
};
