import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A mail as the test server received it: the envelope and the parsed message. */
export interface ReceivedMail {
  readonly from: string;
  readonly to: string[];
  readonly mail: ParsedMail;
}

export interface SmtpSink {
  readonly port: number;
  readonly received: ReceivedMail[];
  /** Connections the server accepted so far. */
  connections(): number;
  /** Connections open now (accepted and not yet ended by either side). */
  open(): number;
  /** Recipients answered with this reply code and message instead of 250. */
  rejectRecipient(address: string, responseCode: number, message: string): void;
  close(): Promise<void>;
}

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

/** A real SMTP server on a free loopback port, without TLS or login, keeping what it receives. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const rejections = new Map<string, { code: number; message: string }>();
  let connections = 0;
  let open = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onConnect(_session, callback) {
      connections++;
      open++;
      callback();
    },
    onClose() {
      open--;
    },
    onRcptTo(address, _session, callback) {
      const rejection = rejections.get(address.address);
      callback(rejection ? smtpError(rejection.message, rejection.code) : undefined);
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          received.push({ from, to: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    received,
    connections: () => connections,
    open: () => open,
    rejectRecipient(address, code, message) {
      rejections.set(address, { code, message });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
