import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ModuleInfo, modulesQuery, setModuleEnabled } from '../api/modules.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { ErrorNotice } from './error-notice.js';

const messages = defineMessages({
  en: {
    core: 'core',
    optional: 'optional',
    needs: 'Needs',
    neededBy: 'Needed by',
    none: 'nothing else',
    on: 'On',
    off: 'Off',
    settings: 'Settings',
    settingsOf: (name: string) => `Settings of ${name}`,
    switchOn: 'Switch on',
    switchOff: 'Switch off',
    switchOnModule: (name: string) => `Switch on ${name}`,
    switchOffModule: (name: string) => `Switch off ${name}`,
    alwaysOn: 'always on',
  },
  ru: {
    core: 'базовый',
    optional: 'необязательный',
    needs: 'Нужны',
    neededBy: 'Нужен для',
    none: 'ничего другого',
    on: 'Включён',
    off: 'Выключен',
    settings: 'Настройки',
    settingsOf: (name: string) => `Настройки модуля ${name}`,
    switchOn: 'Включить',
    switchOff: 'Выключить',
    switchOnModule: (name: string) => `Включить ${name}`,
    switchOffModule: (name: string) => `Выключить ${name}`,
    alwaysOn: 'всегда включён',
  },
});

/** What a module needs and what needs it, by name (what the server's dependency refusals are about). */
const Dependencies = ({ module, all }: { readonly module: ModuleInfo; readonly all: readonly ModuleInfo[] }) => {
  const t = useMessages(messages);
  const nameOf = (slug: string) => all.find((m) => m.slug === slug)?.name ?? slug;
  const dependents = all.filter((m) => m.dependencies.includes(module.slug)).map((m) => m.name);
  return (
    <dl className="dependencies">
      <dt>{t.needs}</dt>
      <dd>{module.dependencies.map(nameOf).join(', ') || t.none}</dd>
      {dependents.length > 0 ? (
        <>
          <dt>{t.neededBy}</dt>
          <dd>{dependents.join(', ')}</dd>
        </>
      ) : null}
    </dl>
  );
};

interface Props {
  readonly module: ModuleInfo;
  readonly all: readonly ModuleInfo[];
  readonly manage: boolean;
  readonly onSettings: (slug: string) => void;
}

/** One module: its dependencies, whether it is on, and switching it; a refusal (its code and text) shows in its row. */
export const ModuleRow = ({ module: m, all, manage, onSettings }: Props) => {
  const t = useMessages(messages);
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: setModuleEnabled,
    onSettled: () => queryClient.invalidateQueries({ queryKey: modulesQuery.queryKey }),
  });
  return (
    <tr>
      <td>
        <strong>{m.name}</strong>
        <br />
        <small>{m.description}</small>
      </td>
      <td>{t[m.kind]}</td>
      <td>
        <Dependencies module={m} all={all} />
      </td>
      <td>{m.enabled ? t.on : t.off}</td>
      {manage ? (
        <td>
          <div className="row">
            {m.settingsSchema ? (
              <button type="button" onClick={() => onSettings(m.slug)} aria-label={t.settingsOf(m.name)}>
                {t.settings}
              </button>
            ) : null}
            {m.kind === 'optional' ? (
              <button
                type="button"
                disabled={toggle.isPending}
                onClick={() => toggle.mutate({ slug: m.slug, enabled: !m.enabled })}
                aria-label={m.enabled ? t.switchOffModule(m.name) : t.switchOnModule(m.name)}
              >
                {m.enabled ? t.switchOff : t.switchOn}
              </button>
            ) : (
              <small>{t.alwaysOn}</small>
            )}
          </div>
          {toggle.error ? <ErrorNotice error={toggle.error} /> : null}
        </td>
      ) : null}
    </tr>
  );
};
