// Admin suite: the admin app's initial JavaScript (gzip, target ≤ 250 kB), time to interactive of
// its product list with 10,000 products against its home screen (the app's floor), and frame times
// while scrolling that list against idle frames — measured in Debian's Chromium, same run.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { openPostgres } from '@rustok/db';
import {
  APP_ROLE,
  log,
  median,
  percentile,
  probePostgres,
  requireIntegers,
  round,
  serverEnv,
  startBuiltServer,
  throwAwayDatabase,
} from '../lib.mjs';
import { CHROMIUM, launch, scrollFrames, timeToInteractive } from './admin-browser.mjs';
import { seedCatalog } from './storefront-seed.mjs';

const defaults = { products: 10_000, runs: 5, scrollMs: 3_000, step: 240, readyTimeoutMs: 180_000 };
const TARGET_KB = 250;

/** Builds the admin app (apps/admin/dist, as `npm run build` does) and sums what its page loads first. */
const initialJs = (root) => {
  const built = spawnSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', join(root, 'apps/admin'), '--logLevel', 'warn'],
    {
      encoding: 'utf8',
    },
  );
  if (built.status !== 0) throw new Error(`admin build failed: ${built.stderr}`);
  const dist = join(root, 'apps/admin/dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/admin\/([^"]+\.js)"/g)].map(
    (m) => m[1],
  );
  const sizes = files.map((f) => {
    const bytes = readFileSync(join(dist, f));
    return { file: f, bytes: bytes.length, gzipBytes: gzipSync(bytes).length };
  });
  const gzip = sizes.reduce((a, s) => a + s.gzipBytes, 0);
  return { files: sizes, bytes: sizes.reduce((a, s) => a + s.bytes, 0), gzipBytes: gzip, gzipKb: round(gzip / 1024, 1) };
};

const login = async (base, email, password) => {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant-id': 'default' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login answered ${res.status}`);
  const pair = await res.json();
  return { tenant: 'default', accessToken: pair.accessToken, refreshToken: pair.refreshToken };
};

const frameSummary = (values) => {
  const sorted = Float64Array.from(values).sort();
  return {
    frames: sorted.length,
    p50Ms: round(percentile(sorted, 50), 1),
    p95Ms: round(percentile(sorted, 95), 1),
    maxMs: round(sorted.at(-1) ?? 0, 1),
  };
};

/** The browser measurements on a server whose default tenant holds `o.products` products. */
const measureBrowser = async ({ root, o, adminUrl }) => {
  const tmp = await throwAwayDatabase(adminUrl);
  const email = 'bench-admin@example.com';
  const password = 'Bench-admin-password-1';
  const env = {
    ...serverEnv({ environment: 'production', logLevel: 'warn' }),
    DATABASE_URL: tmp.url,
    RUSTOK_ADMIN_EMAIL: email,
    RUSTOK_ADMIN_PASSWORD: password,
  };
  const server = await startBuiltServer({ root, env, readyTimeoutMs: o.readyTimeoutMs });
  const db = await openPostgres({ url: tmp.url, appRole: APP_ROLE, poolMax: 4 });
  const browser = await launch();
  try {
    const { rows } = await db.transaction((tx) => tx.query("SELECT id FROM tenants WHERE slug = 'default'"));
    await seedCatalog({ db, tenants: [{ id: rows[0].id, slug: 'default' }], perTenant: o.products, log: (l) => log(`admin: ${l}`) });
    const session = await login(server.base, email, password);
    const tti = { home: [], products: [] };
    for (let i = 0; i < o.runs; i++) {
      tti.home.push(await timeToInteractive(browser, session, `${server.base}/admin/`, 'h1'));
      tti.products.push(
        await timeToInteractive(browser, session, `${server.base}/admin/products`, '[data-testid=product-scroller] tbody tr td'),
      );
    }
    const scroll = await scrollFrames(browser, session, `${server.base}/admin/products`, '[data-testid=product-scroller]', {
      durationMs: o.scrollMs,
      step: o.step,
    });
    return {
      tti: { homeMs: round(median(tti.home), 0), productsMs: round(median(tti.products), 0), samples: tti },
      scroll: {
        idle: frameSummary(scroll.idle),
        scrolling: frameSummary(scroll.scrolling),
        scrolledPx: scroll.scrolledPx,
        rowsLoaded: scroll.rowsLoaded,
      },
    };
  } finally {
    await browser.close();
    await db.close().catch(() => {});
    await server.stop();
    await tmp.dispose();
  }
};

export async function run(options) {
  const o = { ...defaults, ...options };
  requireIntegers(o, ['products', 'runs', 'scrollMs', 'step']);
  const js = initialJs(o.root);
  const problems = [];
  if (js.gzipKb > TARGET_KB) problems.push(`initial JS ${js.gzipKb} kB gzip is over ${TARGET_KB} kB`);
  const notes = [
    `initial JS = the scripts /admin/ loads before anything else (its entry and module preloads), gzip level 6; target ≤ ${TARGET_KB} kB`,
  ];
  let browser;
  const pg = await probePostgres();
  if (!existsSync(CHROMIUM)) notes.push(`browser figures skipped: no Chromium at ${CHROMIUM}`);
  else if (!pg.ok) notes.push(`browser figures skipped: PostgreSQL not reachable (${pg.reason}); the catalog is seeded straight into it`);
  else browser = await measureBrowser({ root: o.root, o, adminUrl: process.env.DATABASE_URL });
  if (browser) {
    notes.push(
      `time to interactive: navigation start → the screen's first content and an idle main thread, fresh browser context each (empty cache), median of ${o.runs}; home = the app's floor (same bundle, one API call)`,
      `scroll: ${o.step} px per frame for ${o.scrollMs} ms on the virtualised list (pages of 100 load as rows come into view), against ${o.scrollMs} ms of idle frames in the same page`,
    );
  }
  const rows = [['initial JS (gzip)', `${js.gzipKb} kB`, `target ${TARGET_KB} kB`]];
  if (browser) {
    rows.push([
      'time to interactive',
      `products (${o.products.toLocaleString('en')}): ${browser.tti.productsMs} ms`,
      `home: ${browser.tti.homeMs} ms`,
    ]);
    const s = browser.scroll;
    rows.push([
      'frame time while scrolling',
      `p50 ${s.scrolling.p50Ms} / p95 ${s.scrolling.p95Ms} / max ${s.scrolling.maxMs} ms (${s.rowsLoaded} rows loaded)`,
      `idle p50 ${s.idle.p50Ms} / p95 ${s.idle.p95Ms} / max ${s.idle.maxMs} ms`,
    ]);
  }
  return {
    ok: problems.length === 0,
    problems,
    parameters: { products: o.products, runs: o.runs, scrollMs: o.scrollMs, step: o.step },
    initialJs: js,
    ...(browser ? { browser } : {}),
    table: { title: 'admin: the web app at /admin (Chromium)', columns: ['figure', 'measured', 'baseline'], rows, notes },
  };
}
