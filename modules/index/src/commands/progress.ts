import type { CommandContext } from '@rustok/kernel';
import type { RebuildProgress } from '../rebuild/run.js';

/** A progress bar on a terminal, a line per tenth otherwise (on standard error). */
export const progressBar = (ctx: CommandContext, tenant: string) => {
  let lastTenth = -1;
  return (p: RebuildProgress) => {
    const ratio = p.total === 0 ? 1 : Math.min(1, p.processed / p.total);
    const label = `${tenant} ${p.kind} ${p.processed}/${p.total}${p.resumed ? ' (resumed)' : ''}`;
    if (ctx.stderr.isTTY) {
      const filled = Math.round(ratio * 30);
      ctx.stderr.write(`\r  [${'#'.repeat(filled)}${'.'.repeat(30 - filled)}] ${Math.round(ratio * 100)}% ${label}   `);
      if (ratio >= 1) ctx.stderr.write('\n');
    } else if (Math.floor(ratio * 10) !== lastTenth) {
      lastTenth = Math.floor(ratio * 10);
      ctx.output.progress(`${Math.round(ratio * 100)}% ${label}`);
    }
  };
};
