import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { apiOf } from './api.js';
import { type AdminHarness, describeInEmbeddedBrowser, startAdminHarness } from './browser.js';
import { signedInWithModule } from './module-session.js';

// The media library in the admin app (Chromium, the real server): a PNG dropped on the page (a
// DataTransfer built in the page) appears with its thumbnail; a "PNG" that is really text shows the
// API's refusal at its file; a file deleted after the question; a library image picked for a product.
describeInEmbeddedBrowser('admin app: media library', (backend) => {
  let h: AdminHarness;
  let page: Page;
  let api: ReturnType<typeof apiOf>;
  let operator: Record<string, string>;

  beforeAll(async () => {
    h = await startAdminHarness(backend);
    ({ api, operator, page } = await signedInWithModule(h, 'media'));
  }, 180_000);
  afterAll(async () => {
    await h?.close();
  });

  /** Drops files made in the page on the drop zone: a real PNG drawn on a canvas, or text under a PNG's name and type. */
  const drop = async (files: { name: string; png?: { width: number; height: number }; text?: string }[]) => {
    const transfer = await page.evaluateHandle(async (list) => {
      const data = new DataTransfer();
      for (const f of list) {
        let blob: Blob;
        if (f.png) {
          const canvas = new OffscreenCanvas(f.png.width, f.png.height);
          const g = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
          const gradient = g.createLinearGradient(0, 0, f.png.width, f.png.height);
          gradient.addColorStop(0, '#c33');
          gradient.addColorStop(1, '#33c');
          g.fillStyle = gradient;
          g.fillRect(0, 0, f.png.width, f.png.height);
          blob = await canvas.convertToBlob({ type: 'image/png' });
        } else blob = new Blob([f.text ?? ''], { type: 'image/png' });
        data.items.add(new File([blob], f.name, { type: 'image/png' }));
      }
      return data;
    }, files);
    const zone = page.getByTestId('media-dropzone');
    await zone.dispatchEvent('dragenter', { dataTransfer: transfer });
    await zone.dispatchEvent('dragover', { dataTransfer: transfer });
    await zone.dispatchEvent('drop', { dataTransfer: transfer });
  };

  const card = (name: string) => page.getByTestId('media-card').filter({ hasText: name });

  it('uploads a dropped PNG: it appears with its thumbnail, size and dimensions', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Media', exact: true }).click();
    await page.getByRole('heading', { name: 'Media', exact: true }).waitFor();
    expect(await page.getByText('No files yet.').count()).toBe(1);
    expect(await h.violations(page)).toEqual([]);
    await drop([{ name: 'sunset.png', png: { width: 640, height: 480 } }]);
    await page.getByTestId('media-upload').filter({ hasText: 'sunset.png' }).getByRole('status').waitFor();
    const shown = card('sunset.png');
    await shown.waitFor();
    expect(await shown.textContent()).toContain('640×480');
    expect(await shown.textContent()).toContain('image/png');
    const thumb = shown.locator('img');
    expect(await thumb.getAttribute('src')).toMatch(/^\/api\/v1\/media\/[0-9a-f-]+\/file\?variant=thumb$/);
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(160);
    expect(await h.violations(page)).toEqual([]);
    await h.shot(page, 'admin-media-library');
  });

  it('shows the refusal of a file that is not what it says at that file', async () => {
    await drop([{ name: 'fake.png', text: 'this is plain text, not an image at all' }]);
    const row = page.getByTestId('media-upload').filter({ hasText: 'fake.png' });
    await row.getByRole('alert').waitFor();
    expect(await row.getByRole('alert').textContent()).toContain('MEDIA_TYPE_MISMATCH');
    expect(await card('fake.png').count()).toBe(0);
    expect(await h.violations(page)).toEqual([]);
    await h.shot(page, 'admin-media-refused');
  });

  it('picks a library image for a product: it is saved by its media id and shown as a thumbnail', async () => {
    const listed = api.expectStatus('media', await api.call('GET', '/media', undefined, operator), 200).body as {
      items: { id: string; fileName: string }[];
    };
    const asset = listed.items.find((a) => a.fileName === 'sunset.png');
    expect(asset).toBeDefined();
    const product = { title: 'Sunset Poster', variants: [{ title: 'Default', prices: [{ currencyCode: 'USD', amount: 1500 }] }] };
    const id = String(api.expectStatus('product', await api.call('POST', '/commerce/products', product, operator), 201).body.id);
    await page.goto(`${h.server.address}/admin/products/${id}`);
    const section = page.getByTestId('product-images');
    await section.getByText('No images.').waitFor();
    await section.getByRole('button', { name: 'Add from the media library' }).click();
    await section.getByRole('button', { name: 'Use sunset.png' }).click();
    await section.getByRole('button', { name: 'Save images' }).click();
    await section.getByRole('status').filter({ hasText: 'Images saved.' }).waitFor();
    expect(await section.locator(`[data-media-id="${asset?.id}"] img`).count()).toBe(1);
    expect(await h.violations(page)).toEqual([]);
    const saved = api.expectStatus('product', await api.call('GET', `/commerce/products/${id}`, undefined, operator), 200).body as {
      images: { url: string; mediaId?: string }[];
    };
    expect(saved.images).toEqual([expect.objectContaining({ mediaId: asset?.id, url: `/api/v1/media/${asset?.id}/file` })]);
  });

  it('deletes a file after the question', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Media', exact: true }).click();
    const shown = card('sunset.png');
    await shown.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await page.getByText('No files yet.').waitFor();
    const listed = api.expectStatus('media', await api.call('GET', '/media', undefined, operator), 200).body as { items: unknown[] };
    expect(listed.items).toEqual([]);
    expect(h.problems.filter((p) => !/status of 4\d\d/.test(p))).toEqual([]);
  });
});
