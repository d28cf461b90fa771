// `npm start`: build what changed (incremental), then migrate, seed demo data on first run and serve.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverEnvironment, serverNodeFlags } from './server-launch.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const build = spawnSync(npm, ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const server = spawnSync(
  process.execPath,
  [...serverNodeFlags(), join(root, 'apps/server/dist/cli/main.js'), 'start', ...process.argv.slice(2)],
  {
    cwd: root,
    env: serverEnvironment(),
    stdio: 'inherit',
  },
);
process.exit(server.status ?? 1);
