import { findProjectRoot } from '@rustok/kernel';
import { builtInModules } from '@rustok/server';
import { createTestPlatform, type TestPlatform, testBackends } from '@rustok/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raisedCodes } from './fixtures/raised-codes.js';

/**
 * Every code the sources can raise an error with is in the error catalogue, the OpenAPI document
 * and the answer of GET /api/v1/errors, and every catalogued code is raised somewhere. The sources
 * are packages/* /src, modules/* /src and apps/* /src without tests and test fixtures.
 */
const root = findProjectRoot();

/** Catalogued on purpose without a raise site in the sources. */
const NOT_RAISED_ON_PURPOSE: readonly string[] = [];

describe('error catalogue', () => {
  let p: TestPlatform;
  let documented: string[];
  let served: { code: string; status: number; title: string }[];
  beforeAll(async () => {
    p = await createTestPlatform({ backend: testBackends()[0] as ReturnType<typeof testBackends>[number], modules: builtInModules });
    const doc = (await p.app.inject({ method: 'GET', url: '/swagger/json' })).json<{
      components: { schemas: { ErrorCode: { enum: string[] } } };
    }>();
    documented = doc.components.schemas.ErrorCode.enum;
    const res = await p.app.inject({ method: 'GET', url: '/api/v1/errors' });
    expect(res.statusCode, res.body).toBe(200);
    served = res.json<{ errors: { code: string; status: number; title: string }[] }>().errors;
  });
  afterAll(() => p?.close());

  it('raises codes only as literals or through the factories of a catalogue', () => {
    expect(raisedCodes(root).dynamic).toEqual([]);
  });

  it('has every raised code in the catalogue, the OpenAPI document and GET /api/v1/errors', () => {
    const { raised } = raisedCodes(root);
    expect(raised.size).toBeGreaterThan(100);
    const catalogued = new Set(p.registry.errors.map((e) => e.code));
    const missing = (have: Iterable<string>) => {
      const set = new Set(have);
      return [...raised].filter(([code]) => !set.has(code)).map(([code, at]) => `${code} (${at})`);
    };
    expect(missing(catalogued), 'raised but not catalogued').toEqual([]);
    expect(missing(documented), 'raised but not in the OpenAPI document').toEqual([]);
    expect(missing(served.map((e) => e.code)), 'raised but not served').toEqual([]);
  });

  it('raises every catalogued code somewhere (or lists it as deliberate)', () => {
    const { raised } = raisedCodes(root);
    const unused = p.registry.errors.map((e) => e.code).filter((code) => !raised.has(code) && !NOT_RAISED_ON_PURPOSE.includes(code));
    expect(unused).toEqual([]);
    expect(documented.sort()).toEqual(p.registry.errors.map((e) => e.code).sort());
    expect(served.map((e) => `${e.code} ${e.status} ${e.title}`)).toEqual(p.registry.errors.map((e) => `${e.code} ${e.status} ${e.title}`));
  });
});
