// Helpers shared by the benchmark suites (node built-ins only): child-process tracking so that a
// failure or the overall timeout never leaves a server behind, cleanup hooks, statistics, tables.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Writes a progress line to stderr (stdout is kept for the result tables). */
export const log = (line) => process.stderr.write(`[bench] ${line}\n`);

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// Children and cleanups

const children = new Set();
const cleanups = new Set();

/** spawn() whose child is killed (SIGKILL) by killAllChildren() on failure or timeout. */
export const spawnTracked = (command, args, options) => {
  const child = spawn(command, args, options);
  children.add(child);
  child.once('exit', () => children.delete(child));
  child.once('error', () => children.delete(child));
  return child;
};

export const killAllChildren = () => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  children.clear();
};

/** Registers a cleanup (temp dir, throw-away database) run by runCleanups(); returns a remover. */
export const onCleanup = (fn) => {
  cleanups.add(fn);
  return () => cleanups.delete(fn);
};

/** Runs every pending cleanup, each bounded to `timeoutMs`; never throws. */
export const runCleanups = async (timeoutMs = 15_000) => {
  const pending = [...cleanups];
  cleanups.clear();
  for (const fn of pending) {
    try {
      await withTimeout(Promise.resolve().then(fn), timeoutMs, 'cleanup');
    } catch (error) {
      log(`cleanup failed: ${error.message}`);
    }
  }
};

export const withTimeout = (promise, ms, what) => {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
};

// ---------------------------------------------------------------------------------------------
// Process and HTTP measurements

/** Resident set size of a process in bytes (Linux /proc), or null where unavailable. */
export const rssBytes = (pid) => {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
};

/** One GET; resolves { status } or rejects on connection errors / after `timeoutMs`. */
export const httpGet = (url, { agent, timeoutMs = 2_000 } = {}) =>
  new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', agent: agent ?? false, timeout: timeoutMs }, (res) => {
      res.resume();
      res.once('end', () => resolve({ status: res.statusCode }));
      res.once('error', reject);
    });
    req.once('timeout', () => req.destroy(new Error(`GET ${url} timed out after ${timeoutMs} ms`)));
    req.once('error', reject);
    req.end();
  });

// ---------------------------------------------------------------------------------------------
// Statistics and output

export const median = (values) => {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 === 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
};

/** { median, min, max, values } of the numeric values (nulls ignored). */
export const stats = (values) => {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x));
  return {
    median: median(v),
    min: v.length ? Math.min(...v) : null,
    max: v.length ? Math.max(...v) : null,
    values,
  };
};

export const round = (x, digits = 1) => (x === null || x === undefined ? null : Math.round(x * 10 ** digits) / 10 ** digits);

/** Renders { title?, columns: string[], rows: (string|number|null)[][], notes?: string[] } as text. */
export const formatTable = ({ title, columns, rows, notes = [] }) => {
  const cells = [columns, ...rows.map((r) => r.map((c) => (c === null || c === undefined ? '-' : String(c))))];
  const widths = columns.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const numeric = columns.map((_, i) =>
    rows.every((r) => r[i] === null || r[i] === undefined || typeof r[i] === 'number' || /^[\d.,/ -]+$/.test(String(r[i]))),
  );
  const line = (r) =>
    r
      .map((c, i) => (numeric[i] && r !== cells[0] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const out = [];
  if (title) out.push(title);
  out.push(line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of cells.slice(1)) out.push(line(r));
  for (const n of notes) out.push(n);
  return `${out.join('\n')}\n`;
};
