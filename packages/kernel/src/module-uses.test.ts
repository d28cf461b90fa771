import { catchAppError } from '@rustok/testing/errors';
import { describe, expect, it } from 'vitest';
import { type Manifest, manifestMismatches, parseManifest } from './manifest.js';
import { defineModule, type ModuleDefinition, type ModuleInput } from './module.js';
import { createRegistry } from './registry.js';

const mod = (slug: string, extra: Partial<ModuleInput> = {}): ModuleDefinition =>
  defineModule({ slug, name: `${slug} module`, description: `The ${slug} module`, version: '1.0.0', kind: 'optional', ...extra });

const slugs = (mods: readonly ModuleDefinition[]) => mods.map((m) => m.slug);

describe('module uses in the registry', () => {
  it('lets an optional use be absent', () => {
    const registry = createRegistry([mod('index', { kind: 'core', uses: [{ slug: 'commerce', optional: true }] })]);
    expect(slugs(registry.modules)).toEqual(['index']);
  });

  it('orders a module after a module it uses optionally when both are registered', () => {
    const registry = createRegistry([mod('index', { uses: [{ slug: 'commerce', optional: true }] }), mod('commerce')]);
    expect(slugs(registry.modules)).toEqual(['commerce', 'index']);
  });

  it('KERNEL_MODULE_DEPENDENCY_MISSING for a use that is not optional and not registered', () => {
    const err = catchAppError(() => createRegistry([mod('index', { uses: [{ slug: 'commerce' }] })]));
    expect(err.code).toBe('KERNEL_MODULE_DEPENDENCY_MISSING');
    expect(err.errors).toEqual([{ path: 'index', message: 'depends on "commerce", which is not registered' }]);
  });

  it('KERNEL_CORE_DEPENDS_ON_OPTIONAL for a core module that needs an optional one through a use', () => {
    const err = catchAppError(() => createRegistry([mod('commerce'), mod('index', { kind: 'core', uses: [{ slug: 'commerce' }] })]));
    expect(err.code).toBe('KERNEL_CORE_DEPENDS_ON_OPTIONAL');
  });

  it('a core module may use an optional module optionally', () => {
    expect(() =>
      createRegistry([mod('commerce'), mod('index', { kind: 'core', uses: [{ slug: 'commerce', optional: true }] })]),
    ).not.toThrow();
  });

  it('counts a required use among the dependents of the used module, an optional one not', () => {
    const registry = createRegistry([
      mod('commerce'),
      mod('pages', { uses: [{ slug: 'commerce', optional: true }] }),
      mod('orders', { uses: [{ slug: 'commerce' }] }),
    ]);
    expect(registry.dependents('commerce')).toEqual(['orders']);
  });

  it('KERNEL_MODULE_DEPENDENCY_CYCLE through optional uses too', () => {
    const err = catchAppError(() =>
      createRegistry([mod('alpha', { uses: [{ slug: 'beta', optional: true }] }), mod('beta', { dependencies: ['alpha'] })]),
    );
    expect(err.code).toBe('KERNEL_MODULE_DEPENDENCY_CYCLE');
  });
});

describe('module uses in modules.toml', () => {
  const toml = '[modules.commerce]\npackage = "@rustok/commerce"\n\n[modules.index]\npackage = "@rustok/index"\nuses = ["commerce"]\n';
  const modules = [mod('commerce'), mod('index', { uses: [{ slug: 'commerce', optional: true }] })];

  it('reads uses, and leaves it out of an entry without it', () => {
    expect(parseManifest(toml).modules).toEqual([
      { slug: 'commerce', package: '@rustok/commerce', required: false, dependsOn: [] },
      { slug: 'index', package: '@rustok/index', required: false, dependsOn: [], uses: ['commerce'] },
    ]);
  });

  it('agrees when uses lists the optional uses', () => {
    expect(manifestMismatches(parseManifest(toml), modules)).toEqual([]);
  });

  it('names a module whose optional uses are not listed', () => {
    const manifest: Manifest = { modules: parseManifest(toml).modules.map((m) => ({ ...m, uses: [] })) };
    expect(manifestMismatches(manifest, modules)).toEqual(['index: uses [] in modules.toml, [commerce] in the module']);
  });

  it('a required use belongs in depends_on', () => {
    const required = [mod('commerce'), mod('index', { uses: [{ slug: 'commerce' }] })];
    expect(manifestMismatches(parseManifest(toml), required)).toEqual([
      'index: depends_on [] in modules.toml, [commerce] in the module',
      'index: uses [commerce] in modules.toml, [] in the module',
    ]);
  });
});
