import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';

export interface ShutdownOptions {
  readonly timeoutMs: number;
  readonly logger: Logger;
  readonly exit?: (code: number) => void;
  readonly signals?: readonly NodeJS.Signals[];
}

/**
 * On SIGTERM/SIGINT: stop accepting connections, let in-flight requests finish, run every onClose
 * hook (workers, database), then exit 0. Past the timeout the process exits 1 anyway; a second
 * signal exits at once.
 */
export const installShutdown = (app: FastifyInstance, options: ShutdownOptions): (() => Promise<void>) => {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let closing: Promise<void> | undefined;
  const shutdown = (reason: string): Promise<void> => {
    if (closing) {
      options.logger.warn({ reason }, 'second shutdown request: exiting now');
      exit(1);
      return closing;
    }
    options.logger.info({ reason, timeoutMs: options.timeoutMs }, 'shutting down: draining in-flight requests');
    const timer = setTimeout(() => {
      options.logger.error({ timeoutMs: options.timeoutMs }, 'shutdown timed out: exiting');
      exit(1);
    }, options.timeoutMs);
    timer.unref();
    closing = app.close().then(
      () => {
        clearTimeout(timer);
        options.logger.info('shut down cleanly');
        exit(0);
      },
      (error: unknown) => {
        clearTimeout(timer);
        options.logger.error({ err: error }, 'shutdown failed');
        exit(1);
      },
    );
    return closing;
  };
  for (const signal of options.signals ?? ['SIGTERM', 'SIGINT']) process.on(signal, () => void shutdown(signal));
  return () => shutdown('requested');
};
