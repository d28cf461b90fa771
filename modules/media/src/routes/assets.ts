/// <reference types="@fastify/swagger" />
import multipart from '@fastify/multipart';
import { Id } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { mediaContextOf as contextOf, MEDIA_MANAGE, MEDIA_READ } from '../context.js';
import { AssetList, ListAssetsQuery, MediaAsset, UpdateAssetInput } from '../schemas.js';
import { deleteAsset } from '../use-cases/delete-asset.js';
import { getAsset, listAssets } from '../use-cases/read-assets.js';
import { updateAsset } from '../use-cases/update-asset.js';
import { uploadAsset } from '../use-cases/upload-asset.js';
import { readUpload } from './multipart.js';

const IdParams = Type.Object({ id: Id() });
type IdParams = Static<typeof IdParams>;
const problem = { $ref: 'Problem#' } as const;
const tags = ['media'];
const READ = { access: { permission: MEDIA_READ } };
const MANAGE = { access: { permission: MEDIA_MANAGE } };

const UPLOAD_DESCRIPTION =
  'multipart/form-data with the file in the field `file` (and optionally `alt` before it). The file is judged by ' +
  'its bytes: a declared type or file name that contradicts them is refused (422 MEDIA_TYPE_MISMATCH), as is a ' +
  'type the deployment does not allow (415) or a file over its size limit (413). Images get WebP variants.';

/** Upload (multipart, through the server). */
const uploadRoute: FastifyPluginAsync = async (app) => {
  await app.register(multipart);
  app.post(
    '/media',
    {
      config: MANAGE,
      schema: {
        tags,
        summary: 'Upload a file',
        description: UPLOAD_DESCRIPTION,
        consumes: ['multipart/form-data'],
        response: { 201: MediaAsset, 413: problem, 415: problem, 422: problem },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const file = await readUpload(request, ctx.options.max_upload_bytes);
      return reply.status(201).send(await uploadAsset(ctx, file));
    },
  );
};

/** The tenant's assets: list, read, change the alternative text, delete (media.assets.read / .manage). */
export const assetRoutes: FastifyPluginAsync = async (app) => {
  await app.register(uploadRoute);
  app.get<{ Querystring: ListAssetsQuery }>(
    '/media',
    {
      config: READ,
      schema: { tags, summary: "The tenant's assets, newest first", querystring: ListAssetsQuery, response: { 200: AssetList } },
    },
    async (request) => listAssets(contextOf(request), request.query),
  );
  app.get<{ Params: IdParams }>(
    '/media/:id',
    { config: READ, schema: { tags, summary: "One asset's record", params: IdParams, response: { 200: MediaAsset, 404: problem } } },
    async (request) => getAsset(contextOf(request), request.params.id),
  );
  app.patch<{ Params: IdParams; Body: UpdateAssetInput }>(
    '/media/:id',
    {
      config: MANAGE,
      schema: {
        tags,
        summary: "Change an asset's alternative text",
        params: IdParams,
        body: UpdateAssetInput,
        response: { 200: MediaAsset, 404: problem },
      },
    },
    async (request) => updateAsset(contextOf(request), request.params.id, request.body),
  );
  app.delete<{ Params: IdParams }>(
    '/media/:id',
    {
      config: MANAGE,
      schema: { tags, summary: 'Delete an asset and its files', params: IdParams, response: { 204: Type.Null(), 404: problem } },
    },
    async (request, reply) => {
      await deleteAsset(contextOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
};
