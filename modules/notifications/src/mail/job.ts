import type {} from '@rustok/api';
import type { Config, ModuleJob } from '@rustok/kernel';
import { createMailer, createRenderer, type Mailer, type Renderer } from '@rustok/mail';
import { type MailOptions, mailOptions } from '../options.js';
import { deliverDueMails } from './runner.js';

/** Whether this deployment has an SMTP server (without one, mail is off and auth's messages are logged). */
export const mailConfigured = (config: Config): boolean => mailOptions(config).smtp.host !== '';

/** The SMTP pool of the deployment's settings. */
export const mailerOf = (options: MailOptions): Mailer => {
  const { smtp } = options;
  return createMailer({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    requireTLS: smtp.require_tls,
    rejectUnauthorized: smtp.reject_unauthorized,
    maxConnections: smtp.max_connections,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password } } : {}),
  });
};

/** One SMTP pool and renderer per configuration, shared by every run of this process. */
const services = new WeakMap<Config, { mailer: Mailer; renderer: Renderer }>();
const servicesFor = (config: Config) => {
  let s = services.get(config);
  if (!s) {
    s = { mailer: mailerOf(mailOptions(config)), renderer: createRenderer() };
    services.set(config, s);
  }
  return s;
};

/** Sends queued mail: every `poll_ms`, once for the deployment, when an SMTP server is configured. */
export const mailDeliveryJob: ModuleJob = {
  name: 'mail-delivery',
  everyMs: (config) => mailOptions(config).poll_ms,
  enabled: (config) => mailConfigured(config) && mailOptions(config).deliver,
  run: async ({ db, config, logger }) => {
    const { sent } = await deliverDueMails({ db, ...servicesFor(config), options: mailOptions(config), logger, budgetMs: 30_000 });
    if (sent > 0) logger.debug({ sent }, 'mails sent');
  },
  // The pool's connections end with a QUIT, not when the SMTP server gives up on them.
  close: (config) => {
    services.get(config)?.mailer.close();
    services.delete(config);
  },
};
