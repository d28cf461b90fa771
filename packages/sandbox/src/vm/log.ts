import type { LogLevel, LogLine } from '../types.js';

/** The captured console of one run, capped in lines and bytes: past a cap, lines are dropped. */
export interface CappedLog {
  write(level: string, text: string): void;
  readonly lines: LogLine[];
  readonly truncated: boolean;
}

const LEVELS: ReadonlySet<string> = new Set(['log', 'info', 'warn', 'error']);

export const createLog = (maxLines: number, maxBytes: number): CappedLog => {
  const lines: LogLine[] = [];
  let bytes = 0;
  let truncated = false;
  return {
    write: (level, text) => {
      const size = Buffer.byteLength(text);
      if (lines.length >= maxLines || bytes + size > maxBytes) {
        truncated = true;
        return;
      }
      bytes += size;
      lines.push({ level: (LEVELS.has(level) ? level : 'log') as LogLevel, text });
    },
    lines,
    get truncated() {
      return truncated;
    },
  };
};
