/// <reference types="@fastify/swagger" />
import { Id } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { mediaContextOf as contextOf, MEDIA_MANAGE } from '../context.js';
import { CreateUploadInput, DirectUpload, MediaAsset } from '../schemas.js';
import { completeUpload } from '../use-cases/complete-upload.js';
import { createUpload } from '../use-cases/create-upload.js';

const IdParams = Type.Object({ id: Id() });
type IdParams = Static<typeof IdParams>;
const problem = { $ref: 'Problem#' } as const;
const tags = ['media'];
const MANAGE = { access: { permission: MEDIA_MANAGE } };

/** Direct uploads (S3 driver): a presigned PUT, then the completion that judges the bytes that arrived. */
export const uploadRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Body: CreateUploadInput }>(
    '/media/uploads',
    {
      config: MANAGE,
      schema: {
        tags,
        summary: 'A URL to PUT a file to directly (S3 storage only); complete it afterwards',
        body: CreateUploadInput,
        response: { 201: DirectUpload, 409: problem, 413: problem, 415: problem },
      },
    },
    async (request, reply) => reply.status(201).send(await createUpload(contextOf(request), request.body)),
  );
  app.post<{ Params: IdParams }>(
    '/media/uploads/:id/complete',
    {
      config: MANAGE,
      schema: {
        tags,
        summary: 'Check the uploaded file by its bytes, make its variants and record it as an asset',
        params: IdParams,
        response: { 201: MediaAsset, 404: problem, 409: problem, 413: problem, 415: problem, 422: problem },
      },
    },
    async (request, reply) => reply.status(201).send(await completeUpload(contextOf(request), request.params.id)),
  );
};
