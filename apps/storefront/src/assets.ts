import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Assets } from './views/document.js';

/** The package's folder (this file is in src/ or dist/). */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BUILT_ASSETS_DIR = join(ROOT, 'dist', 'assets');
const ISLANDS_DIR = join(ROOT, 'src', 'islands');
const THEME_CSS = join(ROOT, 'src', 'theme', 'base.css');

export interface AssetFile {
  readonly body: Buffer;
  readonly type: string;
}

/** The storefront's static files (stylesheet, island scripts and their shared chunks), by hashed name. */
export interface StoreAssets extends Assets {
  readonly files: ReadonlyMap<string, AssetFile>;
}

interface Manifest {
  readonly css: string;
  readonly islands: Readonly<Record<string, string>>;
}

const typeOf = (name: string): string => (name.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8');
const hashOf = (body: Buffer | string): string => createHash('sha256').update(body).digest('hex').slice(0, 10);

const assetsOf = (manifest: Manifest, files: Map<string, AssetFile>): StoreAssets => ({
  files,
  css: `/assets/${manifest.css}`,
  script: (name) => (manifest.islands[name] ? `/assets/${manifest.islands[name]}` : undefined),
});

/** Island entries: `src/islands/<name>.client.tsx`, each hydrating its island. */
const islandEntries = (): string[] =>
  existsSync(ISLANDS_DIR)
    ? readdirSync(ISLANDS_DIR)
        .filter((f) => f.endsWith('.client.tsx'))
        .map((f) => join(ISLANDS_DIR, f))
    : [];

/** Bundles the islands (esbuild: ES modules, shared chunks, minified) and hashes the stylesheet, in memory. */
export const buildAssets = async (): Promise<{ manifest: Manifest; files: Map<string, AssetFile> }> => {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: islandEntries(),
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    target: 'es2020',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    outdir: 'out',
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    write: false,
    metafile: true,
    legalComments: 'none',
  });
  const files = new Map<string, AssetFile>();
  const islands: Record<string, string> = {};
  for (const file of result.outputFiles) files.set(basename(file.path), { body: Buffer.from(file.contents), type: typeOf(file.path) });
  for (const [out, meta] of Object.entries(result.metafile.outputs)) {
    if (meta.entryPoint) islands[basename(meta.entryPoint).replace(/\.client\.tsx$/, '')] = basename(out);
  }
  const css = readFileSync(THEME_CSS);
  const cssName = `storefront-${hashOf(css)}.css`;
  files.set(cssName, { body: css, type: typeOf(cssName) });
  return { manifest: { css: cssName, islands }, files };
};

/** Writes the built assets and their manifest to dist/assets (`npm run build`). */
export const writeAssets = async (dir = BUILT_ASSETS_DIR): Promise<Manifest> => {
  const { manifest, files } = await buildAssets();
  await mkdir(dir, { recursive: true });
  for (const [name, file] of files) await writeFile(join(dir, name), file.body);
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
};

/**
 * The storefront's assets. `built`: dist/assets (`npm run build`); `fresh`: bundled now from the
 * sources, in memory (development and tests, so a change shows without a build); `auto`: the build
 * when there is one, else fresh.
 */
export const loadAssets = async (mode: 'built' | 'fresh' | 'auto' = 'auto', dir = BUILT_ASSETS_DIR): Promise<StoreAssets> => {
  const manifestFile = join(dir, 'manifest.json');
  if (mode === 'fresh' || (mode === 'auto' && !existsSync(manifestFile))) {
    const { manifest, files } = await buildAssets();
    return assetsOf(manifest, files);
  }
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  const files = new Map<string, AssetFile>();
  for (const name of readdirSync(dir))
    if (name !== 'manifest.json') files.set(name, { body: readFileSync(join(dir, name)), type: typeOf(name) });
  return assetsOf(manifest, files);
};
