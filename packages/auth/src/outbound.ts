import type { Tx } from '@rustok/db';
import type { Logger } from 'pino';

/** The messages the auth module sends to a user's address. */
export type OutboundTemplate = 'verify-email' | 'password-reset';

/** One message for a user: which template, for which tenant, to which address, with what data. */
export interface OutboundMessage {
  readonly tenantId: string;
  /** The recipient's e-mail address. */
  readonly to: string;
  readonly template: OutboundTemplate;
  /** Template data, e.g. `{ token, expiresAt }`; the token is a secret meant for the recipient only. */
  readonly data: Readonly<Record<string, string>>;
}

/**
 * The outbound-message port: how auth hands a message to whatever delivers it (the notifications
 * module's SMTP sender later). Auth never waits for delivery: `send` is called after the
 * transaction that made the token committed, and its failures are only logged.
 */
export interface OutboundMessages {
  send(message: OutboundMessage): Promise<void>;
  /**
   * Optional: takes the message in the transaction that made its token, so the message exists iff
   * the token does (a mail outbox). When given, it is used instead of `send` after commit.
   */
  sendInTx?(tx: Tx, message: OutboundMessage): Promise<void>;
}

declare module '@rustok/kernel' {
  interface ModulePorts {
    /** Where verification and password-reset messages go (the notifications module's mail, when configured). */
    outboundMessages: OutboundMessages;
  }
}

/**
 * The default port until a mail transport exists: each message becomes a log line. With
 * `revealData` (development, test) the line carries the data, token included, so a developer can
 * finish a verification or reset by hand; otherwise only the template and tenant are logged.
 */
export const createLogOutboundMessages = (logger: Logger, options: { readonly revealData: boolean }): OutboundMessages => ({
  async send(message) {
    const fields = { tenantId: message.tenantId, template: message.template };
    if (options.revealData)
      logger.info({ ...fields, to: message.to, data: message.data }, 'outbound message (no mail transport configured)');
    else logger.warn(fields, 'outbound message dropped: no mail transport is configured');
  },
});

/** An in-memory port that keeps every message (tests, and tools that show the messages themselves). */
export interface MemoryOutboundMessages extends OutboundMessages {
  readonly sent: readonly OutboundMessage[];
  /** The last message of a template to an address, if any. */
  last(to: string, template: OutboundTemplate): OutboundMessage | undefined;
}

export const createMemoryOutboundMessages = (): MemoryOutboundMessages => {
  const sent: OutboundMessage[] = [];
  return {
    sent,
    async send(message) {
      sent.push(message);
    },
    last: (to, template) => sent.findLast((m) => m.to === to && m.template === template),
  };
};

/**
 * Hands the message to the port: in the transaction when the port takes it there (a queued row,
 * sent later), else once the transaction has committed, without waiting for it. Either way the
 * answer takes as long whether or not a message goes out (no account enumeration by timing).
 */
export const sendAfterCommit = async (
  ctx: { readonly outbound?: OutboundMessages | undefined; readonly logger: Logger },
  tx: Tx,
  message: OutboundMessage,
): Promise<void> => {
  const outbound = ctx.outbound;
  if (!outbound) {
    ctx.logger.warn({ tenantId: message.tenantId, template: message.template }, 'no outbound-message port: message not sent');
    return;
  }
  if (outbound.sendInTx) {
    await outbound.sendInTx(tx, message);
    return;
  }
  tx.afterCommit(() => {
    outbound
      .send(message)
      .catch((error: unknown) => ctx.logger.error({ err: error, template: message.template }, 'outbound message failed'));
  });
};
