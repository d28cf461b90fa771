// Generates apps/server/src/modules.generated.ts from modules.toml: the module list compiled into
// this deployment. Run by `npm run build`; edit modules.toml, never the generated file.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'smol-toml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = parse(readFileSync(join(root, 'modules.toml'), 'utf8'));
const entries = Object.entries(manifest.modules ?? {});
const ident = (slug) => `${slug.replace(/_(.)/g, (_, c) => c.toUpperCase())}Module`;
const lines = [
  '// Generated from modules.toml by scripts/gen-modules.mjs. Do not edit.',
  "import type { ModuleDefinition } from '@rustok/kernel';",
  ...entries.map(([slug, e]) => `import ${ident(slug)} from '${e.package}';`),
  '',
  `export const builtInModules: readonly ModuleDefinition[] = [${entries.map(([slug]) => ident(slug)).join(', ')}];`,
  '',
];
const target = join(root, 'apps/server/src/modules.generated.ts');
const text = lines.join('\n');
let current = '';
try {
  current = readFileSync(target, 'utf8');
} catch {}
if (current !== text) writeFileSync(target, text);
