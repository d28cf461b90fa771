import { defineMessages } from '../i18n/messages.js';

/** Texts the e-mail screens share: template sources, parts, send statuses and the log's columns. */
export const mailNames = defineMessages({
  en: {
    template: 'Mail',
    locale: 'Language',
    source: 'Template',
    tenant: 'Your own',
    shipped: 'Shipped',
    fallback: 'Shipped (nearest language)',
    subject: 'Subject',
    mjml: 'Body (MJML with Liquid)',
    text: 'Plain-text part',
    part_subject: 'Subject',
    part_mjml: 'Body',
    part_text: 'Plain-text part',
    part_template: 'Template',
    line: (line: number) => `line ${line}`,
    column: (column: number) => `column ${column}`,
    status: 'Status',
    recipient: 'Recipient',
    attempts: 'Attempts',
    created: 'Queued',
    sentAt: 'Sent',
    error: 'Error',
    pending: 'Pending',
    sent: 'Sent',
    failed: 'Failed',
    bounced: 'Bounced',
    templates: 'Templates',
    settings: 'Settings',
    log: 'Send log',
  },
  ru: {
    template: 'Письмо',
    locale: 'Язык',
    source: 'Шаблон',
    tenant: 'Свой',
    shipped: 'Стандартный',
    fallback: 'Стандартный (ближайший язык)',
    subject: 'Тема',
    mjml: 'Текст письма (MJML и Liquid)',
    text: 'Простой текст',
    part_subject: 'Тема',
    part_mjml: 'Текст письма',
    part_text: 'Простой текст',
    part_template: 'Шаблон',
    line: (line: number) => `строка ${line}`,
    column: (column: number) => `столбец ${column}`,
    status: 'Состояние',
    recipient: 'Получатель',
    attempts: 'Попыток',
    created: 'В очереди с',
    sentAt: 'Отправлено',
    error: 'Ошибка',
    pending: 'Ожидает',
    sent: 'Отправлено',
    failed: 'Не отправлено',
    bounced: 'Отклонено сервером',
    templates: 'Шаблоны',
    settings: 'Настройки',
    log: 'Журнал отправки',
  },
});

export type MailNames = (typeof mailNames)['en'];

/** A template part's name (`subject`, `mjml`, `text`; an unknown one as the server wrote it). */
export const partNameOf = (t: MailNames, part: string): string => {
  const key = `part_${part}`;
  return key in t ? (t[key as keyof MailNames] as string) : part;
};

/** The platform's mails by key, in the UI's language. */
export const mailTitles = defineMessages({
  en: {
    'account.verify_email': 'E-mail address verification',
    'account.password_reset': 'Password reset',
    'order.confirmation': 'Order confirmation',
    'order.new_staff': 'New order (to staff)',
    'order.shipped': 'Order shipped',
    'comment.approved': 'Comment approved',
  },
  ru: {
    'account.verify_email': 'Подтверждение адреса почты',
    'account.password_reset': 'Сброс пароля',
    'order.confirmation': 'Подтверждение заказа',
    'order.new_staff': 'Новый заказ (сотрудникам)',
    'order.shipped': 'Заказ отправлен',
    'comment.approved': 'Комментарий одобрен',
  },
});

type MailTitles = (typeof mailTitles)['en'];

/** A mail's name in the UI's language (the server's description for one the admin does not know yet). */
export const mailTitleOf = (t: MailTitles, key: string, description: string): string =>
  key in t ? t[key as keyof MailTitles] : description;
