import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catchAppError } from '@rustok/testing/errors';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertManifestMatches, type Manifest, type ManifestModule, manifestMismatches, parseManifest, readManifest } from './manifest.js';
import { defineModule, type ModuleDefinition, type ModuleInput } from './module.js';

const here = dirname(fileURLToPath(import.meta.url));

const mod = (slug: string, extra: Partial<ModuleInput> = {}): ModuleDefinition =>
  defineModule({ slug, name: slug, description: slug, version: '1.0.0', kind: 'optional', ...extra });

const entry = (slug: string, extra: Partial<ManifestModule> = {}): ManifestModule => ({
  slug,
  package: `@rustok/${slug}`,
  required: false,
  dependsOn: [],
  ...extra,
});

const VALID = `# Modules built into this deployment
[modules.content]
package = "@rustok/content"
required = true

[modules.blog]
package = "@rustok/blog"
depends_on = ["content"]

[modules.media]
package = "@rustok/media"
required = false
depends_on = []
`;

describe('parseManifest', () => {
  it('reads every module in file order, with required = false and depends_on = [] by default', () => {
    expect(parseManifest(VALID)).toEqual({
      modules: [
        { slug: 'content', package: '@rustok/content', required: true, dependsOn: [] },
        { slug: 'blog', package: '@rustok/blog', required: false, dependsOn: ['content'] },
        { slug: 'media', package: '@rustok/media', required: false, dependsOn: [] },
      ],
    });
  });

  it('reads an empty file and an empty [modules] table as no modules', () => {
    expect(parseManifest('')).toEqual({ modules: [] });
    expect(parseManifest('# nothing yet\n[modules]\n')).toEqual({ modules: [] });
  });

  it('reads the inline-table form', () => {
    expect(parseManifest('modules.content = { package = "@rustok/content", required = true }\n')).toEqual({
      modules: [{ slug: 'content', package: '@rustok/content', required: true, dependsOn: [] }],
    });
  });

  it('rejects text that is not TOML with KERNEL_MANIFEST_INVALID', () => {
    const error = catchAppError(() => parseManifest('[modules.content\npackage = "@rustok/content"\n'));
    expect(error.code).toBe('KERNEL_MANIFEST_INVALID');
    expect(error.status).toBe(500);
    expect(error.message.startsWith('modules.toml is not valid TOML: ')).toBe(true);
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('rejects a duplicate table (invalid TOML)', () => {
    const error = catchAppError(() => parseManifest('[modules.content]\npackage = "a"\n[modules.content]\npackage = "b"\n'));
    expect(error.code).toBe('KERNEL_MANIFEST_INVALID');
    expect(error.message.startsWith('modules.toml is not valid TOML: ')).toBe(true);
  });

  it('rejects an unknown key in a module entry and names it', () => {
    const error = catchAppError(() => parseManifest('[modules.content]\npackage = "@rustok/content"\nrequried = true\n'));
    expect(error.code).toBe('KERNEL_MANIFEST_INVALID');
    expect(error.message).toBe('modules.toml is invalid: modules.content.requried: is not a known key');
    expect(error.errors).toEqual([{ path: 'modules.content.requried', message: 'is not a known key' }]);
  });

  it('rejects an unknown top-level key and names it', () => {
    const error = catchAppError(() => parseManifest('version = 2\n[modules.content]\npackage = "@rustok/content"\n'));
    expect(error.code).toBe('KERNEL_MANIFEST_INVALID');
    expect(error.message).toBe('modules.toml is invalid: version: is not a known key');
  });

  it.each(['Content', 'con-tent', '1content', 'c'])('rejects the module key %j, which is not a slug', (slug) => {
    const error = catchAppError(() => parseManifest(`[modules.${JSON.stringify(slug)}]\npackage = "@rustok/x"\n`));
    expect(error.code).toBe('KERNEL_MANIFEST_INVALID');
    expect(error.message).toBe(`modules.toml is invalid: modules.${slug}: is not a known key`);
  });

  it('requires package and checks value types, reporting every problem at once', () => {
    const text = '[modules.content]\nrequired = "yes"\n\n[modules.blog]\npackage = "@rustok/blog"\ndepends_on = "content"\n';
    const error = catchAppError(() => parseManifest(text));
    expect(error.code).toBe('KERNEL_MANIFEST_INVALID');
    expect(error.errors).toEqual([
      { path: 'modules.content.package', message: 'is required' },
      { path: 'modules.content.required', message: 'must be boolean (got "yes")' },
      { path: 'modules.blog.depends_on', message: 'must be array (got "content")' },
    ]);
    expect(error.message).toBe(
      'modules.toml is invalid: modules.content.package: is required; modules.content.required: must be boolean (got "yes"); ' +
        'modules.blog.depends_on: must be array (got "content")',
    );
  });

  it('rejects an empty package name', () => {
    const error = catchAppError(() => parseManifest('[modules.content]\npackage = ""\n'));
    expect(error.code).toBe('KERNEL_MANIFEST_INVALID');
    expect(error.errors.map((e) => e.path)).toEqual(['modules.content.package']);
  });
});

describe('readManifest', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rustok-manifest-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads and parses a file', async () => {
    const file = join(dir, 'modules.toml');
    await writeFile(file, VALID);
    expect(readManifest(file)).toEqual(parseManifest(VALID));
  });

  it('reads the repository modules.toml', () => {
    const manifest = readManifest(resolve(here, '../../../modules.toml'));
    expect(Array.isArray(manifest.modules)).toBe(true);
    for (const m of manifest.modules) expect(m.package.length).toBeGreaterThan(0);
  });
});

describe('manifestMismatches / assertManifestMatches', () => {
  const manifest: Manifest = {
    modules: [entry('content', { required: true }), entry('blog', { dependsOn: ['content', 'media'] }), entry('media')],
  };
  const modules = [mod('media'), mod('content', { kind: 'core' }), mod('blog', { dependencies: ['media', 'content'] })];

  it('finds nothing when the manifest and the modules agree (order does not matter)', () => {
    expect(manifestMismatches(manifest, modules)).toEqual([]);
    expect(() => assertManifestMatches(manifest, modules)).not.toThrow();
    expect(() => assertManifestMatches({ modules: [] }, [])).not.toThrow();
  });

  it('agrees with a manifest parsed from TOML', () => {
    const parsed = parseManifest(VALID);
    expect(
      manifestMismatches(parsed, [mod('content', { kind: 'core' }), mod('blog', { dependencies: ['content'] }), mod('media')]),
    ).toEqual([]);
  });

  it('names a module listed in modules.toml but not registered', () => {
    expect(manifestMismatches(manifest, [mod('content', { kind: 'core' }), mod('media')])).toEqual([
      'blog: listed in modules.toml but not registered (rebuild after editing the manifest)',
    ]);
  });

  it('names a module registered but not listed in modules.toml', () => {
    expect(manifestMismatches(manifest, [...modules, mod('shop')])).toEqual(['shop: registered but not listed in modules.toml']);
  });

  it('names a module whose depends_on differs from its dependencies', () => {
    expect(
      manifestMismatches(manifest, [mod('media'), mod('content', { kind: 'core' }), mod('blog', { dependencies: ['content'] })]),
    ).toEqual(['blog: depends_on [content, media] in modules.toml, [content] in the module']);
  });

  it('compares depends_on as a set: a repeated entry does not stand in for a missing one', () => {
    const repeated: Manifest = {
      modules: [entry('content', { required: true }), entry('blog', { dependsOn: ['content', 'content'] }), entry('media')],
    };
    expect(
      manifestMismatches(repeated, [mod('media'), mod('content', { kind: 'core' }), mod('blog', { dependencies: ['content', 'media'] })]),
    ).toEqual(['blog: depends_on [content, content] in modules.toml, [content, media] in the module']);
  });

  it('names a module whose required flag differs from its kind, both ways', () => {
    const flipped: Manifest = {
      modules: [entry('content'), entry('blog', { required: true, dependsOn: ['content', 'media'] }), entry('media')],
    };
    expect(manifestMismatches(flipped, modules)).toEqual([
      'content: required = false in modules.toml but the module is core',
      'blog: required = true in modules.toml but the module is optional',
    ]);
  });

  it('assertManifestMatches throws KERNEL_MANIFEST_MISMATCH naming each slug that differs', () => {
    const registered = [mod('content'), mod('blog', { dependencies: ['content'] }), mod('shop')];
    const error = catchAppError(() => assertManifestMatches(manifest, registered));
    const problems = [
      'content: required = true in modules.toml but the module is optional',
      'blog: depends_on [content, media] in modules.toml, [content] in the module',
      'media: listed in modules.toml but not registered (rebuild after editing the manifest)',
      'shop: registered but not listed in modules.toml',
    ];
    expect(error.code).toBe('KERNEL_MANIFEST_MISMATCH');
    expect(error.status).toBe(500);
    expect(error.message).toBe(`modules.toml does not match the registered modules: ${problems.join('; ')}`);
    expect(error.errors).toEqual([
      { path: 'content', message: problems[0] },
      { path: 'blog', message: problems[1] },
      { path: 'media', message: problems[2] },
      { path: 'shop', message: problems[3] },
    ]);
  });
});
