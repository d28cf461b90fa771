import { join } from 'node:path';
import { inject } from 'vitest';
import type { BuildState } from './build-probe.js';
import { REPO_ROOT } from './platform.js';

export type { BuildState } from './build-probe.js';

const SOURCE_MAIN = join(REPO_ROOT, 'apps', 'server', 'src', 'cli', 'main.ts');
const BUILT_MAIN = join(REPO_ROOT, 'apps', 'server', 'dist', 'cli', 'main.js');

/**
 * Node's arguments for `rustok <args>`, for tests that start it as a process: from the TypeScript
 * build when the run's global setup found it fresh (about half the CPU of a start from the sources),
 * from the sources through tsx otherwise, so a stale build is never what is tested.
 */
export const rustokArgs = (args: readonly string[], build: BuildState = inject('build')): string[] =>
  build.fresh ? [BUILT_MAIN, ...args] : ['--conditions=source', '--import', 'tsx', SOURCE_MAIN, ...args];
