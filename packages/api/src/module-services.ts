import type { Database } from '@rustok/db';
import type { Config } from '@rustok/kernel';
import type { Logger } from 'pino';
import type { EventPublisher } from './module-context.js';

/** What the platform hands to a module's jobs, event handlers and CLI commands, next to the config and a logger. */
declare module '@rustok/kernel' {
  interface HandlerServices {
    readonly db: Database;
    readonly events: EventPublisher;
    readonly config: Config;
    readonly logger: Logger;
  }
  interface JobServices {
    readonly db: Database;
    readonly events: EventPublisher;
  }
  interface CommandServices {
    readonly db: Database;
  }
}
