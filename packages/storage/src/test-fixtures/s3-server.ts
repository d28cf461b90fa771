// An S3-compatible server for the S3 driver's tests: s3rver, in a child process, on a free loopback port, its objects
// in a temporary folder. It serves PutObject, GetObject, HeadObject, DeleteObject, ListObjectsV2 and multipart
// uploads, and takes presigned URLs, but it does not check signature v4 (any well-formed signature passes).
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface TestS3Server {
  endpoint: string;
  bucket: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** Every request's method and URL, in order of arrival. */
  requests: string[];
  stop(): Promise<void>;
}

const MAIN = fileURLToPath(new URL('./s3rver-main.mjs', import.meta.url));

export const startS3Server = async (): Promise<TestS3Server> => {
  const directory = await mkdtemp(join(tmpdir(), 'rustok-s3-'));
  const bucket = 'rustok-test';
  const child = spawn(process.execPath, ['--openssl-legacy-provider', MAIN, directory, bucket], { stdio: ['ignore', 'pipe', 'inherit'] });
  const requests: string[] = [];
  const port = await listeningPort(child, requests);
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    requests,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
      await rm(directory, { recursive: true, force: true });
    },
  };
};

/** The port the child announces; the lines after it go to `requests`. */
const listeningPort = (child: ChildProcess, requests: string[]): Promise<number> =>
  new Promise((resolve, reject) => {
    if (!child.stdout) throw new Error('no stdout');
    let port: number | undefined;
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (port !== undefined) requests.push(line);
      else {
        port = (JSON.parse(line) as { port: number }).port;
        resolve(port);
      }
    });
    child.once('exit', (code) => reject(new Error(`the S3 test server exited (${code}) before listening`)));
    child.once('error', reject);
  });
