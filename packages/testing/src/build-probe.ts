import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Whether the TypeScript build (`tsc -b`, which `npm run typecheck` and `npm run build` run) matches the sources. */
export interface BuildState {
  readonly fresh: boolean;
  /** Why it does not. */
  readonly reason?: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    build: BuildState;
  }
}

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** tsc's own dry run of the server and the projects it references (about a second when nothing changed): fresh when none would be built again. */
export const probeBuild = (root: string = ROOT): BuildState => {
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const dry = spawnSync(process.execPath, [tsc, '-b', join('apps', 'server'), '--dry'], { cwd: root, encoding: 'utf8' });
  if (dry.status !== 0) return { fresh: false, reason: `tsc -b --dry exited with ${dry.status ?? dry.signal}` };
  const stale = /would build project '([^']+)'/.exec(dry.stdout);
  return stale ? { fresh: false, reason: `${relative(root, stale[1] ?? '')} is not built from its current sources` } : { fresh: true };
};
