import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';

describeEachBackend('the permission catalogue a tenant role picks from', (backend) => {
  let p: TestPlatform;
  let tenantId: string;

  beforeAll(async () => {
    p = await createTestPlatform({ backend });
    tenantId = (await p.createTenant('catalogue')).id;
  });
  afterAll(() => p.close());

  const get = (headers: Record<string, string>) => p.app.inject({ method: 'GET', url: '/api/v1/auth/permissions', headers });

  it("lists every module's grantable permissions, without the platform's, to whoever reads the roles", async () => {
    const admin = (await p.userWithToken(tenantId, ['admin'])).headers;
    const res = await get(admin);
    expect(res.statusCode).toBe(200);
    const modules = res.json<{ module: string; permissions: string[] }[]>();
    const all = modules.flatMap((m) => m.permissions);
    expect(all).toContain('auth.roles.manage');
    expect(all).toContain('tenancy.modules.read');
    expect(all.some((x) => x.startsWith('platform.') || x.startsWith('events.'))).toBe(false);
    for (const m of modules) expect(m.permissions.every((x) => x.startsWith(`${m.module}.`))).toBe(true);
    expect(modules.map((m) => m.module)).toEqual([...modules.map((m) => m.module)].sort());
  });

  it('needs the permission to read the roles, and a session', async () => {
    const customer = (await p.userWithToken(tenantId, ['customer'])).headers;
    expect((await get(customer)).statusCode).toBe(403);
    expect((await get({ 'x-tenant-id': tenantId })).statusCode).toBe(401);
  });
});
