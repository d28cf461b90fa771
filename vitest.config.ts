import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources (the "source" export condition),
// so tests never need a build.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'], externalConditions: ['source'] } },
  test: {
    include: ['{packages,modules,apps}/*/src/**/*.test.ts', '{packages,modules,apps}/*/test/**/*.test.ts'],
    globalSetup: ['packages/testing/src/global-setup.ts'],
    setupFiles: ['apps/server/test/setup-platform.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Test files wait on databases and child processes much of the time: on two cores, two files
    // at once take ~60% of the time one at a time does (vitest's default is one worker per core less one).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    env: { NODE_ENV: 'test' },
  },
});
