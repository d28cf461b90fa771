import { useQuery } from '@tanstack/react-query';
import { type HealthStatus, moduleHealthQuery } from '../../api/dashboard.js';
import { defineMessages, useMessages } from '../../i18n/messages.js';
import { Card, Pending } from './card.js';

const messages = defineMessages({
  en: {
    title: 'Module health',
    loading: 'Checking the modules…',
    module: 'Module',
    status: 'Status',
    ok: 'OK',
    degraded: 'Degraded',
    unavailable: 'Unavailable',
  },
  ru: {
    title: 'Состояние модулей',
    loading: 'Проверяем модули…',
    module: 'Модуль',
    status: 'Состояние',
    ok: 'В порядке',
    degraded: 'Работает с ограничениями',
    unavailable: 'Недоступен',
  },
});

/** Each registered module and the worst of its health checks (with their reasons when not OK). */
export const ModuleHealthCard = () => {
  const t = useMessages(messages);
  const health = useQuery(moduleHealthQuery);
  const label = (s: HealthStatus): string => t[s];
  return (
    <Card id="dashboard-health" title={t.title}>
      {health.data ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.module}</th>
              <th scope="col">{t.status}</th>
            </tr>
          </thead>
          <tbody>
            {health.data.map((m) => (
              <tr key={m.slug}>
                <td>{m.slug}</td>
                <td className={`health-${m.status}`}>
                  {label(m.status)}
                  {m.checks
                    .filter((c) => c.status !== 'ok')
                    .map((c) => (
                      <small key={c.name}>
                        <br />
                        {c.name}: {c.reason ?? label(c.status)}
                      </small>
                    ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <Pending error={health.error} loading={health.isPending} text={t.loading} />
      )}
    </Card>
  );
};
