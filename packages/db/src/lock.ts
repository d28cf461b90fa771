import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dbErrors } from './errors.js';

/** Whether a process with this id runs (one of another user's counts: EPERM). */
export const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const heldHere = new Set<string>();

const tryCreate = (file: string): boolean => {
  try {
    const fd = openSync(file, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
};

/**
 * One process owns an embedded data directory (PGlite has no lock of its own). The lock file holds
 * the owner's pid; a lock left by a dead process is taken over. Returns the release function.
 */
export const acquireDirectoryLock = (dir: string, file = `${dir}/rustok.lock`): (() => void) => {
  mkdirSync(dir, { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(file)) {
      heldHere.add(file);
      return () => {
        heldHere.delete(file);
        rmSync(file, { force: true });
      };
    }
    const owner = Number.parseInt(readFileSync(file, 'utf8'), 10);
    const live = owner === process.pid ? heldHere.has(file) : Number.isInteger(owner) && isAlive(owner);
    if (live) {
      throw dbErrors.DB_DATA_DIR_LOCKED(`The data directory ${dir} is in use by process ${owner}; stop it first`);
    }
    rmSync(file, { force: true });
  }
  throw dbErrors.DB_DATA_DIR_LOCKED(`Could not lock the data directory ${dir}`);
};
