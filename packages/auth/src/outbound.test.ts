import { Writable } from 'node:stream';
import pino from 'pino';
import { expect, it } from 'vitest';
import { createLogOutboundMessages, createMemoryOutboundMessages } from './outbound.js';

const capture = () => {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, logger: pino({ level: 'info' }, stream) };
};

const message = {
  tenantId: '01930000-0000-7000-8000-000000000001',
  to: 'ann@example.com',
  template: 'password-reset' as const,
  data: { token: 'secret-token-value', expiresAt: '2030-01-01T00:00:00.000Z' },
};

it('logs a message with its data only where data may be shown (development, test)', async () => {
  const shown = capture();
  await createLogOutboundMessages(shown.logger, { revealData: true }).send(message);
  expect(JSON.stringify(shown.lines)).toContain('secret-token-value');
  expect(shown.lines[0]).toMatchObject({ template: 'password-reset', to: 'ann@example.com' });

  const hidden = capture();
  await createLogOutboundMessages(hidden.logger, { revealData: false }).send(message);
  expect(hidden.lines).toHaveLength(1);
  expect(JSON.stringify(hidden.lines)).not.toContain('secret-token-value');
  expect(JSON.stringify(hidden.lines)).not.toContain('ann@example.com');
});

it('keeps every message in memory and finds the last one per address and template', async () => {
  const outbound = createMemoryOutboundMessages();
  await outbound.send(message);
  await outbound.send({ ...message, data: { ...message.data, token: 'second' } });
  await outbound.send({ ...message, template: 'verify-email', data: { token: 'verify' } });
  expect(outbound.sent).toHaveLength(3);
  expect(outbound.last('ann@example.com', 'password-reset')?.data.token).toBe('second');
  expect(outbound.last('bob@example.com', 'password-reset')).toBeUndefined();
});
