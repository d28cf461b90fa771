/// <reference types="@fastify/swagger" />
import { Id } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { mediaContextOf as contextOf } from '../context.js';
import { mediaErrors } from '../errors.js';
import { FileQuery } from '../schemas.js';
import { type AssetFile, readFile } from '../use-cases/read-file.js';

const IdParams = Type.Object({ id: Id() });
type IdParams = Static<typeof IdParams>;
const problem = { $ref: 'Problem#' } as const;

/** A year, and never revalidated: the URL names the asset and the variant, whose bytes never change. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** `attachment` with the shown name, ASCII-safe and in RFC 5987 form for the rest. */
const disposition = (kind: 'inline' | 'attachment', fileName: string): string => {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
};

const cacheHeaders = (reply: FastifyReply, file: AssetFile): FastifyReply =>
  reply
    .header('cache-control', IMMUTABLE)
    .header('etag', file.etag)
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', disposition(file.contentType.startsWith('image/') ? 'inline' : 'attachment', file.fileName));

const matches = (ifNoneMatch: string | undefined, etag: string): boolean =>
  ifNoneMatch !== undefined && (ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag));

/**
 * The bytes of an asset or of one of its variants, for anyone (storefront pages show them):
 * immutable caching, an ETag (304 to a matching If-None-Match), the sniffed type with `nosniff`,
 * and `attachment` for anything that is not an image.
 */
export const fileRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: IdParams; Querystring: FileQuery }>(
    '/media/:id/file',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['media'],
        summary: 'The file of an asset, or one of its variants (public, cached for a year)',
        params: IdParams,
        querystring: FileQuery,
        response: { 404: problem },
      },
    },
    async (request, reply) => {
      const file = await readFile(contextOf(request), request.params.id, request.query.variant);
      cacheHeaders(reply, file);
      if (matches(request.headers['if-none-match'], file.etag)) return reply.status(304).send();
      const object = await file.open();
      if (!object) throw mediaErrors.MEDIA_ASSET_NOT_FOUND(`The file of asset ${request.params.id} is missing`);
      return reply.type(file.contentType).header('content-length', object.size).send(object.body);
    },
  );
};
