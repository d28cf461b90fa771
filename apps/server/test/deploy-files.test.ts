// The container files (Dockerfile, compose.yaml, deploy/) checked without a Docker engine: the
// compose file against the Compose Specification's schema and against what the servers read at
// start (through the real config loader), the load balancer's upstreams, and the image's runtime
// stage. Each check is also shown to fail on a broken copy.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  breaking,
  checkCompose,
  checkDockerfile,
  interpolate,
  parseCompose,
  readEnvFile,
  serverLaunch,
  serverProcess,
} from './fixtures/deploy-checks.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const read = (path: string) => readFileSync(`${root}${path}`, 'utf8');

const composeText = read('compose.yaml');
const envText = read('deploy/env.example');
const nginxText = read('deploy/nginx.conf');
const dockerfile = read('Dockerfile');
const dockerignore = read('.dockerignore');

const compose = (overrides: { composeText?: string; envText?: string; nginx?: string } = {}) =>
  checkCompose({
    root,
    composeText: overrides.composeText ?? composeText,
    envText: overrides.envText ?? envText,
    files: { 'deploy/nginx.conf': overrides.nginx ?? nginxText },
  });

describe('compose.yaml', () => {
  it('passes every check', () => {
    expect(compose()).toEqual([]);
  });

  it('runs two api processes and one worker with relay, consumers and jobs, as the config loader reads them', () => {
    const doc = parseCompose(interpolate(composeText, readEnvFile(envText)).text);
    const services = doc.services as Record<string, Record<string, unknown>>;
    const roles = Object.fromEntries(
      Object.entries(services)
        .filter(([, s]) => s.build !== undefined && s.restart !== 'no')
        .map(([name, s]) => {
          const server = serverProcess(root, name, s);
          if (typeof server === 'string') throw new Error(server);
          return [name, server.roles.join(',')];
        }),
    );
    expect(roles).toEqual({ 'api-1': 'api', 'api-2': 'api', worker: 'relay,consumers,jobs' });
  });

  it('fails on the Compose schema', () => {
    const broken = breaking(composeText, '    restart: "no"\n', '    restart: "no"\n    restart_policy: never\n');
    expect(compose({ composeText: broken }).some((p) => p.startsWith('schema:'))).toBe(true);
  });

  it('fails when an api process runs more than api, or a role has no process', () => {
    const broken = breaking(composeText, /("--roles", )"relay,consumers,jobs"/, '$1"relay,consumers"');
    expect(compose({ composeText: broken })).toContain('no worker process runs jobs');
    const apiJobs = breaking(composeText, /(api-2:\n(?:.*\n)*?\s+command: \["start", "--no-migrate", "--roles", )"api"/, '$1"api,jobs"');
    expect(compose({ composeText: apiJobs })).toContain('api-2: runs api,jobs, not api alone');
  });

  it('fails when a server would not start with its environment (an unknown key, a bad role)', () => {
    const unknownKey = breaking(composeText, '  LOG_LEVEL: info\n', '  LOG_LEVEL: info\n  RUSTOK_SERVER__NO_SUCH_KEY: "1"\n');
    expect(compose({ composeText: unknownKey }).some((p) => p.includes('would not start') && p.includes('no_such_key'))).toBe(true);
    const badRole = breaking(composeText, '"relay,consumers,jobs"', '"relay,consumer,jobs"');
    expect(
      compose({ composeText: badRole }).some((p) => p.startsWith('worker: the server would not start') && p.includes('consumer')),
    ).toBe(true);
  });

  it('fails when a URL the servers read is missing or names no service', () => {
    const noRedis = breaking(composeText, '  REDIS_URL: redis://redis:6379\n', '');
    expect(compose({ composeText: noRedis })).toContain('api-1: REDIS_URL is not set');
    const noNats = breaking(composeText, '  NATS_URL: nats://nats:4222\n', '');
    expect(compose({ composeText: noNats })).toContain('worker: NATS_URL is not set');
    const wrongHost = breaking(composeText, 'redis://redis:6379', 'redis://cache:6379');
    expect(compose({ composeText: wrongHost })).toContain('api-1: redis URL redis://cache:6379 names no service');
    const memory = breaking(composeText, 'RUSTOK_EVENT_TRANSPORT: nats', 'RUSTOK_EVENT_TRANSPORT: outbox');
    expect(compose({ composeText: memory })).toContain('worker: the event transport is outbox, not nats');
  });

  it('fails on a latest or missing tag, a missing health check and a dependency on no service', () => {
    expect(compose({ composeText: breaking(composeText, 'redis:7.4-alpine', 'redis:latest') })).toContain(
      'redis: image redis:latest has no fixed tag',
    );
    expect(compose({ composeText: breaking(composeText, 'nats:2.11-alpine', 'nats') })).toContain('nats: image nats has no fixed tag');
    const noCheck = breaking(composeText, /( {2}redis:\n(?:.*\n)*?) {4}healthcheck:\n(?: {6}.*\n)+/, '$1');
    expect(compose({ composeText: noCheck })).toEqual(
      expect.arrayContaining(['redis: no health check', 'api-1: waits for redis to be healthy, but redis has no health check']),
    );
    const ghost = breaking(composeText, /(worker:\n(?:.*\n)*?\s+depends_on:\n)/, '$1      search:\n        condition: service_healthy\n');
    expect(compose({ composeText: ghost })).toContain('worker: depends on search, which is not a service');
  });

  it('fails when the servers skip migrations without waiting for the migrate service', () => {
    const broken = breaking(
      composeText,
      /(api-1:\n(?:.*\n)*?\s+depends_on: &api-depends-on\n) {6}migrate:\n {8}condition: service_completed_successfully\n/,
      '$1',
    );
    expect(compose({ composeText: broken })).toEqual(
      expect.arrayContaining(['api-1: starts with --no-migrate but does not wait for a migrate service to complete']),
    );
  });

  it('fails when the load balancer does not send to exactly the api processes, or they do not trust it', () => {
    const oneUpstream = breaking(nginxText, /\s+server api-2:3000[^;]*;/, '');
    expect(compose({ nginx: oneUpstream })).toContain(
      'lb: upstream rustok_api is api-1:3000; the api processes are api-1:3000, api-2:3000',
    );
    const workerUpstream = breaking(nginxText, 'server api-2:3000', 'server worker:3000');
    expect(compose({ nginx: workerUpstream }).some((p) => p.startsWith('lb: upstream rustok_api is'))).toBe(true);
    const untrusted = breaking(composeText, 'RUSTOK_SERVER__TRUST_PROXY: "[172.30.0.10]"', 'RUSTOK_SERVER__TRUST_PROXY: "[]"');
    expect(compose({ composeText: untrusted })).toContain('api-1: server.trust_proxy does not name the load balancer (172.30.0.10)');
  });

  it('fails when the replica could not run as a hot standby of its primary', () => {
    const broken = breaking(composeText, /(postgres-replica:\n(?:.*\n)*?\s+- )max_connections=200/, '$1max_connections=100');
    expect(compose({ composeText: broken })).toContain(
      'postgres-replica: max_connections is lower than on postgres, so the hot standby would not start',
    );
  });

  it('fails when a secret is neither in the env file nor defaulted', () => {
    const env = breaking(envText, /^POSTGRES_PASSWORD=.*\n/m, '');
    expect(compose({ envText: env })).toContain('variable POSTGRES_PASSWORD is neither in the env file nor defaulted');
  });
});

describe('Dockerfile', () => {
  const docker = (text = dockerfile, ignore = dockerignore) => checkDockerfile({ root, text, dockerignore: ignore });

  it('passes every check', () => {
    expect(docker()).toEqual([]);
  });

  it('fails when the runtime stage runs as root', () => {
    expect(docker(breaking(dockerfile, /^USER node\n/m, ''))).toContain('the runtime stage runs as root');
    expect(docker(breaking(dockerfile, /^USER node$/m, 'USER 0'))).toContain('the runtime stage runs as 0');
  });

  it('fails without a HEALTHCHECK on /health/live', () => {
    expect(docker(breaking(dockerfile, '/health/live', '/health/ready'))).toContain('the runtime stage has no HEALTHCHECK on /health/live');
  });

  it('starts the server with the launch settings of its package.json, and fails without them', () => {
    const { nodeFlags, environment } = serverLaunch(root);
    expect(nodeFlags).toContain('--v8-pool-size=1');
    expect(environment).toHaveProperty('MALLOC_MMAP_THRESHOLD_');
    expect(docker(breaking(dockerfile, '"--v8-pool-size=1", ', ''))).toContain('the image does not run node with --v8-pool-size=1');
    expect(docker(breaking(dockerfile, /^ENV MALLOC_MMAP_THRESHOLD_=\d+\n/m, ''))).toContain(
      `the image does not set MALLOC_MMAP_THRESHOLD_=${environment.MALLOC_MMAP_THRESHOLD_}`,
    );
  });

  it('fails when the runtime stage leaves out something the server reads', () => {
    expect(docker(breaking(dockerfile, /^COPY --from=build \S+ \/app\/config \.\/config\n/m, ''))).toContain(
      'the runtime stage does not copy config',
    );
    expect(docker(breaking(dockerfile, /^COPY --from=build \S+ \/app\/modules \.\/modules\n/m, ''))).toEqual(
      expect.arrayContaining(['the runtime stage does not copy modules/index/dist']),
    );
    expect(docker(breaking(dockerfile, '/app/apps ./apps', '/app/apps/server ./apps'))).toContain(
      "the runtime stage copies apps/admin/dist from apps/server, not from the build's apps",
    );
  });

  it('fails on a floating base image, a missing build step or a workspace the build does not install', () => {
    expect(docker(breaking(dockerfile, 'ARG NODE_VERSION=20-bookworm-slim', 'ARG NODE_VERSION=latest'))).toContain(
      'FROM node:latest: no fixed tag',
    );
    expect(docker(breaking(dockerfile, 'RUN npm prune --omit=dev', 'RUN true'))).toContain(
      'the build stage does not run npm prune --omit=dev',
    );
    expect(docker(breaking(dockerfile, /^COPY modules\/media\/package\.json modules\/media\/\n/m, ''))).toContain(
      'the build stage does not copy modules/media/package.json before npm ci',
    );
  });

  it('fails when the build context takes node_modules or dist along', () => {
    expect(docker(dockerfile, breaking(dockerignore, /^\*\*\/node_modules\n/m, ''))).toContain(
      '.dockerignore does not leave out **/node_modules',
    );
  });
});
