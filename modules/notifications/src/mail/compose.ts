import type { SqlRunner } from '@rustok/kernel';
import { DEFAULT_TEMPLATES, isDefaultTemplateKey, type MailTemplate, pickLocale, type Renderer, type RenderResult } from '@rustok/mail';
import { loadOverrides } from './templates-store.js';

/** The template a tenant's mail of `key` uses in `locale`: its own override for the nearest locale, else the shipped one. */
export const templateFor = async (
  tx: SqlRunner,
  key: string,
  locale: string,
): Promise<{ locale: string; template: MailTemplate } | undefined> => {
  const own = Object.fromEntries((await loadOverrides(tx, key)).map((o) => [o.locale, o as MailTemplate]));
  const shipped: Record<string, MailTemplate> = isDefaultTemplateKey(key) ? { ...DEFAULT_TEMPLATES[key].locales } : {};
  const picked = pickLocale<MailTemplate>(locale, { ...shipped, ...own });
  return picked ? { locale: picked.locale, template: picked.value } : undefined;
};

/** The variables' schema of a shipped mail (checked before rendering), if the key is one. */
export const schemaOf = (key: string) => (isDefaultTemplateKey(key) ? DEFAULT_TEMPLATES[key].variables : undefined);

/** Renders a tenant's mail: its template for the locale, its variables checked against the mail's schema. */
export const composeMail = async (
  tx: SqlRunner,
  renderer: Renderer,
  mail: { readonly template: string; readonly locale: string; readonly variables: object },
): Promise<RenderResult> => {
  const picked = await templateFor(tx, mail.template, mail.locale);
  if (!picked) return { ok: false, code: 'locale', message: `No template ${mail.template}` };
  const schema = schemaOf(mail.template);
  return renderer.render({ template: picked.template, variables: mail.variables, locale: mail.locale, ...(schema ? { schema } : {}) });
};
