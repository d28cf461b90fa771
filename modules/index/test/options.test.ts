import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@rustok/kernel';
import { CONFIG_DIR } from '@rustok/testing';
import { catchAppError } from '@rustok/testing/errors';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { indexModule } from '../src/module.js';
import { indexOptions } from '../src/options.js';

let dir: string;
const write = (name: string, text: string) => writeFile(join(dir, name), text);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rustok-index-options-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('index options: settings.rustok.search and settings.rustok.index', () => {
  it('applies every default when there are no files', () => {
    expect(indexOptions(loadConfig({ dir, env: {}, modules: [indexModule] }))).toEqual({
      search: { default_locale: 'en', trigram_fallback: true, max_results: 100 },
      index: {
        reindex_schedule: null,
        cache_ttl_ms: 0,
        facet_cache_ms: 10_000,
        batch_size: 200,
        default_currency: 'USD',
        price_buckets: [2_500, 5_000, 10_000, 25_000, 50_000],
      },
    });
  });

  it('lets the environment file override default.yaml, keeping sibling keys', async () => {
    await write('default.yaml', 'server:\n  host: 10.0.0.1\n  port: 4000\nsettings:\n  rustok:\n    search:\n      max_results: 50\n');
    await write('production.yaml', 'server:\n  port: 5000\nsettings:\n  rustok:\n    search:\n      default_locale: de\n');
    await write('development.yaml', 'server:\n  port: 6000\n');
    const config = loadConfig({ dir, environment: 'production', env: {}, modules: [indexModule] });
    expect(config.environment).toBe('production');
    expect(config.server.host).toBe('10.0.0.1');
    expect(config.server.port).toBe(5000);
    expect(indexOptions(config).search).toEqual({ default_locale: 'de', trigram_fallback: true, max_results: 50 });
  });

  it('reads the same variables as before (RUSTOK_SETTINGS__RUSTOK__INDEX__...) and the repository files', () => {
    const config = loadConfig({
      dir: CONFIG_DIR,
      environment: 'production',
      env: { RUSTOK_SETTINGS__RUSTOK__INDEX__REINDEX_SCHEDULE: '0 3 * * *', RUSTOK_SETTINGS__RUSTOK__SEARCH__TRIGRAM_FALLBACK: 'false' },
      modules: [indexModule],
    });
    expect(indexOptions(config).index.reindex_schedule).toBe('0 3 * * *');
    expect(indexOptions(config).search.trigram_fallback).toBe(false);
  });

  it('reports a bad value at boot with the other problems, naming its key and variable', () => {
    const error = catchAppError(() =>
      loadConfig({ dir, env: { RUSTOK_SETTINGS__RUSTOK__INDEX__DEFAULT_CURRENCY: 'usd' }, modules: [indexModule] }),
    );
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain('settings.rustok.index.default_currency');
    expect(error.message).toContain('(from RUSTOK_SETTINGS__RUSTOK__INDEX__DEFAULT_CURRENCY)');
  });
});
