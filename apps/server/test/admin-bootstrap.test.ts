import { createTestPlatform, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bootstrapPlatformAdmin } from '../src/platform/admin.js';

let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform({ backend: { name: 'pglite' } });
});
afterAll(() => p?.close());

it('creates the configured administrator once when processes start side by side', async () => {
  const tenant = await p.createTenant(`race-${Date.now().toString(36)}`);
  const env = { RUSTOK_ADMIN_EMAIL: 'boss@example.com', RUSTOK_ADMIN_PASSWORD: 'Very-secret-admin-1' };
  const auth = { ...p.app.auth, db: p.database.db };
  const made = await Promise.all([1, 2, 3].map(() => bootstrapPlatformAdmin(auth, tenant.id, env)));
  expect(made.filter((user) => user !== undefined)).toHaveLength(1);
  const { rows } = await p.database.db.transaction((tx) => tx.query<{ n: number }>('SELECT count(*)::int AS n FROM users'), {
    tenantId: tenant.id,
  });
  expect(rows[0]?.n).toBe(1);
  // A start after that finds it and makes none.
  expect(await bootstrapPlatformAdmin(auth, tenant.id, env)).toBeUndefined();
});
