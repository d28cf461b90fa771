import type { NodemailerError } from 'nodemailer';

export type FailureKind = 'temporary' | 'permanent';

/**
 * Failures of the connection or the account, whatever the server replied: the mail is fine, and goes once the
 * server is reachable or the configuration is mended (a refused login, a server without the STARTTLS we require).
 */
const CONNECTION_LEVEL = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ETLS',
  'EPROXY',
  'EPROTOCOL',
  'EAUTH',
  'ENOAUTH',
  'EOAUTH2',
  'ECONFIG',
]);

/** Failures about the message itself that no retry mends (a malformed address, too many recipients). */
const PERMANENT_WITHOUT_REPLY = new Set(['EENVELOPE', 'EMESSAGE', 'EMAXRECIPIENTS', 'EFILEACCESS', 'EURLACCESS']);

/**
 * Whether a failed send may succeed later. Connection-level failures are temporary. Otherwise the server's reply
 * to the message decides: 4xx is temporary (retry), 5xx permanent (a bounce), except 503 (a wrong command order,
 * which a new connection mends). Without a reply, a message the library could not build or address is permanent.
 */
export function classifySmtpError(error: NodemailerError): FailureKind {
  const code = error.code ?? '';
  if (CONNECTION_LEVEL.has(code)) return 'temporary';
  const reply = error.responseCode;
  if (reply !== undefined) return reply >= 500 && reply < 600 && reply !== 503 ? 'permanent' : 'temporary';
  return PERMANENT_WITHOUT_REPLY.has(code) ? 'permanent' : 'temporary';
}
