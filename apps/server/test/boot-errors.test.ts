import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError, defineModule } from '@rustok/kernel';
import { describe, expect, it } from 'vitest';
import { bootPlatform, loadKernel } from '../src/boot.js';

const mod = (slug: string, extra: Partial<Parameters<typeof defineModule>[0]> = {}) =>
  defineModule({ slug, name: slug, description: slug, version: '1.0.0', kind: 'optional', ...extra });

const manifestFile = async (text: string) => {
  const dir = await mkdtemp(join(tmpdir(), 'rustok-manifest-'));
  await writeFile(join(dir, 'modules.toml'), text);
  return join(dir, 'modules.toml');
};

const bootError = (options: Parameters<typeof loadKernel>[0]): AppError => {
  try {
    loadKernel({ environment: 'test', env: {}, ...options });
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('boot did not fail');
};

describe('boot refuses to start', () => {
  it('with a bad event transport, naming the key and where it came from', () => {
    const error = bootError({ env: { RUSTOK_EVENT_TRANSPORT: 'kafka' }, manifestFile: false, modules: [] });
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain('settings.rustok.events.transport');
    expect(error.message).toContain('memory, outbox, nats');
    expect(error.message).toContain('RUSTOK_EVENT_TRANSPORT');
  });

  it('before opening any database when the config is bad', async () => {
    await expect(bootPlatform({ environment: 'test', env: { PORT: 'eighty' }, manifestFile: false, modules: [] })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringContaining('server.port'),
    });
  });

  it('when modules.toml lists a module that is not built in, naming it', async () => {
    const file = await manifestFile(
      '[modules.blog]\npackage = "@rustok/blog"\n[modules.content]\npackage = "@rustok/content"\nrequired = true\n',
    );
    const error = bootError({ manifestFile: file, modules: [mod('content', { kind: 'core' })] });
    expect(error.code).toBe('KERNEL_MANIFEST_MISMATCH');
    expect(error.message).toContain('blog: listed in modules.toml but not registered');
    expect(error.message).not.toContain('content:');
  });

  it('when a built-in module is missing from modules.toml or differs from it', async () => {
    const file = await manifestFile('[modules.forum]\npackage = "@rustok/forum"\n');
    const error = bootError({
      manifestFile: file,
      modules: [mod('forum', { dependencies: ['content'] }), mod('content', { kind: 'core' })],
    });
    expect(error.code).toBe('KERNEL_MANIFEST_MISMATCH');
    expect(error.message).toContain('forum: depends_on [] in modules.toml, [content] in the module');
    expect(error.message).toContain('content: registered but not listed in modules.toml');
  });

  it('with each registry error', () => {
    expect(bootError({ manifestFile: false, modules: [mod('blog', { dependencies: ['content'] })] }).code).toBe(
      'KERNEL_MODULE_DEPENDENCY_MISSING',
    );
    expect(
      bootError({ manifestFile: false, modules: [mod('aa', { dependencies: ['bb'] }), mod('bb', { dependencies: ['aa'] })] }).code,
    ).toBe('KERNEL_MODULE_DEPENDENCY_CYCLE');
    expect(bootError({ manifestFile: false, modules: [mod('aa'), mod('aa')] }).code).toBe('KERNEL_MODULE_DUPLICATE');
    expect(bootError({ manifestFile: false, modules: [mod('core1', { kind: 'core', dependencies: ['opt'] }), mod('opt')] }).code).toBe(
      'KERNEL_CORE_DEPENDS_ON_OPTIONAL',
    );
  });

  it('never with the repository manifest and the generated module list', () => {
    expect(() => loadKernel({ environment: 'test', env: {} })).not.toThrow();
  });
});
