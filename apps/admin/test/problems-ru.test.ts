import { createRegistry } from '@rustok/kernel';
import { builtInModules, PLATFORM_MODULES } from '@rustok/server';
import { expect, it } from 'vitest';
import { CLIENT_CODES, PROBLEMS_RU } from '../src/i18n/problems-ru.js';

/** Codes only an operator meets (start-up, configuration, module wiring, defects): never shown in the admin. */
const OPERATOR_ONLY = /^(CLI_|KERNEL_|DB_|CONFIG_|TENANT_CONFIG_|EVENT_DUPLICATE_|EVENTS_NATS_|EVENTS_STREAM_|PERSISTED_QUERY_)/;
const DEFECTS = ['AUTH_NO_SIGNING_KEY', 'AUTH_SIGNING_KEY_INVALID', 'AUTH_TENANT_REQUIRED', 'AUTH_AUDIT_UNAVAILABLE'];

const catalogued = createRegistry([...PLATFORM_MODULES, ...builtInModules]).errors.map((e) => e.code);

it('says in Russian what every code a user can meet means', () => {
  const shown = catalogued.filter((code) => !OPERATOR_ONLY.test(code) && !DEFECTS.includes(code));
  expect(shown.length).toBeGreaterThan(100);
  expect(shown.filter((code) => !PROBLEMS_RU[code])).toEqual([]);
});

it('translates no code the server does not have', () => {
  expect(Object.keys(PROBLEMS_RU).filter((code) => !catalogued.includes(code) && !CLIENT_CODES.includes(code))).toEqual([]);
  expect(Object.values(PROBLEMS_RU).filter((text) => !/\p{Script=Cyrillic}/u.test(text))).toEqual([]);
});
