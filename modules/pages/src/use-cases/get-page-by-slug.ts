import { inTenant } from '@rustok/api';
import { findNodeIdBySlugInTx } from '@rustok/content/kit';
import { type PagesContext, pageSlugNotFound } from '../context.js';
import { readPage } from '../page-store.js';
import type { Page } from '../schemas.js';

/**
 * GET /pages/by-slug/{slug}?locale=: the page whose slug in the locale is this one (else in the
 * tenant's default locale, else in any), read in the locale. Public; callers without
 * pages.pages.read find published pages only.
 */
export const getPageBySlug = (ctx: PagesContext, slug: string, locale?: string): Promise<Page> =>
  inTenant(ctx, async (w) => {
    const lookup = { kind: 'page', slug, ...(locale ? { locale } : {}), publishedOnly: !ctx.actor.can('pages.pages.read') };
    const id = await findNodeIdBySlugInTx(w, lookup);
    if (!id) throw pageSlugNotFound(slug);
    return readPage(w, id, locale);
  });
