import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAdminApp } from './admin-app.js';

describe('the admin app at /admin', () => {
  let dir: string;
  let app: FastifyInstance;
  const PAGE = '<!doctype html><script type="module" src="/admin/assets/app-abc123.js"></script>';

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rustok-admin-build-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), PAGE);
    await writeFile(join(dir, 'assets', 'app-abc123.js'), 'export {};');
    await writeFile(join(dir, 'favicon.svg'), '<svg/>');
    app = Fastify();
    expect(await registerAdminApp(app, dir)).toBe(true);
  });
  afterAll(async () => {
    await app?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers its page, checked again on every visit, for /admin and every path of the app', async () => {
    for (const url of ['/admin', '/admin/', '/admin/sign-in', '/admin/catalog/products/42?tab=prices']) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toBe(PAGE);
    }
  });

  it('serves hashed assets cached for good, other files checked again, and a missing asset as 404', async () => {
    const asset = await app.inject('/admin/assets/app-abc123.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(/^(application|text)\/javascript/);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await app.inject('/admin/favicon.svg');
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
    expect((await app.inject('/admin/assets/app-old999.js')).statusCode).toBe(404);
  });

  it('holds no tenant data: every tenant (or none) gets the same bytes', async () => {
    const bodies = await Promise.all(
      [undefined, 'default', 'another-shop'].map(async (tenant) => {
        const res = await app.inject({ url: '/admin/orders', headers: tenant ? { 'x-tenant-id': tenant } : {} });
        return `${res.statusCode} ${res.body}`;
      }),
    );
    expect(new Set(bodies).size).toBe(1);
  });

  it('serves nothing at /admin without a build', async () => {
    const bare = Fastify();
    expect(await registerAdminApp(bare, join(dir, 'no-such-build'))).toBe(false);
    expect((await bare.inject('/admin')).statusCode).toBe(404);
    await bare.close();
  });
});
