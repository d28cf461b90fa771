import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { graphql, type ResultOf } from '../graphql/tada.js';
import { gql } from './graphql.js';
import {
  type MailLogView,
  type MailPreviewView,
  type MailSettingsView,
  type MailTemplateDraft,
  type MailTemplateInfoView,
  type MailTemplateView,
  mailStatusOf,
  templateInputOf,
} from './mail-shapes.js';

export * from './mail-shapes.js';

const TemplatesDocument = graphql(`
  query MailTemplateList {
    mailTemplates { key description shippedLocales ownLocales }
  }
`);

const TemplateFields = graphql(`
  fragment MailTemplateFields on MailTemplate { key locale source subject mjml text updatedAt }
`);

const TemplateDocument = graphql(
  `
  query MailTemplateDetail($key: String!, $locale: String!) {
    mailTemplate(key: $key, locale: $locale) { ...MailTemplateFields }
  }
`,
  [TemplateFields],
);

const PreviewDocument = graphql(`
  query MailPreview($key: String!, $locale: String!, $template: MailTemplateInput) {
    mailPreview(key: $key, locale: $locale, template: $template) { subject html text }
  }
`);

const SaveTemplateDocument = graphql(
  `
  mutation SaveMailTemplate($key: String!, $locale: String!, $input: MailTemplateInput!) {
    saveMailTemplate(key: $key, locale: $locale, input: $input) { ...MailTemplateFields }
  }
`,
  [TemplateFields],
);

const DeleteTemplateDocument = graphql(`
  mutation DeleteMailTemplate($key: String!, $locale: String!) {
    deleteMailTemplate(key: $key, locale: $locale)
  }
`);

const SendTestDocument = graphql(`
  mutation SendTestMail($key: String!, $locale: String!, $to: String!) {
    sendTestMail(key: $key, locale: $locale, to: $to)
  }
`);

const SettingsFields = graphql(`
  fragment MailSettingsFields on MailSettings { senderName senderAddress shopUrl staffAddresses }
`);

const SettingsDocument = graphql(
  `
  query MailSettingsDetail {
    mailSettings { ...MailSettingsFields }
  }
`,
  [SettingsFields],
);

const UpdateSettingsDocument = graphql(
  `
  mutation UpdateMailSettings($input: MailSettingsInput!) {
    updateMailSettings(input: $input) { ...MailSettingsFields }
  }
`,
  [SettingsFields],
);

const LogDocument = graphql(`
  query MailLogList($first: Int, $after: String) {
    mailLog(first: $first, after: $after) {
      items { id template locale recipient status attempts subject lastError createdAt sentAt }
      nextCursor
    }
  }
`);

type TemplateNode = ResultOf<typeof TemplateFields>;
type SettingsNode = ResultOf<typeof SettingsFields>;
type LogNode = NonNullable<NonNullable<ResultOf<typeof LogDocument>['mailLog']>['items']>[number];

const templateOf = (t: TemplateNode | null | undefined): MailTemplateView => {
  if (!t) throw new Error('no mail template in the answer');
  return {
    key: t.key ?? '',
    locale: t.locale ?? '',
    source: t.source === 'tenant' ? 'tenant' : 'shipped',
    subject: t.subject ?? '',
    mjml: t.mjml ?? '',
    text: t.text ?? null,
    updatedAt: t.updatedAt ?? null,
  };
};

const settingsOf = (s: SettingsNode | null | undefined): MailSettingsView => ({
  senderName: s?.senderName ?? null,
  senderAddress: s?.senderAddress ?? null,
  shopUrl: s?.shopUrl ?? null,
  staffAddresses: s?.staffAddresses ?? [],
});

const logItemOf = (m: LogNode): MailLogView => ({
  id: m.id ?? '',
  template: m.template ?? '',
  locale: m.locale ?? '',
  recipient: m.recipient ?? '',
  status: mailStatusOf(m.status),
  attempts: m.attempts ?? 0,
  subject: m.subject ?? null,
  lastError: m.lastError ?? null,
  createdAt: m.createdAt ?? '',
  sentAt: m.sentAt ?? null,
});

export const mailTemplatesQuery = queryOptions({
  queryKey: ['mail', 'templates'],
  queryFn: async (): Promise<MailTemplateInfoView[]> =>
    ((await gql(TemplatesDocument)).mailTemplates ?? []).map((t) => ({
      key: t.key ?? '',
      description: t.description ?? '',
      shippedLocales: t.shippedLocales ?? [],
      ownLocales: t.ownLocales ?? [],
    })),
});

export const mailTemplateQuery = (key: string, locale: string) =>
  queryOptions({
    queryKey: ['mail', 'template', key, locale],
    queryFn: async () => templateOf((await gql(TemplateDocument, { key, locale })).mailTemplate),
  });

/** The mail rendered from a draft with its sample data (a broken draft: NOTIFICATIONS_TEMPLATE_INVALID with where). */
export const mailPreviewQuery = (key: string, locale: string, draft: MailTemplateDraft) =>
  queryOptions({
    queryKey: ['mail', 'preview', key, locale, draft],
    queryFn: async (): Promise<MailPreviewView> => {
      const p = (await gql(PreviewDocument, { key, locale, template: templateInputOf(draft) })).mailPreview;
      return { subject: p?.subject ?? '', html: p?.html ?? '', text: p?.text ?? '' };
    },
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });

export const mailSettingsQuery = queryOptions({
  queryKey: ['mail', 'settings'],
  queryFn: async () => settingsOf((await gql(SettingsDocument)).mailSettings),
});

/** Mails the log loads at a time. */
export const MAIL_LOG_PAGE_SIZE = 25;

export interface MailLogPage {
  readonly items: readonly MailLogView[];
  readonly nextCursor: string | null;
}

/** The tenant's sent and queued mails, newest first, a page at a time (the server's cursors). */
export const mailLogQuery = infiniteQueryOptions({
  queryKey: ['mail', 'log'],
  initialPageParam: null as string | null,
  queryFn: async ({ pageParam }): Promise<MailLogPage> => {
    const log = (await gql(LogDocument, { first: MAIL_LOG_PAGE_SIZE, after: pageParam })).mailLog;
    return { items: (log?.items ?? []).map(logItemOf), nextCursor: log?.nextCursor ?? null };
  },
  getNextPageParam: (last: MailLogPage) => last.nextCursor ?? undefined,
});

export const saveMailTemplate = async (key: string, locale: string, draft: MailTemplateDraft): Promise<MailTemplateView> =>
  templateOf((await gql(SaveTemplateDocument, { key, locale, input: templateInputOf(draft) })).saveMailTemplate);

/** Back to the shipped template (the tenant's own version of this locale is deleted). */
export const deleteMailTemplate = async (key: string, locale: string): Promise<void> => {
  await gql(DeleteTemplateDocument, { key, locale });
};

/** Queues the mail with its sample data to one address; the id of the queued mail. */
export const sendTestMail = async (key: string, locale: string, to: string): Promise<string> =>
  (await gql(SendTestDocument, { key, locale, to })).sendTestMail ?? '';

export const updateMailSettings = async (settings: MailSettingsView): Promise<MailSettingsView> =>
  settingsOf(
    (await gql(UpdateSettingsDocument, { input: { ...settings, staffAddresses: [...settings.staffAddresses] } })).updateMailSettings,
  );
