import type { NodemailerError, SMTPPoolOptions } from 'nodemailer';
import { classifySmtpError, type FailureKind } from './classify.js';

export interface MailerOptions {
  readonly host: string;
  readonly port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. Default false. */
  readonly secure?: boolean;
  /** Refuse to send unless the connection is upgraded with STARTTLS. Default false. */
  readonly requireTLS?: boolean;
  /** Refuse servers whose certificate does not verify. Default true. */
  readonly rejectUnauthorized?: boolean;
  readonly auth?: { readonly user: string; readonly pass: string };
  /** Connections kept open at most; default 5. */
  readonly maxConnections?: number;
  /** Messages one connection carries before it is replaced; default 100. */
  readonly maxMessages?: number;
  /** Milliseconds to connect, to be greeted, and of silence on an open connection; defaults 10 s, 10 s, 60 s. */
  readonly connectionTimeoutMs?: number;
  readonly greetingTimeoutMs?: number;
  readonly socketTimeoutMs?: number;
  /** The host name this side gives in EHLO; default the machine's. */
  readonly clientName?: string;
}

/** The tenant's sender: `"Acme Outfitters" <shop@acme.example>`. The name is encoded as the header needs. */
export interface MailSender {
  readonly name?: string;
  readonly address: string;
}

export interface OutgoingMail {
  readonly from: MailSender;
  readonly to: string | readonly string[];
  readonly cc?: string | readonly string[];
  readonly bcc?: string | readonly string[];
  readonly replyTo?: string;
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  /** Extra headers, e.g. `X-Rustok-Tenant`; the library folds and encodes them. */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface SendSuccess {
  readonly ok: true;
  readonly messageId: string;
  /** Recipients the server took; some may be `rejected` while others were accepted. */
  readonly accepted: readonly string[];
  readonly rejected: readonly string[];
  /** The server's last reply, e.g. `250 OK: queued as …`. */
  readonly response: string;
}

export interface SendFailure {
  readonly ok: false;
  /** `temporary`: try again later; `permanent`: a bounce, the same mail will fail again. */
  readonly kind: FailureKind;
  /** The library's failure code: `EENVELOPE`, `EMESSAGE`, `ECONNECTION`, `ETIMEDOUT`, `ESOCKET`, `ETLS`, `EAUTH`, … */
  readonly code: string;
  /** The SMTP reply code, when the server answered. */
  readonly responseCode?: number;
  readonly message: string;
}

export type SendResult = SendSuccess | SendFailure;

export interface Mailer {
  send(mail: OutgoingMail): Promise<SendResult>;
  /** Closes the pooled connections (after the messages in flight). */
  close(): void;
}

const openTransport = async (options: MailerOptions) => (await import('nodemailer')).default.createTransport(poolOptions(options));

/** A pooled SMTP sender; one per SMTP account (a tenant's own server, or the platform's). */
export function createMailer(options: MailerOptions): Mailer {
  // The library is loaded with the first mail, not at start: a server that sends none does not carry it.
  let transporter: ReturnType<typeof openTransport> | undefined;
  const transport = () => {
    transporter ??= openTransport(options);
    return transporter;
  };
  return {
    async send(mail) {
      try {
        const info = await (await transport()).sendMail({
          from: { name: mail.from.name ?? '', address: mail.from.address },
          to: list(mail.to),
          cc: mail.cc === undefined ? undefined : list(mail.cc),
          bcc: mail.bcc === undefined ? undefined : list(mail.bcc),
          replyTo: mail.replyTo,
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
          headers: mail.headers === undefined ? undefined : { ...mail.headers },
        });
        return {
          ok: true,
          messageId: info.messageId,
          accepted: addresses(info.accepted),
          rejected: addresses(info.rejected),
          response: info.response,
        };
      } catch (error) {
        return failureOf(error);
      }
    },
    close() {
      void transporter?.then((t) => t.close());
    },
  };
}

function poolOptions(o: MailerOptions): SMTPPoolOptions & { pool: true } {
  return {
    pool: true,
    host: o.host,
    port: o.port,
    secure: o.secure ?? false,
    requireTLS: o.requireTLS ?? false,
    tls: { rejectUnauthorized: o.rejectUnauthorized ?? true },
    auth: o.auth ? { user: o.auth.user, pass: o.auth.pass } : undefined,
    maxConnections: o.maxConnections ?? 5,
    maxMessages: o.maxMessages ?? 100,
    connectionTimeout: o.connectionTimeoutMs ?? 10_000,
    greetingTimeout: o.greetingTimeoutMs ?? 10_000,
    socketTimeout: o.socketTimeoutMs ?? 60_000,
    name: o.clientName,
    // Message bodies come from templates: no attachment may name a file or URL for the library to read.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

function list(value: string | readonly string[]): string[] {
  return typeof value === 'string' ? [value] : [...value];
}

/** The library lists recipients as strings or address objects. */
function addresses(values: readonly (string | { address: string })[]): string[] {
  return values.map((v) => (typeof v === 'string' ? v : v.address));
}

function failureOf(error: unknown): SendFailure {
  if (!(error instanceof Error)) throw error;
  const e = error as NodemailerError;
  return {
    ok: false,
    kind: classifySmtpError(e),
    code: e.code ?? 'EUNKNOWN',
    ...(e.responseCode === undefined ? {} : { responseCode: e.responseCode }),
    message: e.message,
  };
}
