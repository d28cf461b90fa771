import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The nearest folder at or above `start` holding modules.toml: where config/ and data/ live by default. */
export const findProjectRoot = (start: string = process.cwd()): string => {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, 'modules.toml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(start);
    dir = parent;
  }
};
