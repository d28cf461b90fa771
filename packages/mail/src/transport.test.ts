import { type SmtpSink, startSmtpSink } from '@rustok/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, type Mailer, type OutgoingMail } from './transport.js';

let sink: SmtpSink;
let mailer: Mailer;

beforeAll(async () => {
  sink = await startSmtpSink();
  mailer = createMailer({ host: '127.0.0.1', port: sink.port, maxConnections: 1 });
});
afterAll(async () => {
  mailer.close();
  await sink.close();
});

const mail = (to: string | string[], subject = 'Hello'): OutgoingMail => ({
  from: { name: 'Acme Outfitters', address: 'shop@acme.example' },
  to,
  subject,
  html: '<p>Hello <b>Alex</b></p>',
  text: 'Hello Alex',
});

describe('createMailer against a real SMTP server', () => {
  it('delivers subject, html and text parts to the recipients, from the tenant sender', async () => {
    const result = await mailer.send({ ...mail(['alex@example.com', 'sam@example.com'], 'Grüße, “Alex”'), cc: 'kim@example.com' });
    expect(result).toMatchObject({ ok: true, accepted: ['alex@example.com', 'sam@example.com', 'kim@example.com'], rejected: [] });
    if (!result.ok) return;
    expect(result.response).toMatch(/^250/);
    const got = sink.received.at(-1);
    expect(got?.to).toEqual(['alex@example.com', 'sam@example.com', 'kim@example.com']);
    expect(got?.from).toBe('shop@acme.example');
    expect(got?.mail.subject).toBe('Grüße, “Alex”');
    expect(got?.mail.from?.value).toEqual([{ name: 'Acme Outfitters', address: 'shop@acme.example' }]);
    expect(got?.mail.html).toContain('<b>Alex</b>');
    expect(got?.mail.text?.trim()).toBe('Hello Alex');
    expect(got?.mail.messageId).toBe(result.messageId);
  });

  it('reports some recipients rejected while the others got the mail', async () => {
    sink.rejectRecipient('gone@example.com', 550, 'No such user');
    const result = await mailer.send(mail(['alex@example.com', 'gone@example.com']));
    expect(result).toMatchObject({ ok: true, accepted: ['alex@example.com'], rejected: ['gone@example.com'] });
  });

  it('classifies a 4xx answer as temporary and a 5xx answer as permanent', async () => {
    sink.rejectRecipient('busy@example.com', 450, 'Mailbox busy, try later');
    sink.rejectRecipient('nobody@example.com', 550, 'No such user');
    const busy = await mailer.send(mail('busy@example.com'));
    expect(busy).toMatchObject({ ok: false, kind: 'temporary', code: 'EENVELOPE', responseCode: 450 });
    const nobody = await mailer.send(mail('nobody@example.com'));
    expect(nobody).toMatchObject({ ok: false, kind: 'permanent', code: 'EENVELOPE', responseCode: 550 });
    if (!nobody.ok) expect(nobody.message).toContain('No such user');
  });

  it('reuses one pooled connection for consecutive mails', async () => {
    for (const n of [1, 2, 3]) expect((await mailer.send(mail('alex@example.com', `Pooled ${n}`))).ok).toBe(true);
    // Every mail of this file so far, refused ones included, went over the pool's one connection.
    expect(sink.connections()).toBe(1);
  });

  it('classifies a server that cannot be reached as temporary', async () => {
    const closed = await startSmtpSink();
    await closed.close();
    const unreachable = createMailer({ host: '127.0.0.1', port: closed.port, connectionTimeoutMs: 2000 });
    try {
      const result = await unreachable.send(mail('alex@example.com'));
      expect(result).toMatchObject({ ok: false, kind: 'temporary' });
      if (!result.ok) expect(['ECONNECTION', 'ESOCKET']).toContain(result.code);
    } finally {
      unreachable.close();
    }
  });

  it('refuses a plain connection when TLS is required, as temporary', async () => {
    const strict = createMailer({ host: '127.0.0.1', port: sink.port, requireTLS: true });
    try {
      const r = await strict.send(mail('alex@example.com'));
      expect(r).toMatchObject({ ok: false, kind: 'temporary', code: 'ETLS' });
    } finally {
      strict.close();
    }
  });
});
