import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentModule } from '@rustok/content';
import type { TenantRef } from '@rustok/kernel';
import mediaModule from '@rustok/media';
import { image } from '@rustok/storage/test-fixtures';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from '../src/contracts.js';
import { pagesModule } from '../src/index.js';

type ImageData = {
  url?: string;
  mediaId?: string;
  alt: string;
  width?: number;
  height?: number;
  srcset?: { url: string; width: number }[];
};

// Image blocks naming an asset of the media library: resolved through media's contracts in the
// tenant's transaction (its URL, size and variants stored with the id); another tenant's asset, an
// unknown id or a document is 422 at the block's mediaId; sizes sent without an asset are dropped.
describeEachBackend('pages: image blocks from the media library', (backend) => {
  let p: TestPlatform;
  let root: string;
  let a: TenantRef;
  let editorA: Record<string, string>;
  let imageOfA: string;
  let imageOfB: string;
  const call = (method: 'GET' | 'POST' | 'PUT', url: string, headers: Record<string, string>, payload?: unknown) =>
    p.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const upload = async (headers: Record<string, string>, width: number, height: number): Promise<string> => {
    const boundary = `----b${randomUUID().replaceAll('-', '')}`;
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.png"\r\nContent-Type: image/png\r\n\r\n`;
    const payload = Buffer.concat([Buffer.from(head), await image('png', width, height), Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const res = await p.app.inject({
      method: 'POST',
      url: '/api/v1/media',
      headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const imageBlock = (data: Record<string, unknown>) => ({
    title: `Gallery ${randomUUID().slice(0, 6)}`,
    blocks: [{ type: 'image', data }],
  });

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'rustok-pages-media-'));
    const config = { settings: { rustok: { media: { local: { root } } } } };
    p = await createTestPlatform({ backend, modules: [contentModule, pagesModule, mediaModule], config });
    a = await p.createTenant(`pm-a-${randomUUID().slice(0, 6)}`);
    const b = await p.createTenant(`pm-b-${randomUUID().slice(0, 6)}`);
    editorA = (await p.userWithToken(a.id, ['admin'])).headers;
    imageOfA = await upload(editorA, 900, 600);
    imageOfB = await upload((await p.userWithToken(b.id, ['admin'])).headers, 300, 200);
  });
  afterAll(async () => {
    await p?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('stores an image block by mediaId with the asset’s URL, size and variants, and serves them', async () => {
    const res = await call('POST', '/pages', editorA, imageBlock({ mediaId: imageOfA, alt: 'Shop front', width: 1, url: '/elsewhere' }));
    expect(res.statusCode, res.body).toBe(201);
    const page = res.json<Page>();
    const data = page.blocks[0]?.data as ImageData;
    expect(data).toMatchObject({ mediaId: imageOfA, alt: 'Shop front', url: `/api/v1/media/${imageOfA}/file`, width: 900, height: 600 });
    expect(data.srcset?.map((s) => s.width)).toEqual([160, 480, 900]);
    expect(data.srcset?.[0]?.url).toBe(`/api/v1/media/${imageOfA}/file?variant=thumb`);
    // Sent back as they were (an editor's round trip), the blocks are stored the same.
    const again = await call('PUT', `/pages/${page.id}/blocks`, editorA, {
      blocks: page.blocks.map((bl) => ({ type: bl.type, data: bl.data })),
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json<Page>().blocks[0]?.data).toEqual(data);
  });

  it('refuses another tenant’s asset and an unknown id with 422 at the block’s mediaId', async () => {
    for (const mediaId of [imageOfB, '0190a3c4-0000-7000-8000-000000000009']) {
      const res = await call('POST', '/pages', editorA, imageBlock({ mediaId, alt: '' }));
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json<{ code: string; errors: { path: string }[] }>()).toMatchObject({
        code: 'VALIDATION_FAILED',
        errors: [{ path: '/blocks/0/data/mediaId' }],
      });
    }
  });

  it('keeps a bare URL image as it was, without sizes it was sent with; neither url nor mediaId is 422', async () => {
    const res = await call('POST', '/pages', editorA, imageBlock({ url: 'https://cdn.example.com/a.jpg', alt: 'A', width: 5, height: 5 }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<Page>().blocks[0]?.data).toEqual({ url: 'https://cdn.example.com/a.jpg', alt: 'A' });
    const none = await call('POST', '/pages', editorA, imageBlock({ alt: 'nothing' }));
    expect(none.statusCode).toBe(422);
    expect(none.json<{ errors: { path: string }[] }>().errors).toEqual([expect.objectContaining({ path: '/blocks/0/data/url' })]);
  });
});
