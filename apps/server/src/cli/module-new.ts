import { findProjectRoot } from '@rustok/kernel';
import { failWith } from './output.js';
import { assertNewSlug, type ModuleNames, namesOf, writeModule } from './scaffold.js';
import { manifestEntry, type WorkspaceChanges, wireModule } from './scaffold-workspace.js';

export interface NewModuleOptions {
  /** Also list the module in modules.toml. */
  readonly add?: boolean;
  /** The project root (default: the folder holding modules.toml, from the working directory up). */
  readonly root?: string;
  /** The migration's date (default: today). */
  readonly today?: Date;
}

export interface NewModule {
  readonly names: ModuleNames;
  /** The module's files, relative to the root. */
  readonly files: readonly string[];
  readonly workspace: WorkspaceChanges;
}

/** Checks the slug, writes modules/<slug>/ and wires it into the workspace. Nothing is written when the slug is refused. */
export const createModule = (slug: string, options: NewModuleOptions = {}): NewModule => {
  const root = options.root ?? findProjectRoot();
  assertNewSlug(root, slug);
  const names = namesOf(slug, options.today);
  const files = writeModule(root, names);
  return { names, files, workspace: wireModule(root, slug, { add: options.add === true }) };
};

const indent = (text: string, by: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => `${by}${line}`)
    .join('\n');

/** What `rustok module new` prints: what it wrote and what is left to do, in order. */
const nextSteps = ({ names, files, workspace }: NewModule, added: boolean): string => {
  const { slug, camel, Pascal } = names;
  const manifestStep = added
    ? '1. it is listed in modules.toml (--add); the server compiles in only the modules listed there'
    : `1. list it in modules.toml (the server compiles in only the modules listed there):\n${indent(manifestEntry(slug), '     ')}`;
  return [
    `created modules/${slug}, in the layout of docs/module-layout.md:`,
    ...files.map((file) => `  ${file}`),
    ...(workspace.edited.length > 0 ? [`edited ${workspace.edited.join(', ')}`] : []),
    ...(workspace.linked
      ? [`linked node_modules/@rustok/${slug} -> ../../modules/${slug} (the link npm makes for a workspace package)`]
      : []),
    '',
    'next:',
    `  ${manifestStep}`,
    '  2. npm install                  records the new workspace package in package-lock.json (npm ci needs it)',
    '  3. npm run build                generates the server’s module list and compiles the module',
    `  4. npm run events:schemas       writes schemas/events/${slug}.item.created.v1.json (checked by the event schema test)`,
    '  5. the tenant isolation test needs an area for every route and GraphQL root field: add one for the module',
    '     in apps/server/test/isolation/ (forum.ts is a small example) and list it in its index.ts',
    `  6. npx vitest run modules/${slug}  the module’s own test (REST, GraphQL, its event) on a test platform`,
    `  7. npm run rustok -- start      serves /api/v1/${slug}/items and the GraphQL fields ${camel}Items, create${Pascal}Item`,
    '',
  ].join('\n');
};

/** `rustok module new <slug> [--add]`. */
export const moduleNew = (slug: string, options: { add?: boolean }): void => {
  try {
    const created = createModule(slug, { add: options.add === true });
    process.stdout.write(nextSteps(created, options.add === true));
  } catch (error) {
    failWith(error);
  }
};
