// Storefront SSR suite: the server-rendered pages (listing, product, a content page) with the page
// cache on and off, next to the JSON list route and a bare Fastify route answering a static text of
// the cached listing page's size, on the embedded database with the demo data and a seeded catalog;
// then the listing tree's render time with Preact and with React 19. See bench/README.md.
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { openDatabase } from '@rustok/db';
import { APP_ROLE, freePort, loadAverage, log, requireIntegers, round, serverEnv, tempDataDir } from '../lib.mjs';
import { cannon, startReference, startServer, summary } from './storefront-http.mjs';
import { seedCatalog } from './storefront-seed.mjs';
import { measureRender } from './storefront-ssr-render.mjs';

const SETTLE_MS = 10_000;

const defaults = { products: 2_000, connections: 50, durationS: 10, warmupS: 3, renderRounds: 2_000, readyTimeoutMs: 180_000 };

const database = (dir) => ({
  url: null,
  data_dir: dir,
  pool_max: 5,
  read_pool_max: 2,
  app_role: APP_ROLE,
  statement_timeout_ms: 30_000,
  embedded_shared_buffers_mb: 32,
});

/** Migrations and the demo data through the built server's first start, then `products` more written and indexed here. */
const prepare = async ({ root, dir, env, o }) => {
  const first = await startServer({ root, env, readyTimeoutMs: o.readyTimeoutMs });
  await first.stop();
  const { db } = await openDatabase({ config: { database: database(dir) }, root: dir });
  try {
    const { rows } = await db.query("SELECT id, slug FROM tenants WHERE slug = 'default'");
    if (!rows[0]) throw new Error('no default tenant after the first start');
    await seedCatalog({ db, tenants: [rows[0]], perTenant: o.products, log: (l) => log(`storefront-ssr: ${l}`) });
    await db.query('ANALYZE');
  } finally {
    await db.close();
  }
};

/** One GET: { status, etag, text, json() }. */
const get = (url, accept = 'text/html') =>
  new Promise((resolve, reject) => {
    const req = request(url, { headers: { accept }, timeout: 30_000 }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c) => {
        text += c;
      });
      res.once('end', () => resolve({ status: res.statusCode, etag: res.headers.etag, text, json: () => JSON.parse(text) }));
    });
    req.once('timeout', () => req.destroy(new Error(`GET ${url} timed out`)));
    req.once('error', reject);
    req.end();
  });

const measure = async (base, path, o) => {
  const target = { headers: { accept: 'text/html' }, setup: (req) => ({ ...req, path }) };
  await cannon({ base, target, connections: o.connections, duration: o.warmupS });
  const { result, latencies } = await cannon({ base, target, connections: o.connections, duration: o.durationS });
  return { path, requestsPerSecond: round(result.requests.total / result.duration, 0), ...summary(latencies), non2xx: result.non2xx };
};

/** The pages measured: the listing, a product and a CMS page where they exist, else the home page (said in `notes`). */
const pagesOf = async (base, notes) => {
  const exists = async (path) => (await get(`${base}${path}`)).status === 200;
  const content = await get(`${base}/api/v1/store/content?kind=page&limit=1`, 'application/json');
  const slug = content.status === 200 ? content.json().items?.[0]?.slug : undefined;
  const wanted = { listing: '/search', product: '/products/classic-t-shirt', cms: slug ? `/pages/${slug}` : undefined };
  const pages = {};
  for (const [key, path] of Object.entries(wanted)) {
    pages[key] = path && (await exists(path)) ? path : '/';
    if (pages[key] !== path) notes.push(`${key}: ${path ?? 'no published CMS page'} not served, the home page measured instead`);
  }
  return pages;
};

const serve = async ({ root, env, o }, fn) => {
  const server = await startServer({ root, env, readyTimeoutMs: o.readyTimeoutMs });
  try {
    return await fn(server.base);
  } finally {
    await server.stop();
  }
};

/**
 * The cached pages, each measured right next to the bare route (started beside the server, serving
 * the cached listing's HTML): a pair per page, so that the machine's load at that moment weighs on
 * both; `bare` is the mean of the bare runs. Also the cached listing's HTML and the products the
 * render measure draws.
 */
const cachedRun = (ctx, notes) =>
  serve(ctx, async (base) => {
    const pages = await pagesOf(base, notes);
    await get(`${base}${pages.listing}`);
    const again = await get(`${base}${pages.listing}`);
    if (!again.etag) throw new Error('the listing page came back without an ETag: the page cache is off');
    const products = (await get(`${base}/api/v1/store/products?limit=24`, 'application/json')).json().items;
    const results = {};
    const bareRuns = [];
    await withBare(ctx, again.text, async (bareBase) => {
      const targets = [...Object.entries(pages).map(([key, path]) => [`${key}-cached`, path]), ['server-floor', '/health/live']];
      // The server's start-up jobs (statistics, the relay's first rounds) are let finish first.
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      for (const [key, path] of targets) {
        // page, bare, page: the page's figure is the mean of the two runs on either side of the bare one.
        const before = await measure(base, path, ctx.o);
        const bare = await measure(bareBase, '/page', ctx.o);
        const after = await measure(base, path, ctx.o);
        results[key] = {
          ...after,
          requestsPerSecond: round((before.requestsPerSecond + after.requestsPerSecond) / 2, 0),
          runs: [before.requestsPerSecond, after.requestsPerSecond],
          bareRequestsPerSecond: bare.requestsPerSecond,
        };
        bareRuns.push(bare);
      }
    });
    const bare = {
      ...bareRuns[0],
      requestsPerSecond: round(bareRuns.reduce((sum, r) => sum + r.requestsPerSecond, 0) / bareRuns.length, 0),
    };
    return { pages, html: again.text, products, results, bare };
  });

/** The API call the listing page (/search, no filters) makes: its own JSON, the same work of the read model. */
const LISTING_API = '/api/v1/store/products?locale=en&currency=USD&facets=true&limit=24';

const uncachedRun = (ctx, pages) =>
  serve({ ...ctx, env: { ...ctx.env, RUSTOK_SERVER__STOREFRONT__PAGE_CACHE: 'false' } }, async (base) => {
    const probe = await get(`${base}${pages.listing}`);
    if (probe.etag) throw new Error('the page cache is still on (an ETag came back)');
    const results = {};
    for (const [key, path] of Object.entries(pages)) results[`${key}-uncached`] = await measure(base, path, ctx.o);
    results['json-list'] = await measure(base, '/api/v1/store/products?limit=20', ctx.o);
    results['json-list-page'] = await measure(base, LISTING_API, ctx.o);
    return results;
  });

/** The bare route (a static text of the cached listing's size) in its own process while `fn` runs. */
const withBare = async ({ root, scratch }, html, fn) => {
  const file = join(scratch, 'listing.html');
  writeFileSync(file, html);
  const port = await freePort();
  const args = [join(root, 'bench/suites/storefront-ssr-bare.mjs'), String(port), file];
  const bare = await startReference({ root, what: 'bare HTML route', args, env: {}, port, readyText: 'ready' });
  try {
    return await fn(bare.base);
  } finally {
    await bare.stop();
  }
};

const LABELS = {
  'listing-cached': 'listing page, cached',
  'product-cached': 'product page, cached',
  'cms-cached': 'CMS page, cached',
  'listing-uncached': 'listing page, uncached',
  'product-uncached': 'product page, uncached',
  'cms-uncached': 'CMS page, uncached',
  'server-floor': "the server's /health/live",
  'json-list': 'JSON list route (limit 20)',
  'json-list-page': "JSON list route, the listing's own query (facets, 24)",
  bare: 'bare Fastify, static text',
};

const pct = (a, b) => round((a / b) * 100, 1);

/** The table: req/s, p50/p99, and each figure against its reference (bare for cached pages, the JSON list for the uncached listing). */
const tableOf = (results, pages, bytes, render, load, notes) => {
  const bare = results.bare.requestsPerSecond;
  const json = results['json-list'].requestsPerSecond;
  const jsonPage = results['json-list-page'].requestsPerSecond;
  const versus = (key, r) => {
    if (key.endsWith('-cached') || key === 'server-floor')
      return `${pct(r.requestsPerSecond, r.bareRequestsPerSecond ?? bare)} % of bare (beside it)`;
    if (key === 'listing-uncached')
      return `${pct(r.requestsPerSecond, json)} % of JSON list; ${pct(r.requestsPerSecond, jsonPage)} % of its own query`;
    if (key.endsWith('-uncached')) return `${pct(r.requestsPerSecond, json)} % of JSON list`;
    return null;
  };
  return {
    title: 'storefront-ssr: pages on the embedded database (demo data + seeded catalog), autocannon -c 50',
    columns: ['route', 'path', 'req/s', 'p50 ms', 'p99 ms', 'vs reference', 'non-2xx'],
    rows: Object.entries(results).map(([key, r]) => [LABELS[key], r.path, r.requestsPerSecond, r.p50Ms, r.p99Ms, versus(key, r), r.non2xx]),
    notes: [
      `bare: a static string of ${bytes} characters, the cached listing page's HTML (${pages.listing}) as served, in its own process, measured between two runs of each cached route (each page figure is the mean of its two runs, its % against the bare run between them; the bare row is the mean of the bare runs)`,
      `targets: cached pages ≥ 70 % of bare; uncached listing ≥ 50 % of the JSON list route`,
      `the server's /health/live: its request pipeline (hooks) with no work of a page, the ceiling of any page it serves`,
      `render of the listing tree (${render.products} cards, ${render.rounds} renders): preact-render-to-string p50 ${render.preact.p50Ms} ms, mean ${render.preact.meanMs} ms; React 19 renderToString p50 ${render.react.p50Ms} ms, mean ${render.react.meanMs} ms (×${render.reactOverPreact})`,
      `load average (1, 5, 15 min): before ${load.before.join(' ')}, after ${load.after.join(' ')}`,
      ...notes,
    ],
  };
};

/** Runs the suite: { products, pages, results, percent, render, loadAverage, table, ok, problems }. */
export async function run(options) {
  const o = { ...defaults, ...options };
  requireIntegers(o, ['products', 'connections', 'durationS', 'warmupS', 'renderRounds']);
  const data = tempDataDir();
  const scratch = tempDataDir();
  const env = {
    ...serverEnv({ environment: 'production', logLevel: 'warn' }),
    DATABASE_URL: '',
    RUSTOK_DATABASE__DATA_DIR: data.dir,
    RUSTOK_SETTINGS__RUSTOK__FEATURES__DEMO_DATA: 'true',
  };
  const ctx = { root: options.root, env, o, scratch: scratch.dir };
  const before = loadAverage();
  const notes = [];
  try {
    log(`storefront-ssr: first start (demo data), then ${o.products} products seeded and indexed`);
    await prepare({ ...ctx, dir: data.dir });
    log(`storefront-ssr: each route ${o.warmupS} s warm-up, then ${o.durationS} s, -c ${o.connections}`);
    const cached = await cachedRun(ctx, notes);
    const uncached = await uncachedRun(ctx, cached.pages);
    const bare = cached.bare;
    const render = measureRender(cached.products, o.renderRounds);
    const results = { ...cached.results, ...uncached, bare };
    const problems = Object.entries(results)
      .filter(([, r]) => r.non2xx > 0)
      .map(([key, r]) => `${key}: ${r.non2xx} non-2xx`);
    const percent = {
      ...Object.fromEntries(
        Object.keys(cached.results).map((key) => [`${key}OfBare`, pct(results[key].requestsPerSecond, results[key].bareRequestsPerSecond)]),
      ),
      listingUncachedOfJsonList: pct(results['listing-uncached'].requestsPerSecond, results['json-list'].requestsPerSecond),
      listingUncachedOfItsQuery: pct(results['listing-uncached'].requestsPerSecond, results['json-list-page'].requestsPerSecond),
    };
    const load = { before, after: loadAverage() };
    return {
      ok: problems.length === 0,
      problems,
      notes,
      database: 'embedded',
      products: o.products,
      pages: cached.pages,
      bareBytes: cached.html.length,
      results,
      percent,
      render,
      loadAverage: load,
      table: tableOf(results, cached.pages, cached.html.length, render, load, notes),
    };
  } finally {
    await data.dispose();
    await scratch.dispose();
  }
}
