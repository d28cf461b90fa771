import { expect } from 'vitest';
import { listedIds, pageListsOnlyA, refusedForB, refusedRoute } from './checks.js';
import { type Area, defineArea, type Side, type World } from './world.js';

/**
 * Media: a tenant's files (named by asset id), their record and their bytes. The suite's deployment
 * keeps files on the local driver (in a temporary folder), so direct uploads are refused there.
 */

interface MediaObjects {
  readonly assetId: string;
}

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const BOUNDARY = '----rustok-isolation';
const multipart = (fileName: string): Buffer =>
  Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: image/png\r\n\r\n`),
    PNG,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);

/** Uploads a PNG as the side's admin; the asset's id. */
const uploadAs = async (w: Pick<World, 'p'>, side: Side, fileName: string): Promise<string> => {
  const headers = { ...side.admin, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` };
  const res = await w.p.app.inject({ method: 'POST', url: '/api/v1/media', headers, payload: multipart(fileName) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
};

const media = (side: Side): MediaObjects => mediaArea.of(side);
const assetOfB = { id: (w: World) => media(w.b).assetId };
const assetVars = (w: World) => ({ id: media(w.b).assetId });
const NOT_FOUND = 'MEDIA_ASSET_NOT_FOUND';

export const mediaArea: Area<MediaObjects> = defineArea<MediaObjects>({
  name: 'media',
  async setup({ p, side }) {
    return { assetId: await uploadAs({ p }, side, `logo-${side.tenant.slug}.png`) };
  },
  secretsOf: (o) => [o.assetId],
  tablesWithData: ['media_assets'],
  routes: {
    'GET /api/v1/media': {
      kind: 'tenant',
      after: async (w, res) => expect(listedIds(res)).toEqual([media(w.a).assetId]),
    },
    'POST /api/v1/media': {
      kind: 'tenant',
      // A JSON body is no upload; A's own multipart upload lands in A.
      status: 422,
      code: 'MEDIA_FILE_REQUIRED',
      after: async (w) => {
        const id = await uploadAs(w, w.a, 'by-a.png');
        const list = await w.call('GET', '/api/v1/media?limit=100', w.a.admin);
        expect(listedIds(list)).toContain(id);
      },
    },
    'GET /api/v1/media/{id}': refusedRoute(assetOfB, NOT_FOUND),
    'PATCH /api/v1/media/{id}': refusedRoute(assetOfB, NOT_FOUND, { body: () => ({ alt: 'by A' }) }),
    'DELETE /api/v1/media/{id}': refusedRoute(assetOfB, NOT_FOUND),
    'GET /api/v1/media/{id}/file': refusedRoute(assetOfB, NOT_FOUND, { public: true }),
    'POST /api/v1/media/uploads': {
      kind: 'tenant',
      body: () => ({ fileName: 'a.png', contentType: 'image/png', size: 100 }),
      status: 409,
      code: 'MEDIA_DIRECT_UPLOAD_UNAVAILABLE',
    },
    // No pending upload of B can exist on the local driver: B's asset id names nothing A can complete.
    'POST /api/v1/media/uploads/{id}/complete': refusedRoute(assetOfB, 'MEDIA_UPLOAD_NOT_FOUND'),
  },
  graphql: {
    'Query.mediaAssets': pageListsOnlyA('mediaAssets', '{ mediaAssets(first: 100) { items { id url } } }', (w) => media(w.a).assetId),
    'Query.mediaAsset': refusedForB('query ($id: ID!) { mediaAsset(id: $id) { id url } }', assetVars, NOT_FOUND),
    'Mutation.updateMediaAsset': refusedForB(
      'mutation ($id: ID!) { updateMediaAsset(id: $id, input: { alt: "by A" }) { id } }',
      assetVars,
      NOT_FOUND,
    ),
    'Mutation.deleteMediaAsset': refusedForB('mutation ($id: ID!) { deleteMediaAsset(id: $id) }', assetVars, NOT_FOUND),
  },
});
