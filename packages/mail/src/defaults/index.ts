import { type MailTemplate, type MailTemplateDefinition, pickLocale } from '../templates.js';
import { accountPasswordReset } from './account-password-reset.js';
import { accountVerifyEmail } from './account-verify-email.js';
import { commentApproved } from './comment-approved.js';
import { orderConfirmation } from './order-confirmation.js';
import { orderNewStaff } from './order-new-staff.js';
import { orderShipped } from './order-shipped.js';

/** The mails the platform ships, by key; each in `en` and `de`. */
export const DEFAULT_TEMPLATES = {
  'account.verify_email': accountVerifyEmail,
  'account.password_reset': accountPasswordReset,
  'order.confirmation': orderConfirmation,
  'order.shipped': orderShipped,
  'comment.approved': commentApproved,
  'order.new_staff': orderNewStaff,
} as const satisfies Record<string, MailTemplateDefinition>;

export type DefaultTemplateKey = keyof typeof DEFAULT_TEMPLATES;

export const DEFAULT_TEMPLATE_KEYS = Object.keys(DEFAULT_TEMPLATES) as DefaultTemplateKey[];

export function isDefaultTemplateKey(key: string): key is DefaultTemplateKey {
  return Object.hasOwn(DEFAULT_TEMPLATES, key);
}

/** The shipped template for a key in the nearest locale (`de-AT` → `de` → `en`), with the locale it is written in. */
export function defaultTemplate(key: DefaultTemplateKey, locale: string): { locale: string; template: MailTemplate } {
  const picked = pickLocale<MailTemplate>(locale, DEFAULT_TEMPLATES[key].locales);
  // Every definition has `en`, the chain's last locale.
  return picked ? { locale: picked.locale, template: picked.value } : { locale: 'en', template: DEFAULT_TEMPLATES[key].locales.en };
}
