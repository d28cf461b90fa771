import { isAppError } from '@rustok/kernel';

/** Coded errors print as `CODE: detail` (exit 2 for configuration/manifest problems, 1 otherwise). */
export const failWith = (error: unknown): never => {
  if (isAppError(error)) {
    process.stderr.write(`rustok: ${error.code}: ${error.message}\n`);
    process.exit(error.code.startsWith('CONFIG_') || error.code.startsWith('KERNEL_') ? 2 : 1);
  }
  process.stderr.write(`rustok: unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
};

export const progressLine = (line: string): void => {
  process.stderr.write(`  ${line}\n`);
};

export const table = (rows: readonly (readonly string[])[]): string => {
  const widths = rows.reduce<number[]>((w, row) => row.map((cell, i) => Math.max(w[i] ?? 0, cell.length)), []);
  return rows
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
};
