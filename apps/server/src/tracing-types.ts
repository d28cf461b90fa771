import type { Logger } from 'pino';

/** The process's tracing: started once per server, flushed and stopped with it. */
export interface Tracing {
  readonly enabled: boolean;
  /** Sends the finished spans now. */
  flush(): Promise<void>;
  /** Flushes, stops exporting and removes the instrumentations. */
  shutdown(): Promise<void>;
}

export interface TracingOptions {
  readonly version: string;
  readonly logger: Logger;
}
