import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { mailTemplatesQuery, templateRowsOf } from '../api/mail.js';
import { can } from '../api/permissions.js';
import { tenantLocalesQuery } from '../api/tenant-locales.js';
import { mailNames, mailTitleOf, mailTitles } from '../components/mail-messages.js';
import { MailTabs } from '../components/mail-tabs.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: {
    title: 'E-mail',
    intro:
      'The mails this shop sends, per language: the shipped template, or your own version of it (Liquid for the values, MJML for the layout; the plain-text part is made from it unless you write one).',
  },
  ru: {
    title: 'Почта',
    intro:
      'Письма, которые отправляет магазин, по языкам: стандартный шаблон или ваша версия (Liquid для значений, MJML для вёрстки; простой текст делается из него, если вы не напишете свой).',
  },
});

/** Every mail × language: which template it uses now, each opening its editor. */
export const MailTemplates = () => {
  const t = useMessages(messages);
  const n = useMessages(mailNames);
  const titles = useMessages(mailTitles);
  const { data: templates } = useSuspenseQuery(mailTemplatesQuery);
  const { data: locales } = useSuspenseQuery(tenantLocalesQuery);
  const { data: me } = useSuspenseQuery(meQuery);
  const rows = templateRowsOf(templates, locales.supportedLocales);
  return (
    <>
      <h1>{t.title}</h1>
      <MailTabs manage={can(me, 'notifications.mail.manage')} />
      <p>{t.intro}</p>
      <table data-testid="mail-templates">
        <thead>
          <tr>
            <th scope="col">{n.template}</th>
            <th scope="col">{n.locale}</th>
            <th scope="col">{n.source}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.key} ${r.locale}`}>
              <td>
                <Link to="/mail/templates/$key/$locale" params={{ key: r.key, locale: r.locale }}>
                  {mailTitleOf(titles, r.key, r.description)}
                </Link>
                <div className="hint">
                  <code>{r.key}</code>
                </div>
              </td>
              <td>{r.locale}</td>
              <td data-testid="template-source">{n[r.source]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
};
