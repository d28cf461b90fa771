import type { ApiOptions, ShopApi } from './api/client.js';
import type { NavLink, PageContext, SiteNav } from './context.js';
import { common } from './i18n/common.js';
import { messagesFor } from './i18n/messages.js';

type NavContext = Omit<PageContext, 'nav'>;

/** The navigation of a page's tenant and locale. */
export interface NavStore {
  of(ctx: NavContext): Promise<SiteNav>;
  forget(tenantId: string): void;
}

export interface NavOptions {
  readonly api: ApiOptions;
  /** How long a tenant's menus (per locale) are used before being read again. */
  readonly ttlMs: number;
  /** Called when a read finds a menu changed, with its tag (`menu:main`): the pages showing it are purged. */
  readonly onChange: (tenantId: string, tags: readonly string[]) => void;
}

/** The menus a page shows; every page is tagged with both, so a menu made, changed or deleted purges it. */
const HANDLES = ['main', 'footer'] as const;
type Handle = (typeof HANDLES)[number];
const NAV_TAGS = HANDLES.map((handle) => `menu:${handle}`);

interface MenuLinkData {
  readonly type: 'page' | 'url' | 'node';
  readonly pageId?: string;
  readonly url?: string;
  readonly nodeId?: string;
}

interface MenuItemData {
  readonly label: Readonly<Record<string, string>>;
  readonly link: MenuLinkData;
  readonly children?: readonly MenuItemData[];
}

interface MenuData {
  readonly items: readonly MenuItemData[];
}

/** A node as GET /content/nodes/:id answers it: the fields a link is made from. */
interface NodeData {
  readonly kind: string;
  readonly slug: string;
}

const link = (label: string, href: string): NavLink => ({ label, href, children: [] });

/** Links every shop has, for tenants without a `main` menu. */
export const defaultNav = (ctx: NavContext): SiteNav => {
  const t = messagesFor(common, ctx.locale);
  return {
    main: [link(t.catalog, ctx.href('/search')), link(t.blog, ctx.href('/blog')), link(t.forum, ctx.href('/forum'))],
    footer: [],
    tags: NAV_TAGS,
  };
};

/** The storefront path of a node by its kind (undefined: a kind the storefront has no page for). */
const NODE_PATHS: Readonly<Record<string, string>> = { post: '/blog/', topic: '/forum/', page: '/pages/' };

/** A label in the page's locale, else the tenant's default locale, else any. */
const labelOf = (label: Readonly<Record<string, string>>, ctx: NavContext): string | undefined =>
  label[ctx.locale] ?? label[ctx.site.defaultLocale] ?? Object.values(label)[0];

/** A url link as it may be shown: http(s) and mailto as they are, a site path in the page's locale; nothing else. */
const urlHref = (ctx: NavContext, url: string | undefined): string | undefined => {
  if (!url) return undefined;
  if (/^(https?:\/\/|mailto:)\S+$/i.test(url)) return url;
  return url.startsWith('/') && !url.startsWith('//') ? ctx.href(url) : undefined;
};

type NodePaths = (ctx: NavContext, id: string) => Promise<string | undefined>;

const hrefOf = async (ctx: NavContext, target: MenuLinkData, nodePath: NodePaths): Promise<string | undefined> => {
  if (target.type === 'url') return urlHref(ctx, target.url);
  const id = target.type === 'page' ? target.pageId : target.nodeId;
  const path = id ? await nodePath(ctx, id) : undefined;
  return path ? ctx.href(path) : undefined;
};

/** A menu's items as links in the page's locale; items whose target is gone (unpublished, deleted) are left out. */
const linksOf = async (ctx: NavContext, items: readonly MenuItemData[], nodePath: NodePaths): Promise<NavLink[]> => {
  const links = await Promise.all(
    items.map(async (item): Promise<NavLink | undefined> => {
      const label = labelOf(item.label, ctx);
      const href = await hrefOf(ctx, item.link, nodePath);
      if (!label || !href) return undefined;
      return { label, href, children: await linksOf(ctx, item.children ?? [], nodePath) };
    }),
  );
  return links.filter((l): l is NavLink => l !== undefined);
};

/** A menu by handle: its data, null when the tenant has none, undefined when it could not be read. */
const readMenu = async (api: ShopApi, handle: Handle): Promise<MenuData | null | undefined> => {
  const result = await api.get<MenuData>(`/menus/by-handle/${handle}`);
  if (result.ok) return result.value;
  return result.status === 404 ? null : undefined;
};

interface Held {
  readonly nav: SiteNav;
  /** Each menu as read (JSON), to tell a change. */
  readonly texts: Readonly<Record<Handle, string>>;
  readonly until: number;
}

/** Node paths (`/pages/about`) by tenant, locale and id, kept a few menu lifetimes: menus name the same pages again and again. */
const createNodePaths = (ttlMs: number): NodePaths => {
  const held = new Map<string, { path: string | undefined; until: number }>();
  return async (ctx, id) => {
    const key = `${ctx.site.tenant.id}|${ctx.locale}|${id}`;
    const kept = held.get(key);
    if (kept && kept.until > Date.now()) return kept.path;
    const result = await ctx.api.get<NodeData>(`/content/nodes/${id}`, { locale: ctx.locale });
    const prefix = result.ok ? NODE_PATHS[result.value.kind] : undefined;
    const path = result.ok && prefix ? `${prefix}${result.value.slug}` : undefined;
    if (result.ok || result.status === 404) held.set(key, { path, until: Date.now() + ttlMs * 6 });
    if (held.size > 10_000) held.clear();
    return path;
  };
};

/**
 * The tenant's `main` and `footer` menus in each locale, read through the API and kept for `ttlMs`;
 * a read that finds a menu changed tells `onChange` its tag. Without a `main` menu: the default links.
 */
export const createNavStore = (options: NavOptions): NavStore => {
  const held = new Map<string, Held>();
  const loading = new Map<string, Promise<SiteNav>>();
  const nodePath = createNodePaths(options.ttlMs);
  const load = async (ctx: NavContext, key: string): Promise<SiteNav> => {
    const [main, footer] = await Promise.all(HANDLES.map((handle) => readMenu(ctx.api, handle)));
    const before = held.get(key);
    if (main === undefined || footer === undefined) return before?.nav ?? defaultNav(ctx);
    const nav: SiteNav = main
      ? { main: await linksOf(ctx, main.items, nodePath), footer: await linksOf(ctx, footer?.items ?? [], nodePath), tags: NAV_TAGS }
      : { ...defaultNav(ctx), footer: await linksOf(ctx, footer?.items ?? [], nodePath) };
    const texts = { main: JSON.stringify(main), footer: JSON.stringify(footer) };
    held.set(key, { nav, texts, until: Date.now() + options.ttlMs });
    const changed = before ? HANDLES.filter((handle) => before.texts[handle] !== texts[handle]) : [];
    if (changed.length > 0)
      options.onChange(
        ctx.site.tenant.id,
        changed.map((handle) => `menu:${handle}`),
      );
    return nav;
  };
  return {
    async of(ctx) {
      const key = `${ctx.site.tenant.id}|${ctx.locale}`;
      const kept = held.get(key);
      if (kept && kept.until > Date.now()) return kept.nav;
      let pending = loading.get(key);
      if (!pending) {
        pending = load(ctx, key).finally(() => loading.delete(key));
        loading.set(key, pending);
      }
      return pending;
    },
    forget(tenantId) {
      for (const key of held.keys()) if (key.startsWith(`${tenantId}|`)) held.delete(key);
    },
  };
};
