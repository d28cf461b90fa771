import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TenantRef } from '@rustok/kernel';
import { createTestPlatform, type TestBackend, type TestPlatform } from '@rustok/testing';
import type { LightMyRequestResponse } from 'fastify';
import mediaModule from '../src/index.js';
import type { MediaAsset } from '../src/schemas.js';

export type Headers = Record<string, string>;

export interface MediaWorld {
  readonly p: TestPlatform;
  readonly tenant: TenantRef;
  readonly other: TenantRef;
  readonly admin: Headers;
  readonly otherAdmin: Headers;
  /** The local driver's folder (a temporary one), when the world uses it. */
  readonly root: string;
  close(): Promise<void>;
}

/** A test platform with media, two tenants and their admins; the local driver in a temporary folder unless `media` says otherwise. */
export const mediaWorld = async (backend: TestBackend, media: Record<string, unknown> = {}): Promise<MediaWorld> => {
  const root = await mkdtemp(join(tmpdir(), 'rustok-media-'));
  const settings = { media: { local: { root }, ...media } };
  const p = await createTestPlatform({ backend, modules: [mediaModule], config: { settings: { rustok: settings } } });
  const suffix = randomUUID().slice(0, 8);
  const tenant = await p.createTenant(`media-a-${suffix}`);
  const other = await p.createTenant(`media-b-${suffix}`);
  const admin = (await p.userWithToken(tenant.id, ['admin'])).headers;
  const otherAdmin = (await p.userWithToken(other.id, ['admin'])).headers;
  const close = async () => {
    await p.close();
    await rm(root, { recursive: true, force: true });
  };
  return { p, tenant, other, admin, otherAdmin, root, close };
};

/** Every file under a folder, as paths relative to it, sorted. */
export const filesUnder = async (dir: string): Promise<string[]> =>
  (await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();

export interface FilePart {
  readonly name: string;
  readonly type: string;
  readonly bytes: Buffer;
}

/** A multipart/form-data body: text fields first, then the file in the field `file`. */
export const multipart = (file: FilePart, fields: Record<string, string> = {}): { body: Buffer; contentType: string } => {
  const boundary = `----rustok${randomUUID().replaceAll('-', '')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`;
  parts.push(Buffer.from(head), file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
};

/** POST /api/v1/media with one file. */
export const upload = (
  w: MediaWorld,
  headers: Headers,
  file: FilePart,
  fields?: Record<string, string>,
): Promise<LightMyRequestResponse> => {
  const { body, contentType } = multipart(file, fields);
  return w.p.app.inject({ method: 'POST', url: '/api/v1/media', headers: { ...headers, 'content-type': contentType }, payload: body });
};

/** GET of a file URL as a visitor of the tenant (no token). */
export const fetchFile = (w: MediaWorld, tenantId: string, url: string, headers: Headers = {}): Promise<LightMyRequestResponse> =>
  w.p.app.inject({ method: 'GET', url, headers: { 'x-tenant-id': tenantId, ...headers } });

export const uploaded = async (res: Promise<LightMyRequestResponse>): Promise<MediaAsset> => {
  const r = await res;
  if (r.statusCode !== 201) throw new Error(`upload answered ${r.statusCode}: ${r.body}`);
  return r.json<MediaAsset>();
};
