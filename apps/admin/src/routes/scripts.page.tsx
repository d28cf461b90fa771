import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { can } from '../api/permissions.js';
import { scriptsQuery } from '../api/scripting.js';
import { LANGUAGE_NAMES, scriptNames, scriptStateOf, triggerSummaryOf } from '../components/script-messages.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: {
    title: 'Scripts',
    intro:
      'Your own JavaScript or TypeScript that runs in a sandbox: on events, on a schedule, on its HTTP endpoint, by hand, or to check writes.',
    none: 'No scripts yet.',
    create: 'New script',
  },
  ru: {
    title: 'Скрипты',
    intro:
      'Ваш собственный код на JavaScript или TypeScript, который выполняется в песочнице: по событиям, по расписанию, по своему HTTP-адресу, вручную или для проверки записи.',
    none: 'Скриптов пока нет.',
    create: 'Новый скрипт',
  },
});

/** The tenant's scripts: name, language, state (and why disabled), triggers, version. */
export const Scripts = () => {
  const t = useMessages(messages);
  const n = useMessages(scriptNames);
  const { data: scripts } = useSuspenseQuery(scriptsQuery);
  const { data: me } = useSuspenseQuery(meQuery);
  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {can(me, 'scripting.scripts.manage') ? (
        <p>
          <Link to="/scripts/new">{t.create}</Link>
        </p>
      ) : null}
      {scripts.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{n.name}</th>
              <th scope="col">{n.language}</th>
              <th scope="col">{n.status}</th>
              <th scope="col">{n.triggers}</th>
              <th scope="col">{n.version}</th>
            </tr>
          </thead>
          <tbody>
            {scripts.map((s) => (
              <tr key={s.id} data-testid="script-row">
                <td>
                  <Link to="/scripts/$id" params={{ id: s.id }}>
                    {s.name}
                  </Link>
                  {s.description ? <div className="hint">{s.description}</div> : null}
                </td>
                <td>{LANGUAGE_NAMES[s.language]}</td>
                <td data-testid="script-state">{scriptStateOf(n, s)}</td>
                <td>{s.triggers.length === 0 ? n.noTriggers : s.triggers.map((tr) => triggerSummaryOf(n, tr)).join('; ')}</td>
                <td data-testid="script-version">{s.version}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
};
