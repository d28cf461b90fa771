import { Email, Id, Timestamp } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';

/** TypeBox schemas of the mail API: settings, templates (shipped and the tenant's own), previews and the send log. */

const Locale = () => Type.String({ pattern: '^[a-z]{2}(-[A-Z]{2})?$' });
const TemplateKey = () => Type.String({ pattern: '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$', maxLength: 100 });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const MailSettings = Type.Object(
  {
    senderName: Nullable(Type.String({ maxLength: 200 })),
    senderAddress: Nullable(Email()),
    shopUrl: Nullable(Type.String({ maxLength: 2_000, pattern: '^https?://' })),
    staffAddresses: Type.Array(Email(), { maxItems: 20 }),
  },
  { additionalProperties: false },
);
export type MailSettings = Static<typeof MailSettings>;

export const TemplateParams = Type.Object({ key: TemplateKey(), locale: Locale() });
export type TemplateParams = Static<typeof TemplateParams>;
export const KeyParams = Type.Object({ key: TemplateKey() });
export type KeyParams = Static<typeof KeyParams>;

export const TemplateSource = Type.Object(
  {
    subject: Type.String({ minLength: 1, maxLength: 2_000 }),
    mjml: Type.String({ minLength: 1, maxLength: 65_536 }),
    text: Type.Optional(Type.String({ maxLength: 65_536 })),
  },
  { additionalProperties: false },
);
export type TemplateSource = Static<typeof TemplateSource>;

/** A mail of the platform: its variables (JSON Schema), sample data, and which locales the tenant has made its own. */
export const MailTemplateInfo = Type.Object({
  key: Type.String(),
  description: Type.String(),
  shippedLocales: Type.Array(Type.String()),
  ownLocales: Type.Array(Type.String()),
  variables: Type.Unknown(),
  sample: Type.Unknown(),
});
export type MailTemplateInfo = Static<typeof MailTemplateInfo>;

/** The template a mail uses in a locale: the tenant's own, or the shipped one. */
export const MailTemplateDoc = Type.Object({
  key: Type.String(),
  locale: Type.String(),
  source: Type.Union([Type.Literal('tenant'), Type.Literal('shipped')]),
  subject: Type.String(),
  mjml: Type.String(),
  text: Type.Union([Type.String(), Type.Null()]),
  updatedAt: Type.Union([Timestamp(), Type.Null()]),
});
export type MailTemplateDoc = Static<typeof MailTemplateDoc>;

export const PreviewInput = Type.Object(
  {
    /** A draft to render instead of the stored template. */
    template: Type.Optional(TemplateSource),
    /** Variables instead of the mail's sample data. */
    variables: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { additionalProperties: false },
);
export type PreviewInput = Static<typeof PreviewInput>;

export const PreviewResult = Type.Object({ subject: Type.String(), html: Type.String(), text: Type.String() });
export type PreviewResult = Static<typeof PreviewResult>;

export const TestMailInput = Type.Object({ to: Email() }, { additionalProperties: false });
export type TestMailInput = Static<typeof TestMailInput>;

export const MailLogItem = Type.Object({
  id: Id(),
  template: Type.String(),
  locale: Type.String(),
  recipient: Type.String(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('sent'), Type.Literal('failed'), Type.Literal('bounced')]),
  attempts: Type.Integer(),
  subject: Type.Union([Type.String(), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  nextAttemptAt: Type.Union([Timestamp(), Type.Null()]),
  createdAt: Timestamp(),
  sentAt: Type.Union([Timestamp(), Type.Null()]),
});
export type MailLogItem = Static<typeof MailLogItem>;

export const MailLog = Type.Object({ items: Type.Array(MailLogItem), nextCursor: Type.Union([Id(), Type.Null()]) });
export type MailLog = Static<typeof MailLog>;
