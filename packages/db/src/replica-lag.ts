/** A write-ahead log position as PostgreSQL prints it (`16/B374D848`), as a number that compares. */
export const parseLsn = (text: string): bigint => {
  const [hi, lo] = text.split('/');
  if (hi === undefined || lo === undefined) throw new Error(`not a WAL position: ${text}`);
  return (BigInt(`0x${hi}`) << 32n) | BigInt(`0x${lo}`);
};

interface Sample {
  readonly lsn: bigint;
  readonly at: number;
}

/**
 * A replica's lag measured against the primary's WAL positions as this process saw them: the age of
 * the oldest position the replica has not replayed yet (0 when it has replayed everything seen). An
 * idle primary does not make an idle replica look behind (unlike `now() - pg_last_xact_replay_timestamp()`),
 * and the figure is exact to the sampling interval. Samples older than `horizonMs` are dropped: a
 * replica behind all of them is reported as at least that far behind.
 */
export const createLagClock = (horizonMs: number) => {
  const samples: Sample[] = [];
  return {
    /** The primary's current position, read at `at`. */
    sample(lsn: bigint, at: number): void {
      const last = samples[samples.length - 1];
      if (!last || lsn > last.lsn) samples.push({ lsn, at });
      while (samples.length > 1 && (samples[1] as Sample).at < at - horizonMs) samples.shift();
    },
    /** Milliseconds the replica that replayed up to `replayed` is behind, at `now`. */
    lagMs(replayed: bigint, now: number): number {
      const behind = samples.find((s) => s.lsn > replayed);
      return behind ? Math.max(0, now - behind.at) : 0;
    },
  };
};
