import { root, serverEnv } from './lib.mjs';
import { cannon, startBare, startServer } from './suites/storefront-http.mjs';

const url = 'postgres://postgres@127.0.0.1:5432/rustok_idx_prof';
const T = process.env.T;
const env = {
  ...serverEnv({ environment: 'production', logLevel: 'warn' }),
  DATABASE_URL: url,
  ...(process.env.PROF ? { NODE_OPTIONS: '--cpu-prof --cpu-prof-dir=/tmp/idx/prof' } : {}),
};
const server = await startServer({ root, env, readyTimeoutMs: 120000 });
const bare = await startBare({ root, url, poolMax: 10 });
const runs = (process.env.RUNS ?? 'rest,bare').split(',');
const path = process.env.PATHQ ?? '/api/v1/store/products?limit=20';
const barePath = process.env.BAREQ ?? `/list?t=${T}`;
for (const name of runs) {
  const [base, p] = name === 'rest' ? [server.base, path] : name === 'live' ? [server.base, '/health/live'] : [bare.base, barePath];
  const target = { headers: { 'x-tenant-id': 'shop-001' }, setup: (r) => ({ ...r, path: p }) };
  await cannon({ base, target, connections: 50, duration: 2 });
  const { result } = await cannon({ base, target, connections: 50, duration: Number(process.env.D ?? 8) });
  console.log(name, Math.round(result.requests.total / result.duration), result.latency.p50, result.latency.p99, result.non2xx);
}
await bare.stop();
await server.stop();
