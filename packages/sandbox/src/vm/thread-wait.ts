import { openSync, readSync } from 'node:fs';

/**
 * The time the calling thread has spent runnable but waiting for a CPU, in ms: the second field of
 * Linux's /proc/thread-self/schedstat (nanoseconds, brought up to date each time the thread is given a
 * CPU, so exact for every wait that has ended by the time it is read; ~3 µs a read). Undefined where
 * there is no such file. Made once per worker thread: the file opened is that thread's own.
 */
export const threadWaitClock = (): (() => number) | undefined => {
  let fd: number;
  try {
    fd = openSync('/proc/thread-self/schedstat', 'r');
  } catch {
    return undefined;
  }
  const buffer = Buffer.alloc(96);
  const read = (): number => {
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    const fields = buffer.toString('latin1', 0, length).split(' ');
    return Number(fields[1]) / 1e6;
  };
  return Number.isFinite(read()) ? read : undefined;
};
