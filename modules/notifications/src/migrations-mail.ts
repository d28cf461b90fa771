import { CURRENT_TENANT_SQL, tenantRlsSql } from '@rustok/db';

const TENANT = `tenant_id uuid NOT NULL DEFAULT ${CURRENT_TENANT_SQL}`;

/**
 * E-mail. Tenant tables: the sender and links of a tenant's mails, its template overrides (per key
 * and locale; the shipped defaults apply otherwise), and the mails themselves (the send log; their
 * variables, which may hold a one-time link, are dropped once the mail is sent or given up). The
 * queue is the deployment's own, like the webhook queue: ids and due times only.
 */
export const mailSql = `
CREATE TABLE notifications_mail_settings (
  ${TENANT} PRIMARY KEY,
  sender_name text CHECK (length(sender_name) <= 200),
  sender_address text CHECK (length(sender_address) <= 254),
  shop_url text CHECK (length(shop_url) <= 2000),
  staff_addresses text[] NOT NULL DEFAULT '{}' CHECK (cardinality(staff_addresses) <= 20),
  updated_at timestamptz NOT NULL DEFAULT now()
);
${tenantRlsSql('notifications_mail_settings')}
CREATE TABLE notifications_mail_templates (
  id uuid PRIMARY KEY,
  ${TENANT},
  key text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$'),
  locale text NOT NULL CHECK (locale ~ '^[a-z]{2}(-[A-Z]{2})?$'),
  subject text NOT NULL CHECK (length(subject) <= 2000),
  mjml text NOT NULL CHECK (length(mjml) <= 65536),
  text_body text CHECK (length(text_body) <= 65536),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, key, locale)
);
${tenantRlsSql('notifications_mail_templates')}
CREATE TABLE notifications_mails (
  id uuid PRIMARY KEY,
  ${TENANT},
  template text NOT NULL,
  locale text NOT NULL,
  recipient text NOT NULL CHECK (length(recipient) <= 254),
  variables jsonb,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'bounced')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  subject text,
  message_id text,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);
CREATE INDEX notifications_mails_list ON notifications_mails (tenant_id, id DESC);
${tenantRlsSql('notifications_mails')}
CREATE TABLE notifications_mail_queue (
  mail_id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL,
  due_at timestamptz NOT NULL,
  claimed_until timestamptz
);
CREATE INDEX notifications_mail_queue_due ON notifications_mail_queue (due_at);`;
