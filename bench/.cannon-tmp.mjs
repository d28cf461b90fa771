import { cannon } from './suites/storefront-http.mjs';
const [base, path, d] = process.argv.slice(2);
const target = { headers: { 'x-tenant-id': 'shop-001' }, setup: (r) => ({ ...r, path: path.replace('{n}', String(Math.floor(Math.random() * 2000))) }) };
await cannon({ base, target, connections: 50, duration: 2 });
const { result } = await cannon({ base, target, connections: 50, duration: Number(d ?? 8) });
console.log(path, Math.round(result.requests.total / result.duration), result.latency.p50, result.latency.p99, result.non2xx);
