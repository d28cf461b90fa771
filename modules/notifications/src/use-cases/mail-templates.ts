import { inTenant } from '@rustok/api';
import { parseInput } from '@rustok/kernel';
import { DEFAULT_TEMPLATE_KEYS, DEFAULT_TEMPLATES, isDefaultTemplateKey, type RenderFailure } from '@rustok/mail';
import { type NotificationsContext, requirePermission } from '../context.js';
import { notificationsErrors } from '../errors.js';
import { schemaOf, templateFor } from '../mail/compose.js';
import { deleteOverride, loadOverrides, saveOverride } from '../mail/templates-store.js';
import { type MailTemplateDoc, type MailTemplateInfo, TemplateSource } from '../schemas-mail.js';

export const templateNotFound = (key: string) => notificationsErrors.NOTIFICATIONS_TEMPLATE_NOT_FOUND(`No mail ${key}`);

/** The shipped mail of a key (the keys tenants may edit are the platform's). */
export const requireKey = (key: string) => {
  if (!isDefaultTemplateKey(key)) throw templateNotFound(key);
  return DEFAULT_TEMPLATES[key];
};

/** A render failure as a 422 whose error names the part (`/subject`, `/mjml`, `/text`), and the line and column in it. */
export const templateInvalid = (failure: RenderFailure) => {
  const where = failure.line ? `line ${failure.line}${failure.column ? `, column ${failure.column}` : ''}: ` : '';
  return notificationsErrors.NOTIFICATIONS_TEMPLATE_INVALID(`${failure.part ?? 'template'}: ${failure.message}`, {
    errors: [{ path: `/${failure.part ?? 'template'}`, message: `${where}${failure.message} (${failure.code})` }],
  });
};

/** GET /notifications/mail/templates: every mail, its variables and sample data, and the locales the tenant made its own. */
export const listMailTemplates = (ctx: NotificationsContext): Promise<MailTemplateInfo[]> => {
  requirePermission(ctx, 'notifications.mail.read');
  return inTenant(ctx, async (w) => {
    const own = await loadOverrides(w.tx);
    return DEFAULT_TEMPLATE_KEYS.map((key) => {
      const d = DEFAULT_TEMPLATES[key];
      const ownLocales = own.filter((o) => o.key === key).map((o) => o.locale);
      return {
        key,
        description: d.description,
        shippedLocales: Object.keys(d.locales),
        ownLocales,
        variables: d.variables,
        sample: d.sample,
      };
    });
  });
};

/** GET /notifications/mail/templates/{key}/{locale}: the template that mail uses in that locale (the tenant's, or the shipped one). */
export const getMailTemplate = (ctx: NotificationsContext, key: string, locale: string): Promise<MailTemplateDoc> => {
  requirePermission(ctx, 'notifications.mail.read');
  requireKey(key);
  return inTenant(ctx, async (w) => {
    const own = (await loadOverrides(w.tx, key)).find((o) => o.locale === locale);
    if (own)
      return { key, locale, source: 'tenant', subject: own.subject, mjml: own.mjml, text: own.text ?? null, updatedAt: own.updatedAt };
    const picked = await templateFor(w.tx, key, locale);
    if (!picked) throw templateNotFound(key);
    const t = picked.template;
    return { key, locale: picked.locale, source: 'shipped', subject: t.subject, mjml: t.mjml, text: t.text ?? null, updatedAt: null };
  });
};

/**
 * PUT /notifications/mail/templates/{key}/{locale}: the tenant's own version, used by the next mail. It
 * must render with the mail's sample data (a broken template is refused with where it breaks).
 */
export const putMailTemplate = async (
  ctx: NotificationsContext,
  key: string,
  locale: string,
  raw: TemplateSource,
): Promise<MailTemplateDoc> => {
  requirePermission(ctx, 'notifications.mail.manage');
  const definition = requireKey(key);
  const source = parseInput(TemplateSource, raw) as TemplateSource;
  const template = { subject: source.subject, mjml: source.mjml, ...(source.text ? { text: source.text } : {}) };
  const rendered = await ctx.renderer.render({ template, variables: definition.sample, locale, schema: schemaOf(key) });
  if (!rendered.ok) throw templateInvalid(rendered);
  return inTenant(ctx, async (w) => {
    const saved = await saveOverride(w.tx, key, locale, template);
    return {
      key,
      locale,
      source: 'tenant',
      subject: saved.subject,
      mjml: saved.mjml,
      text: saved.text ?? null,
      updatedAt: saved.updatedAt,
    };
  });
};

/** DELETE /notifications/mail/templates/{key}/{locale}: back to the shipped template. */
export const deleteMailTemplate = (ctx: NotificationsContext, key: string, locale: string): Promise<void> => {
  requirePermission(ctx, 'notifications.mail.manage');
  requireKey(key);
  return inTenant(ctx, async (w) => {
    if (!(await deleteOverride(w.tx, key, locale))) throw templateNotFound(`${key} (${locale}) of this tenant`);
  });
};
