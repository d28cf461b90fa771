// CPU accounting of the scale suite (Linux /proc): how many cores each group of processes used over a
// window, and how busy the whole machine was, so a throughput figure comes with the CPU it had.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { round } from '../stats.mjs';

/** Linux reports process times in USER_HZ ticks, 100 per second on every architecture Node runs on here. */
const TICKS_PER_SECOND = 100;

/** utime + stime of one process in ticks (0 when it is gone). */
const processTicks = (pid) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
};

/** Pids of every process whose command name is `name` (PostgreSQL's backends and helpers). */
const pidsNamed = (name) =>
  readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === name;
      } catch {
        return false;
      }
    });

/** The machine's busy and total ticks since boot (all cores; iowait counts as idle). */
const machineTicks = () => {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - fields[3] - fields[4], total };
};

/**
 * A CPU probe over named groups of pids (`{ api: [pid, pid], workers: [pid] }`), plus `postgres` (every
 * process named so) and `bench` (this process). `sample()` reads now; `since(sample)` gives cores per
 * group and the machine's busy cores over the window.
 */
export const cpuProbe = (groups) => {
  const sample = () => {
    const ticks = Object.fromEntries(
      Object.entries(groups).map(([name, pids]) => [name, pids.reduce((a, pid) => a + processTicks(pid), 0)]),
    );
    ticks.postgres = pidsNamed('postgres').reduce((a, pid) => a + processTicks(pid), 0);
    const usage = process.cpuUsage();
    ticks.bench = ((usage.user + usage.system) / 1e6) * TICKS_PER_SECOND;
    return { at: performance.now(), ticks, machine: machineTicks() };
  };
  const since = (start) => {
    const end = sample();
    const seconds = (end.at - start.at) / 1000;
    const cores = Object.fromEntries(
      Object.keys(end.ticks).map((name) => [name, round((end.ticks[name] - start.ticks[name]) / TICKS_PER_SECOND / seconds, 2)]),
    );
    const total = end.machine.total - start.machine.total;
    const busyCores = total > 0 ? ((end.machine.busy - start.machine.busy) / total) * availableParallelism() : 0;
    return { seconds: round(seconds, 1), cores, machineBusyCores: round(busyCores, 2), machineCores: availableParallelism() };
  };
  return { sample, since };
};

// ---------------------------------------------------------------------------------------------
// CPU caps, as a container's `cpus:` limit sets them: a cgroup per process with a CFS quota.

const CPU_V1 = '/sys/fs/cgroup/cpu';
const CPU_V2 = '/sys/fs/cgroup';

/** Where this machine lets us cap CPU: 'v1', 'v2' or null (no writable cpu controller; caps are then skipped). */
export const cpuCapSupport = () => {
  const writable = (dir) => {
    try {
      const probe = `${dir}/rustok-bench-probe-${process.pid}`;
      mkdirSync(probe);
      rmdirSync(probe);
      return true;
    } catch {
      return false;
    }
  };
  if (existsSync(`${CPU_V1}/cpu.cfs_quota_us`) && writable(CPU_V1)) return 'v1';
  try {
    if (readFileSync(`${CPU_V2}/cgroup.subtree_control`, 'utf8').split(/\s+/).includes('cpu') && writable(CPU_V2)) return 'v2';
  } catch {}
  return null;
};

/**
 * Runs `fn` with each of `pids` capped at `cores` CPUs (its own cgroup, CFS period 100 ms), then moves
 * them back to the root group and removes the groups, also when `fn` throws.
 */
export const withCpuCap = async (support, pids, cores, fn) => {
  const base = support === 'v1' ? CPU_V1 : CPU_V2;
  const period = 100_000;
  const quota = Math.round(cores * period);
  const groups = pids.map((pid) => {
    const dir = `${base}/rustok-bench-${pid}`;
    if (!existsSync(dir)) mkdirSync(dir);
    if (support === 'v1') {
      writeFileSync(`${dir}/cpu.cfs_period_us`, String(period));
      writeFileSync(`${dir}/cpu.cfs_quota_us`, String(quota));
    } else writeFileSync(`${dir}/cpu.max`, `${quota} ${period}`);
    writeFileSync(`${dir}/cgroup.procs`, String(pid));
    return { pid, dir };
  });
  try {
    return await fn();
  } finally {
    for (const { pid, dir } of groups) {
      try {
        writeFileSync(`${base}/cgroup.procs`, String(pid));
      } catch {}
      try {
        rmdirSync(dir);
      } catch {}
    }
  }
};
