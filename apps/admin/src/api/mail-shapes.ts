import { ApiError } from './problem.js';

/** A mail of the platform whose template a tenant may replace. */
export interface MailTemplateInfoView {
  readonly key: string;
  readonly description: string;
  readonly shippedLocales: readonly string[];
  /** Locales the tenant has its own version of. */
  readonly ownLocales: readonly string[];
}

/** The template a mail uses in a locale: the tenant's own, or the shipped one (of the nearest locale). */
export interface MailTemplateView {
  readonly key: string;
  readonly locale: string;
  readonly source: 'tenant' | 'shipped';
  readonly subject: string;
  readonly mjml: string;
  readonly text: string | null;
  readonly updatedAt: string | null;
}

/** What the editor sends: subject and MJML body (Liquid in both), and a plain-text part (empty: made from the HTML). */
export interface MailTemplateDraft {
  readonly subject: string;
  readonly mjml: string;
  readonly text: string;
}

export interface MailPreviewView {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}

export interface MailSettingsView {
  readonly senderName: string | null;
  readonly senderAddress: string | null;
  readonly shopUrl: string | null;
  readonly staffAddresses: readonly string[];
}

export type MailStatus = 'pending' | 'sent' | 'failed' | 'bounced';

export interface MailLogView {
  readonly id: string;
  readonly template: string;
  readonly locale: string;
  readonly recipient: string;
  readonly status: MailStatus;
  readonly attempts: number;
  readonly subject: string | null;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly sentAt: string | null;
}

const STATUSES: readonly MailStatus[] = ['pending', 'sent', 'failed', 'bounced'];
export const mailStatusOf = (status: string | null | undefined): MailStatus => STATUSES.find((s) => s === status) ?? 'pending';

/** What the server takes (a blank text part is left out: the server makes it from the HTML). */
export const templateInputOf = ({ subject, mjml, text }: MailTemplateDraft) => ({
  subject,
  mjml,
  ...(text.trim() ? { text } : {}),
});

/** One place a template does not render: its part (`subject`, `mjml`, `text`), line and column when known, and why. */
export interface RenderProblem {
  readonly part: string;
  readonly line: number | null;
  readonly column: number | null;
  readonly message: string;
}

const WHERE = /^line (\d+)(?:, column (\d+))?: ([\s\S]*)$/;

/** The render problems of a `NOTIFICATIONS_TEMPLATE_INVALID` refusal (none for any other error). */
export const renderProblemsOf = (error: unknown): RenderProblem[] => {
  if (!(error instanceof ApiError) || error.code !== 'NOTIFICATIONS_TEMPLATE_INVALID') return [];
  const fields = error.fields.length > 0 ? error.fields : [{ path: '/template', message: error.message }];
  return fields.map(({ path, message }) => {
    const found = WHERE.exec(message);
    return {
      part: path.replace(/^\//, '') || 'template',
      line: found?.[1] ? Number(found[1]) : null,
      column: found?.[2] ? Number(found[2]) : null,
      message: found?.[3] ?? message,
    };
  });
};

/**
 * The rows of the template list: for each mail, every locale it has (shipped, the tenant's own, and
 * the tenant's locales, which fall back to the nearest shipped one until the tenant writes its own).
 */
export const templateRowsOf = (templates: readonly MailTemplateInfoView[], tenantLocales: readonly string[]) =>
  templates.flatMap((t) =>
    [...new Set([...t.shippedLocales, ...t.ownLocales, ...tenantLocales])].sort().map((locale) => ({
      key: t.key,
      description: t.description,
      locale,
      source: t.ownLocales.includes(locale)
        ? ('tenant' as const)
        : t.shippedLocales.includes(locale)
          ? ('shipped' as const)
          : ('fallback' as const),
    })),
  );

export type TemplateRow = ReturnType<typeof templateRowsOf>[number];

/** Staff addresses from a text area: one per line (or separated by commas), blanks dropped. */
export const addressesOf = (text: string): string[] =>
  text
    .split(/[\n,]/)
    .map((a) => a.trim())
    .filter(Boolean);
