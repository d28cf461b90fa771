import { type PostgresCluster, postgresClusterSkipReason, startPostgresCluster } from '@rustok/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from './fixtures/server-process.js';

/**
 * The server process on a PostgreSQL cluster of the test's own, restarted four times
 * (`pg_ctl restart -m fast`) under a write load of concurrent HTTP clients.
 */
const skip = postgresClusterSkipReason();
const title = `the server survives PostgreSQL restarts under load${skip ? ` [skipped: ${skip}]` : ''}`;
const ADMIN = { email: 'restart@example.com', password: 'restart test password' };
const CLIENTS = 4;
const RESTARTS = 4;

interface Outcomes {
  /** Products whose creation was acknowledged (201). */
  readonly acknowledged: string[];
  /** 503 problem+json answers with their codes. */
  readonly unavailable: string[];
  /** Anything else: another status, a body that is not problem+json, a broken connection. */
  readonly wrong: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const waitFor = async (what: string, probe: () => boolean | Promise<boolean>, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(50);
  }
};

/** True while the process runs; its death fails the test at once, with what it wrote. */
const living = (server: ServerProcess): boolean => {
  if (!server.alive()) throw new Error(`the server process died:\n${server.stderr().slice(-3_000)}`);
  return true;
};

let sequence = 0;
const productBody = (word: string, status?: string) => ({
  title: `Restart ${word} ${sequence}`,
  ...(status ? { status } : {}),
  variants: [{ title: 'One', sku: `RST-${process.pid}-${sequence++}`, prices: [{ amount: 1000, currencyCode: 'USD' }], inventory: 1 }],
});

/** One client writing products until told to stop, classifying every answer. */
const writer = async (server: ServerProcess, headers: Record<string, string>, outcomes: Outcomes, running: () => boolean) => {
  while (running()) {
    try {
      const res = await fetch(`${server.address}/api/v1/commerce/products`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(productBody('load')),
      });
      const text = await res.text();
      const type = res.headers.get('content-type') ?? '';
      if (res.status === 201) outcomes.acknowledged.push((JSON.parse(text) as { id: string }).id);
      else if (res.status === 503 && type.startsWith('application/problem+json') && Number(res.headers.get('retry-after')) >= 1)
        outcomes.unavailable.push((JSON.parse(text) as { code: string }).code);
      else outcomes.wrong.push(`${res.status} ${type} ${text.slice(0, 300)}`);
      if (res.status !== 201) await sleep(25);
    } catch (error) {
      outcomes.wrong.push(`request failed: ${(error as Error).message} ${String((error as Error).cause ?? '')}`);
      await sleep(100);
    }
  }
};

describe.skipIf(skip)(title, () => {
  let cluster: PostgresCluster;
  let server: ServerProcess;
  let headers: Record<string, string>;

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    server = await startServerProcess({
      DATABASE_URL: cluster.url,
      RUSTOK_ADMIN_EMAIL: ADMIN.email,
      RUSTOK_ADMIN_PASSWORD: ADMIN.password,
      // Events must be woken by LISTEN/NOTIFY after the restarts: the polling fallback is a minute away.
      RUSTOK_SETTINGS__RUSTOK__EVENTS__RELAY_POLL_MS: '60000',
    });
    const login = await fetch(`${server.address}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    expect(login.status).toBe(200);
    headers = { authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}` };
  }, 90_000);

  afterAll(async () => {
    await server?.stop();
    await cluster?.stop();
  });

  it('answers 503 problem+json while the database is gone, recovers after each restart, and loses no acknowledged write', async () => {
    const outcomes: Outcomes = { acknowledged: [], unavailable: [], wrong: [] };
    let running = true;
    const load = Promise.all(Array.from({ length: CLIENTS }, () => writer(server, headers, outcomes, () => running)));
    try {
      for (let i = 0; i < RESTARTS; i++) {
        const before = outcomes.acknowledged.length;
        await waitFor(`writes before restart ${i + 1}`, () => living(server) && outcomes.acknowledged.length >= before + 5, 20_000);
        await cluster.restart('fast');
        const after = outcomes.acknowledged.length;
        await waitFor(`a 2xx after restart ${i + 1}`, () => living(server) && outcomes.acknowledged.length > after, 20_000);
      }
    } finally {
      running = false;
      await load;
    }
    expect(server.alive(), server.stderr()).toBe(true);
    expect(outcomes.wrong).toEqual([]);
    expect(outcomes.unavailable.length).toBeGreaterThan(0);
    expect(new Set(outcomes.unavailable)).toEqual(new Set(['DATABASE_UNAVAILABLE']));
    for (const id of outcomes.acknowledged) {
      const res = await fetch(`${server.address}/api/v1/commerce/products/${id}`, { headers });
      expect(res.status, `acknowledged product ${id}`).toBe(200);
    }
  }, 100_000);

  it('delivers events again after the restarts (the LISTEN connection came back)', async () => {
    const word = `lantern${Date.now().toString(36)}`;
    const res = await fetch(`${server.address}/api/v1/commerce/products`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(productBody(word, 'published')),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const { id } = (await res.json()) as { id: string };
    await waitFor(
      'the product in the storefront search',
      async () => {
        const page = await fetch(`${server.address}/api/v1/store/products?q=${word}`);
        return page.status === 200 && ((await page.json()) as { items: { id: string }[] }).items.some((item) => item.id === id);
      },
      10_000,
    );
    expect(server.alive()).toBe(true);
  });
});
