// `npm run bench [-- <suite>...] [--runs N] [--timeout SECONDS] [--<option> value]`
// Runs the benchmark suites (all of them when none is named), prints a table per suite and writes
// bench/results/<suite>-<YYYY-MM-DD>[-<label>].json. A suite is bench/suites/<name>.mjs exporting
// `async function run(options)`; to add one, add its name to SUITES. See bench/README.md.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatTable, killAllChildren, log, root, runCleanups } from '../bench/lib.mjs';

/** Every suite, in the order `npm run bench` runs them. */
const SUITES = [
  'startup',
  'events',
  'tenancy',
  'checkout',
  'storefront',
  'storefront-ssr',
  'admin',
  'flex',
  'notifications',
  'scripting',
  'mcp',
  'retention',
  'scale',
];

const usage = `usage: npm run bench [-- <suite>...] [--runs N] [--timeout SECONDS] [--label NAME] [--<option> value]
suites: ${SUITES.join(', ')}`;

// ---------------------------------------------------------------------------------------------
// Arguments: positional suite names; `--key value` / `--key=value` / `--flag` options.

const parseArgs = (argv) => {
  const suites = [];
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') {
      process.stdout.write(`${usage}\n`);
      process.exit(0);
    }
    if (arg.startsWith('--')) {
      const [rawKey, inline] = arg.slice(2).split(/=(.*)/s, 2);
      const key = rawKey.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
      const next = argv[i + 1];
      const takesNext = inline === undefined && next !== undefined && !next.startsWith('--');
      if (takesNext) i++;
      const value = inline ?? (takesNext ? next : true);
      options[key] = typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
    } else {
      suites.push(arg);
    }
  }
  return { suites, options };
};

const { suites: requested, options } = parseArgs(process.argv.slice(2));
const unknown = requested.filter((s) => !SUITES.includes(s));
if (unknown.length > 0) {
  process.stderr.write(`unknown suite(s): ${unknown.join(', ')}\n${usage}\n`);
  process.exit(2);
}
const selected = requested.length > 0 ? requested : SUITES;
const overallTimeoutMs = (typeof options.timeout === 'number' ? options.timeout : 1800) * 1000;

// ---------------------------------------------------------------------------------------------
// Bounded in time: on timeout or interrupt, kill every child, run the cleanups and exit non-zero.

let aborting = false;
const abort = async (reason, code) => {
  if (aborting) return;
  aborting = true;
  log(`aborting: ${reason}`);
  killAllChildren();
  await runCleanups();
  killAllChildren();
  process.exit(code);
};
const overall = setTimeout(() => void abort(`overall timeout of ${overallTimeoutMs / 1000} s reached`, 124), overallTimeoutMs);
overall.unref();
process.on('SIGINT', () => void abort('interrupted', 130));
process.on('SIGTERM', () => void abort('terminated', 143));
process.on('exit', () => killAllChildren());

// ---------------------------------------------------------------------------------------------

const machine = () => {
  const cpus = os.cpus();
  let commit = null;
  try {
    commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'], timeout: 5_000 })
      .toString()
      .trim();
  } catch {}
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    totalMemoryBytes: os.totalmem(),
    totalMemoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    commit,
  };
};

/** Builds the workspace when the server has not been built yet (bounded to 10 minutes). */
const ensureBuilt = () =>
  new Promise((resolve, reject) => {
    if (existsSync(join(root, 'apps/server/dist/cli/main.js'))) return resolve();
    log('apps/server/dist is missing: running npm run build');
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const child = spawn(npm, ['run', 'build'], { cwd: root, stdio: ['ignore', process.stderr, process.stderr] });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('npm run build did not finish within 10 minutes'));
    }, 600_000);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0 && existsSync(join(root, 'apps/server/dist/cli/main.js'))) resolve();
      else reject(new Error(`npm run build failed (exit ${code})`));
    });
  });

const main = async () => {
  await ensureBuilt();
  const resultsDir = join(root, 'bench/results');
  mkdirSync(resultsDir, { recursive: true });
  let failed = false;
  for (const name of selected) {
    log(`suite ${name}: starting`);
    const suite = await import(pathToFileURL(join(root, 'bench/suites', `${name}.mjs`)).href);
    const startedAt = new Date();
    let result;
    try {
      result = await suite.run({ ...options, root });
    } catch (error) {
      killAllChildren();
      await runCleanups();
      log(`suite ${name} failed: ${error.stack ?? error}`);
      failed = true;
      continue;
    }
    const finishedAt = new Date();
    const { table, tables, ...data } = result ?? {};
    for (const t of tables ?? (table ? [table] : [])) process.stdout.write(`\n${formatTable(t)}`);
    if (!table && !tables) process.stdout.write(`\n${name}: ${JSON.stringify(data, null, 2)}\n`);
    const label = typeof options.label === 'string' ? `-${options.label.replace(/[^\w.-]+/g, '-')}` : '';
    const file = join(resultsDir, `${name}-${startedAt.toISOString().slice(0, 10)}${label}.json`);
    const record = {
      suite: name,
      date: startedAt.toISOString(),
      durationSeconds: Math.round((finishedAt - startedAt) / 100) / 10,
      machine: machine(),
      options,
      ...data,
    };
    writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
    process.stdout.write(`\nwritten ${file.slice(root.length + 1)}\n`);
    if (data.ok === false) {
      log(`suite ${name}: some checks failed (see "problems" in the result)`);
      failed = true;
    }
  }
  return failed ? 1 : 0;
};

main().then(
  (code) => {
    clearTimeout(overall);
    process.exitCode = code;
  },
  async (error) => {
    log(`failed: ${error.stack ?? error}`);
    await abort('error', 1);
  },
);
