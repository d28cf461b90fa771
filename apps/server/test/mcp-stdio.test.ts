import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { builtInModules, PLATFORM_MODULES } from '@rustok/server';
import { REPO_ROOT, rustokArgs, seedEmbeddedDataDir } from '@rustok/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { structured, toolNames } from './fixtures/mcp.js';

/**
 * `rustok mcp --tenant <slug>`: the real process (on an embedded database as a first start leaves it)
 * driven by the SDK's client over stdio. Same tools as over HTTP; stdout carries only the
 * protocol; a bad token in RUSTOK_MCP_TOKEN is refused like over HTTP.
 */
describe('rustok mcp over stdio', () => {
  let dataDir: string;
  const env = (extra: Record<string, string> = {}): Record<string, string> => ({
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    RUSTOK_ENV: 'test',
    RUSTOK_DATABASE__DATA_DIR: dataDir,
    ...extra,
  });
  const connect = async (args: string[], extra: Record<string, string> = {}): Promise<Client> => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: rustokArgs(['mcp', ...args]),
      cwd: REPO_ROOT,
      env: env(extra),
      stderr: 'pipe',
    });
    const client = new Client({ name: 'rustok-stdio-test', version: '1.0.0' });
    await client.connect(transport);
    return client;
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'rustok-mcp-stdio-'));
    await seedEmbeddedDataDir(dataDir, [...PLATFORM_MODULES, ...builtInModules]);
  });
  afterAll(async () => {
    // The stdio process may still be closing its embedded database files: retry while the folder empties.
    await rm(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  });

  it('serves the shop tools of a tenant without a token, and calls them', async () => {
    const client = await connect(['--tenant', 'default']);
    try {
      const names = await toolNames(client);
      expect(names).toEqual(expect.arrayContaining(['search_content', 'search_catalog', 'create_cart', 'checkout']));
      expect(names).not.toContain('refund_order');
      const page = structured<{ items: unknown[] }>(await client.callTool({ name: 'search_content', arguments: { q: 'anything' } }));
      expect(page.items).toEqual([]);
      const made = structured<{ cartToken: string }>(await client.callTool({ name: 'create_cart', arguments: { currencyCode: 'USD' } }));
      expect(made.cartToken.length).toBeGreaterThan(16);
    } finally {
      await client.close();
    }
  }, 120_000);

  it('refuses a bad token on the admin surface as the HTTP endpoint does', async () => {
    const client = await connect(['--tenant', 'default', '--surface', 'admin'], { RUSTOK_MCP_TOKEN: 'not.a.token' }).catch(
      (e: unknown) => e,
    );
    expect(client).toBeInstanceOf(Error);
    expect(String(client)).toMatch(/token/i);
  }, 120_000);
});
