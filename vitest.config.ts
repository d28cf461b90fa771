import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources (the "source" export condition),
// so tests never need a build.
export default defineConfig({
  // Vite's cache, with Vitest's record of each file's last duration (slowest files start first), lives
  // outside node_modules so a clean install (`npm ci`, as CI does) keeps it.
  cacheDir: '.cache/vite',
  resolve: {
    conditions: ['source'],
    // Node loads `graphql` from its CommonJS entry (the package has no exports map; `module` is
    // read by bundlers only), for the platform's code and for Pothos and mercurius alike. Tests
    // load that same copy, so a schema and the functions checking it share one realm as in production.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  ssr: { resolve: { conditions: ['source'], externalConditions: ['source'] } },
  test: {
    include: ['{packages,modules,apps}/*/src/**/*.test.ts', '{packages,modules,apps}/*/test/**/*.test.ts'],
    globalSetup: ['packages/testing/src/global-setup.ts'],
    setupFiles: ['apps/server/test/setup-platform.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Each worker process runs many test files and keeps the modules they load: the platform's sources
    // are evaluated once per worker instead of once per file (about 3/4 of a platform file's own time
    // went to that). Test files still run one at a time in a worker, each with its own setup file run;
    // state a file leaves in a module it changed is its own to undo (vi.restoreAllMocks runs after each).
    isolate: false,
    // Test files wait on databases and child processes much of the time: on two cores, two files
    // at once take ~60% of the time one at a time does (vitest's default is one worker per core less one).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    env: { NODE_ENV: 'test' },
    // eventsource and eventsource-parser (under the MCP SDK's client) export TypeScript sources under the
    // same "source" condition: vite transforms them (and the SDK that imports them) instead of Node loading them.
    server: { deps: { inline: ['@modelcontextprotocol/sdk', 'eventsource', 'eventsource-parser'] } },
  },
});
