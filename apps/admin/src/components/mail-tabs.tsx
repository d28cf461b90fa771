import { Link } from '@tanstack/react-router';
import { useMessages } from '../i18n/messages.js';
import { mailNames } from './mail-messages.js';

/** The e-mail screens' own links: templates, settings (with the right to change them), the send log. */
export const MailTabs = ({ manage }: { readonly manage: boolean }) => {
  const t = useMessages(mailNames);
  return (
    <nav aria-label={t.template} className="row">
      <Link to="/mail" activeOptions={{ exact: true }} activeProps={{ 'aria-current': 'page' }}>
        {t.templates}
      </Link>
      {manage ? (
        <Link to="/mail/settings" activeProps={{ 'aria-current': 'page' }}>
          {t.settings}
        </Link>
      ) : null}
      <Link to="/mail/log" activeProps={{ 'aria-current': 'page' }}>
        {t.log}
      </Link>
    </nav>
  );
};
