import { contextOf, graphqlContextOf, type ModuleContext, requirePermission as requireActorPermission } from '@rustok/api';
import { fastifyOf, type GraphQLContext } from '@rustok/kernel';
import type { StoragePort } from '@rustok/storage';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type MediaOptions, mediaOptions } from './options.js';
import { mediaStorageOf } from './storage.js';

/** What every media use-case receives: the platform's module context, the media settings and the storage driver. */
export interface MediaContext extends ModuleContext {
  readonly options: MediaOptions;
  readonly storage: StoragePort;
}

const extras = (app: FastifyInstance) => ({
  options: mediaOptions(app.rustok.config),
  storage: mediaStorageOf(app.rustok.config).port,
});

export const mediaContextOf = (request: FastifyRequest): MediaContext => ({ ...contextOf(request), ...extras(request.server) });

export const graphqlMediaContextOf = (ctx: GraphQLContext): MediaContext => ({ ...graphqlContextOf(ctx), ...extras(fastifyOf(ctx)) });

export const requirePermission = (ctx: MediaContext, permission: string): void => requireActorPermission(ctx.actor, permission);

export const MEDIA_READ = 'media.assets.read';
export const MEDIA_MANAGE = 'media.assets.manage';
