// How the server process is started: Node's flags and the environment variables that
// `apps/server/package.json` lists under `rustok.launch` (docs/operations.md, "Memory"). `npm start`
// and the benchmarks start the server with them; the Dockerfile spells them out (a test checks that
// it does). What the operator already sets wins: a flag named in NODE_OPTIONS, a variable set.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const launchOf = () => JSON.parse(readFileSync(join(root, 'apps/server/package.json'), 'utf8')).rustok?.launch ?? {};

/** The node flags to put before the server's script, less those NODE_OPTIONS (of `env`) names. */
export const serverNodeFlags = (env = process.env) => {
  const named = (env.NODE_OPTIONS ?? '').split(/\s+/).map((option) => option.split('=')[0]);
  return (launchOf().nodeFlags ?? []).filter((flag) => !named.includes(flag.split('=')[0]));
};

/** `env` with the launch's variables added where it does not set them. */
export const serverEnvironment = (env = process.env) => ({ ...(launchOf().environment ?? {}), ...env });
