import pino, { type Logger } from 'pino';

/** JSON logs on stdout; request and correlation ids are added per request by the HTTP layer. */
export const createLogger = (level: string, destination?: pino.DestinationStream): Logger =>
  pino({ level, base: { service: 'rustok' }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
