// Runs s3rver for the S3 driver's tests (started by s3-server.ts): node --openssl-legacy-provider s3rver-main.mjs <dir> <bucket>
// s3rver encrypts its list continuation tokens with DES, which OpenSSL 3 offers only through its legacy provider,
// hence a process of its own. Prints {"port":N} once listening, then one line per request: "<METHOD> <url>".
import S3rver from 's3rver';

const [directory, bucket] = process.argv.slice(2);
const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true, configureBuckets: [{ name: bucket }] });
const { port } = await server.run();
server.httpServer.prependListener('request', (request) => process.stdout.write(`${request.method} ${request.url}\n`));
process.stdout.write(`${JSON.stringify({ port })}\n`);
process.on('SIGTERM', () => {
  server.httpServer.closeAllConnections();
  server.close().then(() => process.exit(0));
});
