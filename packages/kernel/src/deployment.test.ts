import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catchAppError } from '@rustok/testing/errors';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config/load.js';
import { deploymentNames } from './deployment.js';

const CONFIG_DIR = join(resolve(dirname(fileURLToPath(import.meta.url)), '../../..'), 'config');
const events = { nats_subject_root: 'rustok' } as const;

describe('deployment names', () => {
  it('keeps the names of a single deployment when none is given', () => {
    expect(deploymentNames({ deployment: null, events } as never)).toEqual({
      deployment: null,
      redisPrefix: 'rustok',
      natsSubjectRoot: 'rustok',
      natsStreamPrefix: 'RUSTOK',
      natsDurablePrefix: '',
    });
  });

  it('prefixes Redis keys, NATS subjects, streams and durables with the deployment', () => {
    expect(deploymentNames({ deployment: 'shop-eu', events } as never)).toEqual({
      deployment: 'shop-eu',
      redisPrefix: 'rustok:shop-eu',
      natsSubjectRoot: 'rustok-shop-eu',
      natsStreamPrefix: 'RUSTOK_SHOP-EU',
      natsDurablePrefix: 'shop-eu_',
    });
  });

  it('is read from settings.rustok.deployment (or its variable) and must be a short slug', () => {
    const load = (value: string) =>
      loadConfig({ dir: CONFIG_DIR, environment: 'test', env: { RUSTOK_SETTINGS__RUSTOK__DEPLOYMENT: value } });
    expect(load('shop-eu').settings.rustok.deployment).toBe('shop-eu');
    expect(loadConfig({ dir: CONFIG_DIR, environment: 'test', env: {} }).settings.rustok.deployment).toBeNull();
    for (const bad of ['Shop', 'shop.eu', 'shop eu', '-shop', 'shop-', 'a'.repeat(33), 'shop*', 'shop>'])
      expect(catchAppError(() => load(bad)).code, bad).toBe('CONFIG_INVALID');
  });
});
