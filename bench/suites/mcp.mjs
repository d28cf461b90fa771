// MCP suite: `search_catalog` through POST /mcp/shop (JSON-RPC tools/call, stateless Streamable HTTP)
// against the REST storefront search it wraps, on PostgreSQL, one tenant with 2,000 products,
// interleaved in one run; then the size of the admin tool list in tokens, direct and catalog mode.
// See bench/README.md.
import { randomBytes } from 'node:crypto';
import { openPostgres } from '@rustok/db';
import { APP_ROLE, loadAverage, log, probePostgres, requireIntegers, serverEnv, throwAwayDatabase, withAdmin } from '../lib.mjs';
import { round } from '../stats.mjs';
import { ownerToken } from './bench-shop.mjs';
import { cannon, httpJson, startServer, summary } from './storefront-http.mjs';
import { SEARCH_WORD, seedCatalog } from './storefront-seed.mjs';

const defaults = {
  products: 2_000,
  connections: 50,
  durationS: 15,
  rounds: 3,
  warmupS: 3,
  readyTimeoutMs: 180_000,
  targetPercent: 50,
};

/** Tokens of a text, estimated as characters / 4 (the rule of thumb for English and JSON; docs/mcp.md). */
const tokensOf = (text) => Math.ceil(text.length / 4);

const MCP_HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
const rpc = (method, params) => ({ jsonrpc: '2.0', id: 1, method, params });

const targetsOf = (slug) => {
  const headers = { 'x-tenant-id': slug };
  return {
    rest: {
      label: `REST search-20 (q=${SEARCH_WORD})`,
      headers,
      setup: (req) => ({ ...req, path: `/api/v1/store/products?q=${SEARCH_WORD}&limit=20` }),
    },
    mcp: {
      label: `MCP search_catalog (q=${SEARCH_WORD}, limit 20)`,
      method: 'POST',
      headers: { ...headers, ...MCP_HEADERS },
      body: JSON.stringify(rpc('tools/call', { name: 'search_catalog', arguments: { q: SEARCH_WORD, limit: 20 } })),
      setup: (req) => ({ ...req, path: '/mcp/shop' }),
    },
  };
};

/** One call of each, checked: 200, and the tool answered no error. */
const check = async (base, targets) => {
  const rest = await httpJson('GET', `${base}/api/v1/store/products?q=${SEARCH_WORD}&limit=20`, { headers: targets.rest.headers });
  if (rest.status !== 200 || rest.body.items.length === 0) throw new Error(`REST search answered ${rest.status} with no items`);
  const mcp = await httpJson('POST', `${base}/mcp/shop`, { headers: targets.mcp.headers, body: JSON.parse(targets.mcp.body) });
  if (mcp.status !== 200 || mcp.body.result?.isError || mcp.body.result?.structuredContent?.items?.length === 0)
    throw new Error(`MCP search_catalog answered ${mcp.status}: ${JSON.stringify(mcp.body).slice(0, 300)}`);
};

/** `--duration-s` per target in `--rounds` interleaved rounds (order alternating), after a warm-up each. */
const measureSearch = async ({ base, targets, o, problems }) => {
  const keys = ['rest', 'mcp'];
  const acc = Object.fromEntries(keys.map((k) => [k, { requests: 0, seconds: 0, latencies: [], non2xx: 0 }]));
  for (const key of keys) await cannon({ base, target: targets[key], connections: o.connections, duration: o.warmupS });
  for (let r = 0; r < o.rounds; r++) {
    for (const key of r % 2 === 0 ? keys : [...keys].reverse()) {
      const { result, latencies } = await cannon({
        base,
        target: targets[key],
        connections: o.connections,
        duration: o.durationS / o.rounds,
      });
      const a = acc[key];
      a.requests += result.requests.total;
      a.seconds += result.duration;
      a.non2xx += result.non2xx;
      a.latencies.push(...latencies);
      const bad = result.non2xx + result.errors + result.timeouts;
      if (bad > 0) problems.push(`${key}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
    }
  }
  return Object.fromEntries(
    keys.map((k) => [
      k,
      { label: targets[k].label, requestsPerSecond: round(acc[k].requests / acc[k].seconds, 0), ...summary(acc[k].latencies) },
    ]),
  );
};

/** tools/list of /mcp/admin for a token, in a mode: the tools, their JSON's characters and estimated tokens. */
const adminList = async (base, slug, token, mode) => {
  const res = await httpJson('POST', `${base}/mcp/admin?mode=${mode}`, {
    headers: { ...MCP_HEADERS, 'x-tenant-id': slug, authorization: `Bearer ${token}` },
    body: rpc('tools/list', {}),
  });
  if (res.status !== 200 || !res.body.result)
    throw new Error(`tools/list (${mode}) answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
  const text = JSON.stringify(res.body.result.tools);
  return { tools: res.body.result.tools.length, characters: text.length, tokens: tokensOf(text) };
};

const tokenCounts = async (base, owner) => ({
  tenantAdmin: {
    direct: await adminList(base, 'shop', owner.token, 'direct'),
    catalog: await adminList(base, 'shop', owner.token, 'catalog'),
  },
  platformAdmin: {
    direct: await adminList(base, 'default', owner.platformToken, 'direct'),
    catalog: await adminList(base, 'default', owner.platformToken, 'catalog'),
  },
});

const tableOf = (o, search, tokens, percent, ok) => ({
  title: `MCP: search_catalog vs REST storefront search (${o.products} products, -c ${o.connections}); admin tool list size`,
  columns: ['measure', 'req/s', 'p50 ms', 'p99 ms', 'tools', 'tokens (chars/4)'],
  rows: [
    [search.rest.label, search.rest.requestsPerSecond, search.rest.p50Ms, search.rest.p99Ms, null, null],
    [search.mcp.label, search.mcp.requestsPerSecond, search.mcp.p50Ms, search.mcp.p99Ms, null, null],
    ['admin tools/list, tenant admin, direct', null, null, null, tokens.tenantAdmin.direct.tools, tokens.tenantAdmin.direct.tokens],
    ['admin tools/list, tenant admin, catalog', null, null, null, tokens.tenantAdmin.catalog.tools, tokens.tenantAdmin.catalog.tokens],
    ['admin tools/list, platform admin, direct', null, null, null, tokens.platformAdmin.direct.tools, tokens.platformAdmin.direct.tokens],
  ],
  notes: [
    `MCP throughput = ${percent}% of REST (target ≥ ${o.targetPercent}%) — ${ok ? 'met' : 'NOT met'}`,
    'one built server (RUSTOK_ENV=production, LOG_LEVEL=warn, rate limits off); MCP: one stateless JSON-RPC tools/call per HTTP request, no initialize',
    `each target ${o.durationS} s in ${o.rounds} interleaved rounds after ${o.warmupS} s of warm-up; tokens: JSON of the tools array / 4`,
  ],
});

export async function run(options) {
  const o = { ...defaults, ...options };
  requireIntegers(o, ['products', 'connections', 'durationS', 'rounds', 'warmupS', 'targetPercent']);
  const pg = await probePostgres(process.env.DATABASE_URL);
  if (!pg.ok) throw new Error(`mcp needs PostgreSQL (DATABASE_URL): ${pg.reason ?? 'not reachable'}`);
  const loadBefore = loadAverage();
  const tmp = await throwAwayDatabase(process.env.DATABASE_URL);
  const password = `Bench-${randomBytes(9).toString('base64url')}-pw`;
  const env = {
    ...serverEnv({ environment: 'production', logLevel: 'warn' }),
    DATABASE_URL: tmp.url,
    RUSTOK_ADMIN_EMAIL: 'bench-admin@example.com',
    RUSTOK_ADMIN_PASSWORD: password,
  };
  const server = await startServer({ root: o.root, env, readyTimeoutMs: o.readyTimeoutMs });
  const db = await openPostgres({ url: tmp.url, appRole: APP_ROLE, poolMax: 8 });
  const problems = [];
  try {
    const owner = await ownerToken(server.base, password);
    await seedCatalog({ db, tenants: [owner.tenant], perTenant: o.products, log: (l) => log(`mcp: ${l}`) });
    await withAdmin(tmp.url, (c) => c.query('VACUUM ANALYZE'));
    const targets = targetsOf('shop');
    await check(server.base, targets);
    log(`search: ${o.warmupS} s warm-up each, then ${o.rounds} rounds of ${o.durationS / o.rounds} s each, -c ${o.connections}`);
    const search = await measureSearch({ base: server.base, targets, o, problems });
    const tokens = await tokenCounts(server.base, owner);
    const percent = round((search.mcp.requestsPerSecond / search.rest.requestsPerSecond) * 100, 1);
    const ok = problems.length === 0 && percent >= o.targetPercent;
    if (percent < o.targetPercent) problems.push(`MCP search_catalog at ${percent}% of REST (target ≥ ${o.targetPercent}%)`);
    return {
      ok,
      options: { ...o, root: undefined },
      loadAverage: { before: loadBefore, after: loadAverage() },
      search,
      mcpPercentOfRest: percent,
      adminToolList: tokens,
      tokenEstimate: 'characters of the JSON of tools/list result.tools, divided by 4, rounded up',
      problems,
      table: tableOf(o, search, tokens, percent, ok),
    };
  } finally {
    await server.stop();
    await db.close().catch(() => {});
    await tmp.dispose();
  }
}
