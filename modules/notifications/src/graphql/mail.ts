import { connectionType, type GraphQLBuilder, pageOf, withoutNulls } from '@rustok/kernel';
import { graphqlNotificationsContextOf as contextOf } from '../context.js';
import type {
  MailLogItem,
  MailSettings,
  MailTemplateDoc,
  MailTemplateInfo,
  PreviewInput,
  PreviewResult,
  TemplateSource,
} from '../schemas-mail.js';
import { listMails } from '../use-cases/mail-log.js';
import { previewMail, sendTestMail } from '../use-cases/mail-preview.js';
import { getMailSettings, putMailSettings } from '../use-cases/mail-settings.js';
import { deleteMailTemplate, getMailTemplate, listMailTemplates, putMailTemplate } from '../use-cases/mail-templates.js';

const read = { permission: 'notifications.mail.read' };
const manage = { permission: 'notifications.mail.manage' };
const inputOf = <T>(value: unknown): T => withoutNulls(value) as T;

const addTypes = (builder: GraphQLBuilder) => {
  const Settings = builder.objectRef<MailSettings>('MailSettings').implement({
    description: "A tenant's sender, storefront address (links in mails) and staff recipients; null: the deployment's",
    fields: (t) => ({
      senderName: t.exposeString('senderName', { nullable: true }),
      senderAddress: t.exposeString('senderAddress', { nullable: true }),
      shopUrl: t.exposeString('shopUrl', { nullable: true }),
      staffAddresses: t.exposeStringList('staffAddresses'),
    }),
  });
  const Info = builder.objectRef<MailTemplateInfo>('MailTemplateInfo').implement({
    fields: (t) => ({
      key: t.exposeString('key'),
      description: t.exposeString('description'),
      shippedLocales: t.exposeStringList('shippedLocales'),
      ownLocales: t.exposeStringList('ownLocales', { description: 'Locales the tenant has its own version of' }),
      variables: t.field({ type: 'JSON', description: 'JSON Schema of the variables', resolve: (i) => i.variables }),
      sample: t.field({ type: 'JSON', resolve: (i) => i.sample }),
    }),
  });
  const Doc = builder.objectRef<MailTemplateDoc>('MailTemplate').implement({
    fields: (t) => ({
      key: t.exposeString('key'),
      locale: t.exposeString('locale'),
      source: t.exposeString('source', { description: 'tenant or shipped' }),
      subject: t.exposeString('subject'),
      mjml: t.exposeString('mjml'),
      text: t.exposeString('text', { nullable: true }),
      updatedAt: t.expose('updatedAt', { type: 'DateTime', nullable: true }),
    }),
  });
  const Preview = builder.objectRef<PreviewResult>('MailPreview').implement({
    fields: (t) => ({ subject: t.exposeString('subject'), html: t.exposeString('html'), text: t.exposeString('text') }),
  });
  const LogItem = builder.objectRef<MailLogItem>('MailLogItem').implement({
    fields: (t) => ({
      id: t.exposeID('id'),
      template: t.exposeString('template'),
      locale: t.exposeString('locale'),
      recipient: t.exposeString('recipient'),
      status: t.exposeString('status', { description: 'pending, sent, failed or bounced' }),
      attempts: t.exposeInt('attempts'),
      subject: t.exposeString('subject', { nullable: true }),
      lastError: t.exposeString('lastError', { nullable: true }),
      nextAttemptAt: t.expose('nextAttemptAt', { type: 'DateTime', nullable: true }),
      createdAt: t.expose('createdAt', { type: 'DateTime' }),
      sentAt: t.expose('sentAt', { type: 'DateTime', nullable: true }),
    }),
  });
  const SettingsInput = builder.inputType('MailSettingsInput', {
    fields: (t) => ({
      senderName: t.string(),
      senderAddress: t.string(),
      shopUrl: t.string(),
      staffAddresses: t.stringList({ required: true }),
    }),
  });
  const SourceInput = builder.inputType('MailTemplateInput', {
    fields: (t) => ({ subject: t.string({ required: true }), mjml: t.string({ required: true }), text: t.string() }),
  });
  return { Settings, Info, Doc, Preview, Log: connectionType(builder, 'MailLogConnection', LogItem), SettingsInput, SourceInput };
};

type Types = ReturnType<typeof addTypes>;

const addQueries = (builder: GraphQLBuilder, types: Types) => {
  builder.queryField('mailSettings', (t) =>
    t.field({ type: types.Settings, authScopes: read, resolve: (_r, _a, ctx) => getMailSettings(contextOf(ctx)) }),
  );
  builder.queryField('mailTemplates', (t) =>
    t.field({ type: [types.Info], authScopes: read, resolve: (_r, _a, ctx) => listMailTemplates(contextOf(ctx)) }),
  );
  builder.queryField('mailTemplate', (t) =>
    t.field({
      type: types.Doc,
      authScopes: read,
      args: { key: t.arg.string({ required: true }), locale: t.arg.string({ required: true }) },
      resolve: (_r, args, ctx) => getMailTemplate(contextOf(ctx), args.key, args.locale),
    }),
  );
  builder.queryField('mailPreview', (t) =>
    t.field({
      type: types.Preview,
      authScopes: read,
      description: 'The mail rendered with its sample data (or the given variables), from the stored template or a draft',
      args: {
        key: t.arg.string({ required: true }),
        locale: t.arg.string({ required: true }),
        template: t.arg({ type: types.SourceInput }),
        variables: t.arg({ type: 'JSON' }),
      },
      resolve: (_r, args, ctx) =>
        previewMail(contextOf(ctx), args.key, args.locale, inputOf<PreviewInput>({ template: args.template, variables: args.variables })),
    }),
  );
  builder.queryField('mailLog', (t) =>
    t.field({
      type: types.Log,
      authScopes: read,
      args: { first: t.arg.int(), after: t.arg.string() },
      resolve: (_r, args, ctx) => listMails(contextOf(ctx), pageOf(args)),
    }),
  );
};

const addMutations = (builder: GraphQLBuilder, types: Types) => {
  builder.mutationField('updateMailSettings', (t) =>
    t.field({
      type: types.Settings,
      authScopes: manage,
      args: { input: t.arg({ type: types.SettingsInput, required: true }) },
      resolve: (_r, args, ctx) =>
        putMailSettings(contextOf(ctx), {
          senderName: args.input.senderName ?? null,
          senderAddress: args.input.senderAddress ?? null,
          shopUrl: args.input.shopUrl ?? null,
          staffAddresses: args.input.staffAddresses,
        }),
    }),
  );
  builder.mutationField('saveMailTemplate', (t) =>
    t.field({
      type: types.Doc,
      authScopes: manage,
      args: {
        key: t.arg.string({ required: true }),
        locale: t.arg.string({ required: true }),
        input: t.arg({ type: types.SourceInput, required: true }),
      },
      resolve: (_r, args, ctx) => putMailTemplate(contextOf(ctx), args.key, args.locale, inputOf<TemplateSource>(args.input)),
    }),
  );
  builder.mutationField('deleteMailTemplate', (t) =>
    t.field({
      type: 'Boolean',
      authScopes: manage,
      args: { key: t.arg.string({ required: true }), locale: t.arg.string({ required: true }) },
      resolve: async (_r, args, ctx) => {
        await deleteMailTemplate(contextOf(ctx), args.key, args.locale);
        return true;
      },
    }),
  );
  builder.mutationField('sendTestMail', (t) =>
    t.field({
      type: 'ID',
      authScopes: manage,
      args: { key: t.arg.string({ required: true }), locale: t.arg.string({ required: true }), to: t.arg.string({ required: true }) },
      resolve: async (_r, args, ctx) => (await sendTestMail(contextOf(ctx), args.key, args.locale, { to: args.to })).id,
    }),
  );
};

/** Mail over GraphQL: the operations of the REST routes, over the same use-cases and permissions. */
export const mailGraphQL = (builder: GraphQLBuilder): void => {
  const types = addTypes(builder);
  addQueries(builder, types);
  addMutations(builder, types);
};
