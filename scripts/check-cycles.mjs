// Fails when the import graph has a cycle: between source files, or between workspace packages.
// Type-only imports count (`import type` ties modules together as much as any other import).
// Tests are left out (a test may import what it tests from anywhere). Run by `npm run lint`;
// `node scripts/check-cycles.mjs [root]` checks another tree laid out the same way.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..');
const options = { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, customConditions: ['source'] };
const host = ts.createCompilerHost(options);

const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : walk(path);
    return /\.tsx?$/.test(name) && !/\.(test|d)\.tsx?$/.test(name) && !path.includes(`${sep}test-fixtures${sep}`) ? [path] : [];
  });

const sourceRoots = ['packages', 'modules', 'apps'].flatMap((group) =>
  (statSync(join(root, group), { throwIfNoEntry: false }) ? readdirSync(join(root, group)) : []).map((name) =>
    join(root, group, name, 'src'),
  ),
);
const files = sourceRoots.flatMap((dir) => (statSync(dir, { throwIfNoEntry: false })?.isDirectory() ? walk(dir) : []));
const known = new Set(files);

/** The workspace package a file belongs to: "packages/db", "modules/index". */
const packageOf = (file) => relative(root, file).split(sep).slice(0, 2).join('/');

const importsOf = (file) =>
  ts
    .preProcessFile(readFileSync(file, 'utf8'), true, true)
    .importedFiles.map(({ fileName }) => ts.resolveModuleName(fileName, file, options, host).resolvedModule?.resolvedFileName)
    .filter((resolved) => resolved !== undefined && known.has(resolved));

const graph = new Map(files.map((file) => [file, importsOf(file)]));

/** Strongly connected components of more than one node (or a node importing itself): Tarjan's algorithm. */
const cyclesOf = (edges) => {
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (node) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node), index.get(next)));
    }
    if (low.get(node) !== index.get(node)) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (edges.get(node) ?? []).includes(node)) found.push(component);
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return found;
};

const packageEdges = new Map();
for (const [file, targets] of graph) {
  const from = packageOf(file);
  const set = packageEdges.get(from) ?? new Set();
  for (const target of targets) if (packageOf(target) !== from) set.add(packageOf(target));
  packageEdges.set(from, set);
}

const fileCycles = cyclesOf(graph).map((c) => c.map((f) => relative(root, f)).sort());
const packageCycles = cyclesOf(new Map([...packageEdges].map(([k, v]) => [k, [...v]]))).map((c) => c.sort());
for (const cycle of packageCycles) console.error(`package import cycle: ${cycle.join(' → ')}`);
for (const cycle of fileCycles) console.error(`file import cycle (${cycle.length} files):\n  ${cycle.join('\n  ')}`);
if (fileCycles.length + packageCycles.length > 0) process.exit(1);
console.log(`import cycles: none (${files.length} files, ${packageEdges.size} packages)`);
