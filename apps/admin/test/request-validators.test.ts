import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtInModules } from '@rustok/server';
import { createTestPlatform, type TestPlatform, testBackends } from '@rustok/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenApiDocument, requestValidatorsSource } from '../scripts/request-validators.js';
import { contractResolver } from '../src/contracts/resolver.js';
import { describeWith, ruleMessages } from '../src/contracts/rule-messages.js';
import { problemsOf } from '../src/contracts/validate.js';

const FILE = join(import.meta.dirname, '../src/contracts/request-validators.generated.ts');
const en = describeWith(ruleMessages.en);

describe('request validators of the admin forms', () => {
  let platform: TestPlatform;
  let doc: OpenApiDocument;
  beforeAll(async () => {
    platform = await createTestPlatform({ backend: testBackends()[0] as ReturnType<typeof testBackends>[number], modules: builtInModules });
    doc = (await platform.app.inject({ method: 'GET', url: '/swagger/json' })).json<OpenApiDocument>();
  });
  afterAll(() => platform?.close());

  it('are compiled from the request schemas the server validates with now (else: npm run contracts:validators)', () => {
    const source = requestValidatorsSource(doc);
    if (process.env.RUSTOK_WRITE_VALIDATORS === '1') writeFileSync(FILE, source);
    expect(readFileSync(FILE, 'utf8')).toBe(source);
  });

  it('refuses a body as the server would, one problem per field, in the UI language', () => {
    const problems = problemsOf('POST /api/v1/commerce/tax-rates', { countryCode: 'gb', name: '', rateBp: -5, extra: 1 }, en);
    expect(problems.map((p) => p.path).sort()).toEqual(['/countryCode', '/extra', '/name', '/rateBp']);
    expect(problems.find((p) => p.path === '/name')?.message).toBe('must have at least 1 characters');
    const ru = problemsOf('POST /api/v1/commerce/tax-rates', { name: 'VAT', rateBp: 2000 }, describeWith(ruleMessages.ru));
    expect(ru).toEqual([{ path: '/countryCode', message: 'обязательно' }]);
  });

  it('passes a body the server takes', () => {
    expect(problemsOf('POST /api/v1/commerce/tax-rates', { countryCode: 'GB', name: 'VAT', rateBp: 2000 }, en)).toEqual([]);
    expect(problemsOf('PATCH /api/v1/commerce/products/{id}', { seoTitle: 'Tea', tags: ['green'] }, en)).toEqual([]);
  });

  it('gives react-hook-form the problems at the fields the form has, the rest at root', async () => {
    const resolve = contractResolver<{ name: string; rate: string }>(
      'POST /api/v1/commerce/tax-rates',
      (v) => ({ name: v.name, rateBp: Math.round(Number(v.rate) * 100) }),
      en,
    );
    const context = { shouldUseNativeValidation: false, fields: {} } as Parameters<typeof resolve>[2];
    const refused = await resolve({ name: '', rate: '20' }, undefined, context);
    expect(refused.errors).toEqual({
      name: { type: 'contract', message: 'must have at least 1 characters' },
      root: { type: 'contract', message: '/countryCode is required' },
    });
    const passed = await resolve({ name: 'VAT', rate: '20' }, undefined, context);
    expect(Object.keys(passed.errors)).toEqual(['root']);
  });
});
