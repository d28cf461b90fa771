import type { NavLink, PageContext, SiteNav } from './context.js';
import { common } from './i18n/common.js';
import { messagesFor } from './i18n/messages.js';

/** The navigation of a page's tenant and locale. */
export interface NavStore {
  of(ctx: Omit<PageContext, 'nav'>): Promise<SiteNav>;
  forget(tenantId: string): void;
}

const link = (label: string, href: string): NavLink => ({ label, href, children: [] });

/** Links every shop has, for tenants without a `main` menu. */
export const defaultNav = (ctx: Omit<PageContext, 'nav'>): SiteNav => {
  const t = messagesFor(common, ctx.locale);
  return {
    main: [link(t.catalog, ctx.href('/search')), link(t.blog, ctx.href('/blog')), link(t.forum, ctx.href('/forum'))],
    footer: [],
    tags: [],
  };
};

/** Until the tenant's menus are read: the default links. */
export const createNavStore = (): NavStore => ({
  of: async (ctx) => defaultNav(ctx),
  forget: () => undefined,
});
