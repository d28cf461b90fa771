// The reference of the storefront-ssr suite: bare Fastify answering one static HTML text (the cached
// listing page's, read from a file) on one route, with nothing else in the pipeline. Spawned by
// storefront-ssr.mjs as its own process:
//   node bench/suites/storefront-ssr-bare.mjs <port> <html-file>
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const [port, file] = process.argv.slice(2);
const html = readFileSync(file, 'utf8');

const app = Fastify({ logger: false });
app.get('/page', (_request, reply) => reply.type('text/html; charset=utf-8').send(html));

await app.listen({ host: '127.0.0.1', port: Number(port) });
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  app.close().then(() => process.exit(0));
});
