import { AppError } from '@rustok/kernel';
import { describeEachBackend, openTestDatabase, type TestDatabase } from '@rustok/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertTenantSettings, createAllowedOriginLookup } from './tenant-settings.js';
import { tenancyFixtureModule } from './test-fixtures/module.js';
import { countingDb, insertTenant } from './test-fixtures/tenants.js';

const refusal = (settings: Record<string, unknown>): AppError => {
  try {
    assertTenantSettings(settings);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the settings to be refused');
};

describe('tenant settings', () => {
  it('accepts origins, rate limits and keys of its own it does not know', () => {
    expect(() =>
      assertTenantSettings({
        allowedOrigins: ['https://shop.example.com', 'http://localhost:5173', 'https://[::1]:8443'],
        rateLimit: { requestsPerMinute: 100, loginAttemptsPerMinute: 5 },
        theme: { colour: 'teal' },
      }),
    ).not.toThrow();
  });

  it('refuses malformed origins and limits with 422 VALIDATION_FAILED, naming each field under settings/', () => {
    const error = refusal({
      allowedOrigins: ['*', 'https://shop.example.com/', 'https://Shop.example.com', 'ftp://files.example.com', 'null'],
      rateLimit: { requestsPerMinute: 0, loginAttemptsPerMinute: 1.5, burst: 2 },
    });
    expect([error.status, error.code]).toEqual([422, 'VALIDATION_FAILED']);
    expect(error.errors.map((e) => e.path).sort()).toEqual([
      'settings/allowedOrigins/0',
      'settings/allowedOrigins/1',
      'settings/allowedOrigins/2',
      'settings/allowedOrigins/3',
      'settings/allowedOrigins/4',
      'settings/rateLimit/burst',
      'settings/rateLimit/loginAttemptsPerMinute',
      'settings/rateLimit/requestsPerMinute',
    ]);
    expect(refusal({ allowedOrigins: 'https://shop.example.com' }).errors.map((e) => e.path)).toEqual(['settings/allowedOrigins']);
    expect(refusal({ allowedOrigins: Array.from({ length: 51 }, (_, i) => `https://s${i}.example.com`) }).code).toBe('VALIDATION_FAILED');
    expect(refusal({ allowedOrigins: ['https://a.example.com', 'https://a.example.com'] }).code).toBe('VALIDATION_FAILED');
  });
});

describeEachBackend('origins allowed by any tenant', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(backend, [tenancyFixtureModule]);
    const shop = await insertTenant(t.db, 'shop');
    const closed = await insertTenant(t.db, 'closed', { active: false });
    const odd = await insertTenant(t.db, 'odd');
    const set = (id: string, settings: unknown) =>
      t.db.query('UPDATE tenants SET settings = $2 WHERE id = $1', [id, JSON.stringify(settings)]);
    await set(shop.id, { allowedOrigins: ['https://shop.example.com'] });
    await set(closed.id, { allowedOrigins: ['https://closed.example.com'] });
    await set(odd.id, { allowedOrigins: 'https://odd.example.com' });
  });
  afterAll(() => t?.cleanup());

  it("answers from active tenants' lists only", async () => {
    const allows = createAllowedOriginLookup(t.db);
    expect(await allows('https://shop.example.com')).toBe(true);
    expect(await allows('https://closed.example.com')).toBe(false);
    expect(await allows('https://odd.example.com')).toBe(false);
    expect(await allows('https://evil.example.org')).toBe(false);
    expect(await allows("https://shop.example.com' OR true --")).toBe(false);
  });

  it('keeps each answer for its time to live: one query per origin and period', async () => {
    let clock = 1_000_000;
    const counting = countingDb(t.db);
    const allows = createAllowedOriginLookup(counting.db, { ttlMs: 5_000, now: () => clock });
    for (let i = 0; i < 20; i++) await allows('https://evil.example.org');
    expect(counting.queries).toHaveLength(1);
    clock += 5_000;
    expect(await allows('https://evil.example.org')).toBe(false);
    expect(counting.queries).toHaveLength(2);
  });

  it('keeps at most maxEntries answers', async () => {
    const counting = countingDb(t.db);
    const allows = createAllowedOriginLookup(counting.db, { maxEntries: 2 });
    for (const origin of ['https://a.example.org', 'https://b.example.org', 'https://c.example.org', 'https://a.example.org']) {
      await allows(origin);
    }
    expect(counting.queries).toHaveLength(4); // a was dropped for c, so it is asked again
  });
});
