import { defineModule } from '@rustok/kernel';
import { embeddedTestImage } from '@rustok/testing';
import { afterEach, expect, it } from 'vitest';
import { bootPlatform, type Platform } from '../src/boot.js';
import { installShutdown } from '../src/shutdown.js';

const slow = defineModule({
  slug: 'slow',
  name: 'Slow',
  description: 'a route that takes its time',
  version: '1.0.0',
  kind: 'optional',
  rest: async (app) => {
    app.get<{ Querystring: { ms: string } }>('/slow', { config: { access: { public: true } } }, async (request) => {
      await new Promise((r) => setTimeout(r, Number(request.query.ms)));
      return { done: true };
    });
  },
});

let platform: Platform | undefined;
afterEach(async () => {
  await platform?.app.close().catch(() => {});
  platform = undefined;
});

const boot = async () => {
  // In memory, from the migrated image of its modules (made once): the subject here is the shutdown, not the first start.
  const image = { inMemory: true, embeddedImage: embeddedTestImage };
  platform = await bootPlatform({ environment: 'test', env: {}, modules: [slow], manifestFile: false, ...image });
  const address = await platform.app.listen({ host: '127.0.0.1', port: 0 });
  return { platform, address };
};

it('finishes in-flight requests, refuses new connections, closes the database, then exits 0', async () => {
  const { platform: p, address } = await boot();
  const exits: number[] = [];
  const stop = installShutdown(p.app, { timeoutMs: 5_000, logger: p.logger, exit: (code) => exits.push(code), signals: [] });

  const inFlight = fetch(`${address}/api/v1/slow?ms=400`);
  await new Promise((r) => setTimeout(r, 100));
  const stopping = stop();
  const response = await inFlight;
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ done: true });
  await stopping;
  expect(exits).toEqual([0]);
  await expect(fetch(`${address}/health/live`)).rejects.toThrow();
  await expect(p.db.ping(500)).rejects.toThrow();
});

it('exits 1 when draining outlasts the timeout', async () => {
  const { platform: p, address } = await boot();
  const exits: number[] = [];
  const stop = installShutdown(p.app, { timeoutMs: 200, logger: p.logger, exit: (code) => exits.push(code), signals: [] });
  const inFlight = fetch(`${address}/api/v1/slow?ms=1500`).catch(() => undefined);
  await new Promise((r) => setTimeout(r, 100));
  void stop();
  await new Promise((r) => setTimeout(r, 500));
  expect(exits).toEqual([1]);
  await inFlight;
});
