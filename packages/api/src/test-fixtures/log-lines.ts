import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';

/** An error-level logger whose lines are kept, parsed, in `lines` (for tests that look at what was logged). */
export const capturedLog = (): { lines: Record<string, unknown>[]; logger: Logger } => {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: pino({ level: 'error' }, sink) };
};
