import type { ApiOptions } from './api/client.js';
import type { ApiTransport } from './api/transport.js';
import type { StoreAssets } from './assets.js';
import type { PageCache, PageCacheOptions } from './cache/page-cache.js';
import type { NavStore } from './nav.js';
import type { SiteSettingsStore } from './site.js';

export interface StorefrontOptions {
  /** How the API is reached: `injectTransport(app)` in the server's process, `httpTransport(url)` on its own. */
  readonly transport: ApiTransport;
  /** The API's tenant header (settings.rustok.tenant.header_name); X-Tenant-ID by default. */
  readonly tenantHeader?: string;
  /** The tenant serving a host (custom domain, subdomain, or the default one): its id, or undefined (a 404 page). */
  readonly resolveTenant: (hostname: string) => Promise<string | undefined>;
  /** The tenant of a host when it is known at once (resolved a moment ago), for answering cached pages early. */
  readonly peekTenant?: (hostname: string) => string | undefined;
  /** The page cache; false renders every request. */
  readonly cache?: PageCacheOptions | false;
  /** How long a tenant's settings and menus are used before being read again (a change then purges its pages). */
  readonly siteTtlMs?: number;
  /** Island scripts and stylesheet: the build (dist/assets), bundled fresh from the sources, or the build when there is one. */
  readonly assets?: 'built' | 'fresh' | 'auto';
}

/** What every page route shares. */
/** How shared pages were answered: before the server's hooks from the cache, from the cache, rendered. */
export interface PageAnswers {
  early: number;
  cached: number;
  rendered: number;
}

export interface StoreRuntime {
  readonly answers: PageAnswers;
  readonly api: ApiOptions;
  readonly cache: PageCache | undefined;
  readonly site: SiteSettingsStore;
  readonly nav: NavStore;
  readonly assets: StoreAssets;
  readonly resolveTenant: StorefrontOptions['resolveTenant'];
}
