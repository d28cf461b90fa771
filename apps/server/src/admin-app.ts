import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** The admin web app's build (apps/admin/dist, `npm run build`), beside this package in the workspace. */
export const ADMIN_BUILD_DIR = fileURLToPath(new URL('../../admin/dist/', import.meta.url));

/** Hashed file names never change content: a year, immutable. Everything else is checked again each time. */
const cacheControlOf = (path: string): string => (/[/\\]assets[/\\]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');

/**
 * The admin app at /admin: its built files (hashed assets cached for good), and its page for every
 * other path under /admin, where the app's own router takes over (a reload on /admin/orders works).
 * Without a build, nothing is served there and the log says how to make one.
 */
export const registerAdminApp = async (app: FastifyInstance, dir: string = ADMIN_BUILD_DIR): Promise<boolean> => {
  const indexFile = join(dir, 'index.html');
  if (!existsSync(indexFile)) {
    app.log.warn({ dir }, 'the admin app is not built (npm run build): /admin is not served');
    return false;
  }
  const page = readFileSync(indexFile, 'utf8');
  const sendPage = (_request: unknown, reply: FastifyReply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(page);
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/admin/',
    // One route per built file, so that the page's catch-all below answers every other path.
    wildcard: false,
    index: false,
    decorateReply: false,
    cacheControl: false,
    setHeaders: (reply, path) => {
      reply.header('cache-control', cacheControlOf(path));
    },
    schemaHide: true,
  });
  // A file that is not there stays a 404 (a page in its place would break the browser's module loading).
  app.get('/admin/assets/*', { schema: { hide: true } }, (_request, reply) => reply.callNotFound());
  app.get('/admin', { schema: { hide: true } }, sendPage);
  app.get('/admin/*', { schema: { hide: true } }, sendPage);
  return true;
};
