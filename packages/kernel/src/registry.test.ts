import { catchAppError } from '@rustok/testing/errors';
import { describe, expect, it } from 'vitest';
import { defineErrors } from './error-catalogue.js';
import { AppError } from './errors.js';
import { defineModule, type ModuleDefinition, type ModuleInput, type ModuleKind } from './module.js';
import { createRegistry } from './registry.js';

const mod = (slug: string, extra: Partial<ModuleInput> = {}): ModuleDefinition =>
  defineModule({ slug, name: `${slug} module`, description: `The ${slug} module`, version: '1.0.0', kind: 'optional', ...extra });

const slugs = (mods: readonly ModuleDefinition[]) => mods.map((m) => m.slug);

/** Every module comes after all of its dependencies, and each appears once. */
const expectDependencyOrder = (mods: readonly ModuleDefinition[]) => {
  const order = slugs(mods);
  expect(new Set(order).size).toBe(order.length);
  for (const m of mods) {
    for (const dep of m.dependencies) expect(order.indexOf(dep), `${dep} before ${m.slug}`).toBeLessThan(order.indexOf(m.slug));
  }
};

describe('defineModule', () => {
  it('fills empty lists and freezes the definition', () => {
    const m = defineModule({ slug: 'content', name: 'Content', description: 'd', version: '1.0.0', kind: 'core' });
    expect(m.dependencies).toEqual([]);
    expect(m.permissions).toEqual([]);
    expect(m.migrations).toEqual([]);
    expect(m.events).toEqual({ emits: [] });
    expect(Object.isFrozen(m)).toBe(true);
  });
});

describe('createRegistry ordering', () => {
  it('accepts no modules', () => {
    const registry = createRegistry([]);
    expect(registry.modules).toEqual([]);
    expect(registry.get('content')).toBeUndefined();
  });

  it('keeps registration order for independent modules', () => {
    expect(slugs(createRegistry([mod('media'), mod('content'), mod('auth')]).modules)).toEqual(['media', 'content', 'auth']);
  });

  it('puts dependencies first when modules are declared in reverse order', () => {
    const registry = createRegistry([
      mod('comments', { dependencies: ['blog'] }),
      mod('blog', { dependencies: ['content'] }),
      mod('content'),
    ]);
    expect(slugs(registry.modules)).toEqual(['content', 'blog', 'comments']);
    expectDependencyOrder(registry.modules);
  });

  it('orders a diamond: base first, top last, each module once', () => {
    const registry = createRegistry([
      mod('top', { dependencies: ['left', 'right'] }),
      mod('right', { dependencies: ['base'] }),
      mod('left', { dependencies: ['base'] }),
      mod('base'),
    ]);
    expect(registry.modules).toHaveLength(4);
    expect(slugs(registry.modules)).toEqual(['base', 'left', 'right', 'top']);
    expectDependencyOrder(registry.modules);
  });

  it('get returns the definition by slug', () => {
    const content = mod('content');
    const registry = createRegistry([mod('blog', { dependencies: ['content'] }), content]);
    expect(registry.get('content')).toBe(content);
    expect(registry.get('blog')?.dependencies).toEqual(['content']);
    expect(registry.get('shop')).toBeUndefined();
  });

  it('lets an optional module depend on a core module', () => {
    const registry = createRegistry([mod('blog', { dependencies: ['content'] }), mod('content', { kind: 'core' })]);
    expect(slugs(registry.modules)).toEqual(['content', 'blog']);
  });

  it('accepts well-formed migrations and permissions, also for a slug with an underscore', () => {
    const registry = createRegistry([
      mod('content', {
        migrations: [
          { name: 'm20240101_content_001_create_posts', up: 'SELECT 1' },
          { name: 'm20240215_content_002_add_index', up: async () => {} },
        ],
        permissions: ['content.post.read', 'content.post_revision.delete'],
      }),
      mod('order_items', {
        migrations: [{ name: 'm20240101_order_items_001_init', up: 'SELECT 1' }],
        permissions: ['order_items.item.read'],
      }),
    ]);
    expect(slugs(registry.modules)).toEqual(['content', 'order_items']);
  });
});

describe('dependents', () => {
  const registry = createRegistry([
    mod('top', { dependencies: ['left', 'right'] }),
    mod('right', { dependencies: ['base'] }),
    mod('left', { dependencies: ['base'] }),
    mod('base'),
    mod('alone'),
  ]);

  it('lists the modules that depend on a slug directly, in registry order', () => {
    expect(registry.dependents('base')).toEqual(['left', 'right']);
    expect(registry.dependents('left')).toEqual(['top']);
    expect(registry.dependents('right')).toEqual(['top']);
  });

  it('is empty for a module nothing depends on, and for an unknown slug', () => {
    expect(registry.dependents('top')).toEqual([]);
    expect(registry.dependents('alone')).toEqual([]);
    expect(registry.dependents('nothing')).toEqual([]);
  });
});

describe('createRegistry boot errors', () => {
  it('KERNEL_MODULE_DEPENDENCY_MISSING names the missing slug', () => {
    const error = catchAppError(() => createRegistry([mod('blog', { dependencies: ['content'] })]));
    expect(error.code).toBe('KERNEL_MODULE_DEPENDENCY_MISSING');
    expect(error.status).toBe(500);
    expect(error.message).toBe('Module registry is invalid: blog: depends on "content", which is not registered');
    expect(error.errors).toEqual([{ path: 'blog', message: 'depends on "content", which is not registered' }]);
    expect(error.meta).toEqual({ codes: ['KERNEL_MODULE_DEPENDENCY_MISSING'] });
  });

  it('KERNEL_MODULE_DEPENDENCY_CYCLE shows the cycle path a -> b -> a', () => {
    const error = catchAppError(() => createRegistry([mod('alpha', { dependencies: ['beta'] }), mod('beta', { dependencies: ['alpha'] })]));
    expect(error.code).toBe('KERNEL_MODULE_DEPENDENCY_CYCLE');
    expect(error.status).toBe(500);
    expect(error.message).toBe('Module registry is invalid: alpha: dependency cycle alpha -> beta -> alpha');
    expect(error.errors).toEqual([{ path: 'alpha', message: 'dependency cycle alpha -> beta -> alpha' }]);
    expect(error.meta).toEqual({ codes: ['KERNEL_MODULE_DEPENDENCY_CYCLE'] });
  });

  it('KERNEL_MODULE_DEPENDENCY_CYCLE shows a longer cycle and leaves out modules outside it', () => {
    const error = catchAppError(() =>
      createRegistry([
        mod('entry', { dependencies: ['alpha'] }),
        mod('alpha', { dependencies: ['beta'] }),
        mod('beta', { dependencies: ['gamma'] }),
        mod('gamma', { dependencies: ['alpha'] }),
      ]),
    );
    expect(error.code).toBe('KERNEL_MODULE_DEPENDENCY_CYCLE');
    expect(error.message).toBe('Module registry is invalid: alpha: dependency cycle alpha -> beta -> gamma -> alpha');
  });

  it('KERNEL_MODULE_DEPENDENCY_CYCLE catches a module that depends on itself', () => {
    const error = catchAppError(() => createRegistry([mod('alpha', { dependencies: ['alpha'] })]));
    expect(error.code).toBe('KERNEL_MODULE_DEPENDENCY_CYCLE');
    expect(error.message).toBe('Module registry is invalid: alpha: dependency cycle alpha -> alpha');
  });

  it('KERNEL_MODULE_DUPLICATE names the slug registered twice', () => {
    const error = catchAppError(() => createRegistry([mod('content'), mod('blog'), mod('content')]));
    expect(error.code).toBe('KERNEL_MODULE_DUPLICATE');
    expect(error.message).toBe('Module registry is invalid: content: is registered twice');
    expect(error.errors).toEqual([{ path: 'content', message: 'is registered twice' }]);
  });

  it('KERNEL_CORE_DEPENDS_ON_OPTIONAL names both modules', () => {
    const error = catchAppError(() => createRegistry([mod('media'), mod('content', { kind: 'core', dependencies: ['media'] })]));
    expect(error.code).toBe('KERNEL_CORE_DEPENDS_ON_OPTIONAL');
    expect(error.message).toBe('Module registry is invalid: content: is core but depends on optional module "media"');
    expect(error.errors).toEqual([{ path: 'content', message: 'is core but depends on optional module "media"' }]);
  });

  it.each(['Content', 'a', '1content', 'con-tent', 'content!', '_content', `c${'x'.repeat(32)}`])(
    'KERNEL_MODULE_INVALID for the bad slug %j',
    (slug) => {
      const error = catchAppError(() => createRegistry([mod(slug)]));
      expect(error.code).toBe('KERNEL_MODULE_INVALID');
      expect(error.message).toBe(
        `Module registry is invalid: ${slug}.slug: must be 2-32 lower-case letters, digits or _ and start with a letter`,
      );
      expect(error.errors).toEqual([
        { path: `${slug}.slug`, message: 'must be 2-32 lower-case letters, digits or _ and start with a letter' },
      ]);
    },
  );

  it('accepts slugs of exactly 2 and 32 characters', () => {
    const longest = `c${'x'.repeat(31)}`;
    expect(slugs(createRegistry([mod('cx'), mod(longest)]).modules)).toEqual(['cx', longest]);
  });

  it.each([
    'm2024_content_001_init',
    'm202401011_content_001_init',
    '20240101_content_001_init',
    'M20240101_content_001_init',
    'm20240101_blog_001_init',
    'm20240101_contents_001_init',
    'm20240101_content_1_init',
    'm20240101_content_0001_init',
    'm20240101_content_001',
    'm20240101_content_001_',
    'm20240101_content_001_Init',
    'm20240101_content_001_add-index',
    'm20240101_content_init',
  ])('KERNEL_MODULE_INVALID for the migration name %j', (name) => {
    const error = catchAppError(() => createRegistry([mod('content', { migrations: [{ name, up: 'SELECT 1' }] })]));
    expect(error.code).toBe('KERNEL_MODULE_INVALID');
    expect(error.message).toBe(`Module registry is invalid: content.migrations: "${name}" is not named m<YYYYMMDD>_content_<nnn>_<desc>`);
    expect(error.errors).toEqual([{ path: 'content.migrations', message: `"${name}" is not named m<YYYYMMDD>_content_<nnn>_<desc>` }]);
  });

  it('KERNEL_MODULE_INVALID for a migration declared twice', () => {
    const name = 'm20240101_content_001_init';
    const error = catchAppError(() =>
      createRegistry([
        mod('content', {
          migrations: [
            { name, up: 'SELECT 1' },
            { name, up: 'SELECT 2' },
          ],
        }),
      ]),
    );
    expect(error.code).toBe('KERNEL_MODULE_INVALID');
    expect(error.message).toBe(`Module registry is invalid: content.migrations: "${name}" is declared twice`);
  });

  it.each([
    'blog.post.read',
    'contents.post.read',
    'content.post',
    'content',
    'Content.post.read',
    'content.post.read.all',
    'content.Post.read',
    'content..read',
  ])('KERNEL_MODULE_INVALID for the permission %j (not prefixed by the slug or not <module>.<entity>.<action>)', (permission) => {
    const error = catchAppError(() => createRegistry([mod('content', { permissions: ['content.post.read', permission] })]));
    expect(error.code).toBe('KERNEL_MODULE_INVALID');
    expect(error.message).toBe(`Module registry is invalid: content.permissions: "${permission}" is not content.<entity>.<action>`);
    expect(error.errors).toEqual([{ path: 'content.permissions', message: `"${permission}" is not content.<entity>.<action>` }]);
  });

  it('KERNEL_MODULE_INVALID for a bad kind, a missing name and a bad version, all at once', () => {
    const error = catchAppError(() => createRegistry([mod('content', { kind: 'plugin' as ModuleKind, name: '', version: 'latest' })]));
    expect(error.code).toBe('KERNEL_MODULE_INVALID');
    expect(error.errors).toEqual([
      { path: 'content.kind', message: 'must be core or optional' },
      { path: 'content.name', message: 'is required' },
      { path: 'content.version', message: 'must be a semantic version' },
    ]);
    expect(error.message).toBe(
      'Module registry is invalid: content.kind: must be core or optional; content.name: is required; content.version: must be a semantic version',
    );
  });

  it('reports every problem in one throw, with the code of the first and the set of codes in meta', () => {
    const error = catchAppError(() =>
      createRegistry([
        mod('content', { kind: 'core', dependencies: ['media'] }),
        mod('media'),
        mod('media'),
        mod('blog', { dependencies: ['missing'], permissions: ['shop.order.read'] }),
      ]),
    );
    expect(error.code).toBe('KERNEL_MODULE_DUPLICATE');
    expect(error.errors).toEqual([
      { path: 'media', message: 'is registered twice' },
      { path: 'blog.permissions', message: '"shop.order.read" is not blog.<entity>.<action>' },
      { path: 'content', message: 'is core but depends on optional module "media"' },
      { path: 'blog', message: 'depends on "missing", which is not registered' },
    ]);
    expect(error.meta).toEqual({
      codes: ['KERNEL_MODULE_DUPLICATE', 'KERNEL_MODULE_INVALID', 'KERNEL_CORE_DEPENDS_ON_OPTIONAL', 'KERNEL_MODULE_DEPENDENCY_MISSING'],
    });
    expect(error.message).toBe(
      'Module registry is invalid: media: is registered twice; blog.permissions: "shop.order.read" is not blog.<entity>.<action>; ' +
        'content: is core but depends on optional module "media"; blog: depends on "missing", which is not registered',
    );
  });
});

describe('error catalogues', () => {
  it('collects the kernel catalogue and every module catalogue, by code', () => {
    const own = defineErrors('registry-test-own', { REGTEST_THING_NOT_FOUND: { status: 404 } });
    const registry = createRegistry([mod('aa', { errors: [own] })]);
    expect(registry.errors.map((e) => e.code)).toContain('VALIDATION_FAILED');
    expect(registry.errors).toContainEqual({
      code: 'REGTEST_THING_NOT_FOUND',
      status: 404,
      title: 'Not found',
      description: '',
      owner: 'registry-test-own',
    });
  });

  it('refuses a code declared by two catalogues at boot (KERNEL_ERROR_CODE_DUPLICATE)', () => {
    const one = defineErrors('registry-test-one', { REGTEST_TWICE: { status: 409 } });
    const two = defineErrors('registry-test-two', { REGTEST_TWICE: { status: 409 } });
    const build = () => createRegistry([mod('aa', { errors: [one] }), mod('bb', { errors: [two] })]);
    expect(build).toThrow(AppError);
    expect(build).toThrow(/REGTEST_TWICE is declared by registry-test-one and by registry-test-two/);
    try {
      build();
    } catch (error) {
      expect(error).toMatchObject({ code: 'KERNEL_ERROR_CODE_DUPLICATE', status: 500 });
    }
  });

  it('refuses a module catalogue that redeclares a kernel code', () => {
    const clash = defineErrors('registry-test-clash', { VALIDATION_FAILED: { status: 422 } });
    expect(() => createRegistry([mod('aa', { errors: [clash] })])).toThrow(/VALIDATION_FAILED is declared by kernel/);
  });
});
