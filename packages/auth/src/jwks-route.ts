/// <reference types="@fastify/swagger" />
import type {} from '@rustok/api';
import { kernelErrors } from '@rustok/kernel';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { jwks } from './keys.js';
import type {} from './routes.js';
import { problemRef } from './schemas.js';

const Jwk = Type.Object({
  kty: Type.String(),
  crv: Type.String(),
  x: Type.String(),
  kid: Type.String(),
  alg: Type.String(),
  use: Type.String(),
});

/**
 * `GET /.well-known/jwks.json`: the public halves of every key whose tokens are still accepted
 * (the signing key and the replaced ones until they retire), with their kid. Served per tenant
 * (resolved as for any request); the keys are the deployment's.
 */
export const jwksRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    '/.well-known/jwks.json',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['auth'],
        summary: 'Public keys that verify access tokens (JWKS, RFC 7517)',
        response: { 200: Type.Object({ keys: Type.Array(Jwk) }), 400: problemRef, 403: problemRef, 404: problemRef },
      },
    },
    async (request, reply) => {
      if (!request.tenant) throw kernelErrors.TENANT_REQUIRED('No tenant was resolved for this request');
      reply.header('cache-control', 'public, max-age=60');
      return jwks(request.server.auth.db);
    },
  );
};
