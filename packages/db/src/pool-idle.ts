/**
 * Default idle time before a pooled connection is closed: 5 minutes (pg's own default is 10 s). Opening a
 * connection starts a server process; when a burst needs connections closed a moment ago, the requests
 * wait for those starts. Measured on a 2-core machine at 500 req/s, paced: with 10 s, stalls of
 * 100-300 ms every ~10 s (p99 137 ms); with connections kept, p99 15 ms.
 */
export const POOL_IDLE_MS = 300_000;
