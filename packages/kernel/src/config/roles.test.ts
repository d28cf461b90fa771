import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catchAppError } from '@rustok/testing/errors';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './load.js';
import { consumerSelected, PROCESS_ROLES, parseRoleList, processRoles, splitRoleList } from './roles.js';

const REPO_CONFIG = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../config');
const load = (env: Record<string, string>, overrides?: Record<string, unknown>) =>
  loadConfig({ dir: REPO_CONFIG, environment: 'test', env, overrides });

describe('process roles', () => {
  it('runs every role by default', () => {
    expect(load({}).server.roles).toEqual(['api', 'relay', 'consumers', 'jobs']);
    expect(processRoles(load({}).server.roles)).toEqual({ api: true, relay: true, consumers: true, jobs: true });
  });

  it('reads RUSTOK_SERVER__ROLES=api,jobs as a list', () => {
    const config = load({ RUSTOK_SERVER__ROLES: 'api, jobs' });
    expect(config.server.roles).toEqual(['api', 'jobs']);
    expect(processRoles(config.server.roles)).toEqual({ api: true, relay: false, consumers: false, jobs: true });
    expect(load({ RUSTOK_SERVER__ROLES: '[relay,consumers]' }).server.roles).toEqual(['relay', 'consumers']);
  });

  it('rejects an unknown role from a variable with CONFIG_INVALID naming the key and the variable', () => {
    const error = catchAppError(() => load({ RUSTOK_SERVER__ROLES: 'api,worker' }));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain('server.roles.1: must be one of api, relay, consumers, jobs (got "worker")');
    expect(error.message).toContain('api, relay, consumers, jobs');
    expect(error.message).toContain('"worker"');
    expect(error.message).toContain('(from RUSTOK_SERVER__ROLES)');
  });

  it('rejects an empty list and a repeated role', () => {
    expect(catchAppError(() => load({}, { server: { roles: [] } })).message).toContain('server.roles');
    expect(catchAppError(() => load({}, { server: { roles: ['api', 'api'] } })).code).toBe('CONFIG_INVALID');
  });

  it('parses a --roles list, naming its source for an unknown or missing role', () => {
    expect(parseRoleList('api,relay,api', '--roles')).toEqual(['api', 'relay']);
    const unknown = catchAppError(() => parseRoleList('api,indexer,cron', '--roles'));
    expect(unknown.code).toBe('CONFIG_INVALID');
    expect(unknown.message).toBe('--roles: unknown role "indexer", "cron" (roles: api, relay, consumers, jobs)');
    expect(catchAppError(() => parseRoleList(' , ', '--roles')).message).toBe(
      '--roles: no role given (roles: api, relay, consumers, jobs)',
    );
  });

  it('splits lists with or without brackets and spaces', () => {
    expect(splitRoleList('[ api , jobs ]')).toEqual(['api', 'jobs']);
    expect(splitRoleList('')).toEqual([]);
    expect(PROCESS_ROLES).toEqual(['api', 'relay', 'consumers', 'jobs']);
  });
});

describe('consumer filter', () => {
  it('runs every consumer by default, and reads RUSTOK_SERVER__CONSUMERS as a list', () => {
    expect(load({}).server.consumers).toEqual([]);
    expect(load({ RUSTOK_SERVER__CONSUMERS: 'index.*, notifications.webhook-fan-out' }).server.consumers).toEqual([
      'index.*',
      'notifications.webhook-fan-out',
    ]);
  });

  it('refuses what is neither a consumer name nor a prefix with CONFIG_INVALID', () => {
    for (const bad of ['Index.*', 'index.*.x', 'index..products', 'index *'])
      expect(catchAppError(() => load({ RUSTOK_SERVER__CONSUMERS: bad })).code, bad).toBe('CONFIG_INVALID');
  });

  it('selects by name, by prefix and by *', () => {
    expect(consumerSelected([], 'index.products')).toBe(true);
    expect(consumerSelected(['index.*'], 'index.products')).toBe(true);
    expect(consumerSelected(['index.*'], 'indexer.products')).toBe(false);
    expect(consumerSelected(['index.*'], 'notifications.webhook-fan-out')).toBe(false);
    expect(consumerSelected(['notifications.webhook-fan-out'], 'notifications.webhook-fan-out')).toBe(true);
    expect(consumerSelected(['notifications.webhook-fan-out'], 'notifications.inbox')).toBe(false);
    expect(consumerSelected(['*'], 'anything.at-all')).toBe(true);
  });
});
