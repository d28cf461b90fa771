import type { Database } from '@rustok/db';
import type {} from '@rustok/kernel';
import type { EventPublisher } from './module-context.js';

/** What the platform hands to a module's jobs and CLI commands, next to the config and a logger. */
declare module '@rustok/kernel' {
  interface JobServices {
    readonly db: Database;
    readonly events: EventPublisher;
  }
  interface CommandServices {
    readonly db: Database;
  }
}
