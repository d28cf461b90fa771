export { classifySmtpError, type FailureKind } from './classify.js';
export {
  DEFAULT_TEMPLATE_KEYS,
  DEFAULT_TEMPLATES,
  type DefaultTemplateKey,
  defaultTemplate,
  isDefaultTemplateKey,
} from './defaults/index.js';
export { formatDate, formatMoney, type RenderEnvironment } from './filters.js';
export type { LiquidFailure } from './liquid.js';
export {
  createRenderer,
  type RenderedMail,
  type Renderer,
  type RendererOptions,
  type RenderFailure,
  type RenderRequest,
  type RenderResult,
} from './render.js';
export { FALLBACK_LOCALE, localeChain, type MailTemplate, type MailTemplateDefinition, pickLocale } from './templates.js';
export {
  createMailer,
  type Mailer,
  type MailerOptions,
  type MailSender,
  type OutgoingMail,
  type SendFailure,
  type SendResult,
  type SendSuccess,
} from './transport.js';
export { checkVariables, type VariablesCheck } from './variables.js';
