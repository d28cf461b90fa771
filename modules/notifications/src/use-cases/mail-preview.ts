import { inTenant } from '@rustok/api';
import { parseInput } from '@rustok/kernel';
import { type NotificationsContext, requirePermission } from '../context.js';
import { notificationsErrors } from '../errors.js';
import { schemaOf, templateFor } from '../mail/compose.js';
import { enqueueMails } from '../mail/queue.js';
import { type PreviewInput, type PreviewResult, PreviewInput as PreviewSchema, TestMailInput } from '../schemas-mail.js';
import { requireKey, templateInvalid, templateNotFound } from './mail-templates.js';

/**
 * POST /notifications/mail/templates/{key}/{locale}/preview: the mail rendered with the mail's sample
 * data (or the given variables), from the stored template or a draft; a broken one is a 422 with
 * where it breaks, so an editor can show it.
 */
export const previewMail = (ctx: NotificationsContext, key: string, locale: string, raw: PreviewInput = {}): Promise<PreviewResult> => {
  requirePermission(ctx, 'notifications.mail.read');
  const definition = requireKey(key);
  const input = parseInput(PreviewSchema, raw) as PreviewInput;
  return inTenant(ctx, async (w) => {
    const template = input.template ?? (await templateFor(w.tx, key, locale))?.template;
    if (!template) throw templateNotFound(key);
    const rendered = await ctx.renderer.render({
      template,
      variables: input.variables ?? definition.sample,
      locale,
      schema: schemaOf(key),
    });
    if (!rendered.ok) throw templateInvalid(rendered);
    return { subject: rendered.subject, html: rendered.html, text: rendered.text };
  });
};

/** POST /notifications/mail/templates/{key}/{locale}/test: the mail with its sample data, queued to one address. */
export const sendTestMail = (ctx: NotificationsContext, key: string, locale: string, raw: TestMailInput): Promise<{ id: string }> => {
  requirePermission(ctx, 'notifications.mail.manage');
  const definition = requireKey(key);
  const input = parseInput(TestMailInput, raw) as TestMailInput;
  if (ctx.mail.smtp.host === '') throw notificationsErrors.NOTIFICATIONS_MAIL_NOT_CONFIGURED('This deployment has no SMTP server');
  return inTenant(ctx, async (w) => {
    const [id] = await enqueueMails(w.tx, ctx.tenantId, [
      { template: key, locale, to: input.to, variables: definition.sample as Record<string, unknown> },
    ]);
    return { id: id ?? '' };
  });
};
