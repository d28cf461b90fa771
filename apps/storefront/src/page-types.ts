import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import type { PageContext } from './context.js';
import type { Head } from './views/document.js';

/** A page to show. */
export interface PageResult {
  readonly status?: number;
  readonly head: Head;
  readonly body: ComponentChildren;
  /** Islands the body holds (their scripts are loaded). */
  readonly islands?: readonly string[];
  /** What the page shows, for purging: `product:<id>`, `node:<id>`, `products`, `content`, `menu:<handle>`. */
  readonly tags?: readonly string[];
}

/** A page's answer: a page, a redirect (after a form post), or "nothing here" (the 404 page). */
export type PageOutcome = PageResult | { readonly redirect: string; readonly status?: 301 | 302 | 303 } | { readonly notFound: true };

export type Params = Readonly<Record<string, string>>;

export interface PageRoute {
  /** `/products/:handle`; registered also under `/:locale`. */
  readonly path: string;
  readonly method?: 'GET' | 'POST';
  /**
   * shared: the same for every shopper (cached, `public`); private: a cart, checkout or account
   * page (never cached, `private, no-store`). POST routes are always private. A function decides per
   * request, before the cache is read (a page shared by guests, rendered for each signed-in shopper).
   */
  readonly shared: boolean | ((ctx: PageContext) => boolean);
  load(ctx: PageContext, params: Params, request: FastifyRequest, reply: FastifyReply): Promise<PageOutcome>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A storefront page (GET): its cached answer may be given before the server's request hooks. */
    storefrontPage?: boolean;
  }
}
