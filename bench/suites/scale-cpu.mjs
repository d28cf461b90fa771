// CPU accounting of the scale suite (Linux /proc): how many cores each group of processes used over a
// window, and how busy the whole machine was, so a throughput figure comes with the CPU it had.
import { readdirSync, readFileSync } from 'node:fs';
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
