import { infiniteQueryOptions } from '@tanstack/react-query';
import { graphql, type ResultOf } from '../graphql/tada.js';
import { sendAsUser } from './client.js';
import { gql } from './graphql.js';
import { ApiError } from './problem.js';
import { readSession } from './session.js';

const AssetFields = graphql(`
  fragment MediaAssetFields on MediaAsset {
    id fileName contentType size width height alt url createdAt
    variants { name width height url }
  }
`);

const AssetListDocument = graphql(
  `
  query MediaAssetList($after: String, $type: MediaAssetKind) {
    mediaAssets(first: 48, after: $after, type: $type) { items { ...MediaAssetFields } nextCursor }
  }
`,
  [AssetFields],
);

const DeleteAssetDocument = graphql(`
  mutation DeleteMediaAsset($id: ID!) {
    deleteMediaAsset(id: $id)
  }
`);

type AssetData = ResultOf<typeof AssetFields>;

/** A stored file of the tenant as the screens show it. */
export interface MediaAssetView {
  readonly id: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  readonly width: number | null;
  readonly height: number | null;
  readonly alt: string | null;
  readonly url: string;
  readonly createdAt: string;
  /** The smallest variant's URL (images only). */
  readonly thumbUrl: string | null;
}

/** The URL of an asset's file or variant, as the media module names them (immutable, public). */
export const mediaFileUrl = (id: string, variant?: string): string =>
  `/api/v1/media/${id}/file${variant ? `?variant=${encodeURIComponent(variant)}` : ''}`;

const thumbOf = (variants: AssetData['variants']): string | null =>
  [...(variants ?? [])].sort((a, b) => (a.width ?? 0) - (b.width ?? 0))[0]?.url ?? null;

export const toAssetView = (a: AssetData | { [K in keyof AssetData]?: AssetData[K] }): MediaAssetView => ({
  id: a.id ?? '',
  fileName: a.fileName ?? '',
  contentType: a.contentType ?? '',
  size: a.size ?? 0,
  width: a.width ?? null,
  height: a.height ?? null,
  alt: a.alt ?? null,
  url: a.url ?? '',
  createdAt: a.createdAt ?? '',
  thumbUrl: thumbOf(a.variants ?? []),
});

export type MediaKind = 'image' | 'document';

/** The tenant's assets, newest first, 48 a page through the server's cursor. */
export const mediaAssetsQuery = (type?: MediaKind) =>
  infiniteQueryOptions({
    queryKey: ['media', 'assets', type ?? 'all'],
    queryFn: async ({ pageParam }) => {
      const { mediaAssets } = await gql(AssetListDocument, { after: pageParam || null, type: type ?? null });
      return { items: (mediaAssets?.items ?? []).map(toAssetView), nextCursor: mediaAssets?.nextCursor ?? null };
    },
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const deleteMediaAsset = async (id: string): Promise<boolean> => Boolean((await gql(DeleteAssetDocument, { id })).deleteMediaAsset);

/** An upload's answer: the stored asset, or the API's problem (status, code, text). */
const answerOf = (xhr: XMLHttpRequest): MediaAssetView => {
  const body = (() => {
    try {
      return JSON.parse(xhr.responseText) as Record<string, unknown>;
    } catch {
      return {};
    }
  })();
  if (xhr.status === 201) return toAssetView(body as AssetData);
  const message = String(body.detail ?? body.title ?? xhr.statusText);
  throw new ApiError(xhr.status, String(body.code ?? `HTTP_${xhr.status}`), message);
};

const sendFile = (file: File, onProgress: (share: number) => void): Promise<XMLHttpRequest> =>
  new Promise((resolve, reject) => {
    const session = readSession();
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/media');
    xhr.setRequestHeader('accept', 'application/json');
    if (session) {
      xhr.setRequestHeader('x-tenant-id', session.tenant);
      xhr.setRequestHeader('authorization', `Bearer ${session.accessToken}`);
    }
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => resolve(xhr);
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', 'the server could not be reached'));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });

/**
 * Uploads one file through the server (multipart, the file in `file`), reporting the share sent.
 * An expired access token is renewed by one ordinary call and the upload sent again.
 */
export const uploadMediaFile = async (file: File, onProgress: (share: number) => void): Promise<MediaAssetView> => {
  let xhr = await sendFile(file, onProgress);
  if (xhr.status === 401) {
    await sendAsUser('/media?limit=1');
    xhr = await sendFile(file, onProgress);
  }
  return answerOf(xhr);
};
