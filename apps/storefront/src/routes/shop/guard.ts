import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PageContext } from '../../context.js';
import type { PageOutcome, PageRoute, Params } from '../../page-types.js';
import { ForbiddenView } from '../../views/shop/forbidden.js';

type FormHandler = (ctx: PageContext, params: Params, request: FastifyRequest, reply: FastifyReply) => Promise<PageOutcome>;

/** Whether a post comes from this site: an `Origin` header, when sent, must be the request's own origin. */
export const sameOrigin = (ctx: PageContext, request: FastifyRequest): boolean => {
  const origin = request.headers.origin;
  return origin === undefined || origin === ctx.origin;
};

/** A form's POST route (private): refused with a 403 page when the form was sent from another site. */
export const formRoute = (path: string, handle: FormHandler): PageRoute => ({
  path,
  method: 'POST',
  shared: false,
  load: async (ctx, params, request, reply) => (sameOrigin(ctx, request) ? handle(ctx, params, request, reply) : ForbiddenView(ctx)),
});
