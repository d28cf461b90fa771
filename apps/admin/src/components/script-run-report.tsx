import type { RunReportView } from '../api/scripting-shapes.js';
import { useFormat } from '../i18n/format.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: {
    dry: 'Dry run: nothing was written, sent or logged.',
    real: 'Run: logged in the history below.',
    ok: 'Succeeded',
    failed: 'Failed',
    atLine: (line: number) => `at line ${line}`,
    output: 'Output',
    log: 'Log',
    logTruncated: 'The log was cut at its limit.',
    calls: 'Recorded calls',
    call: 'Call',
    args: 'Arguments',
    performed: 'Performed',
    yes: 'yes',
    no: 'no (dry run)',
    budget: 'Budget',
    duration: 'Duration, ms',
    cpu: 'CPU, ms',
    memory: 'Memory, bytes',
    callCount: 'Host calls',
  },
  ru: {
    dry: 'Пробный запуск: ничего не записано, не отправлено и не попало в журнал.',
    real: 'Запуск: он записан в историю ниже.',
    ok: 'Успешно',
    failed: 'Ошибка',
    atLine: (line: number) => `в строке ${line}`,
    output: 'Результат',
    log: 'Журнал',
    logTruncated: 'Журнал обрезан по лимиту.',
    calls: 'Записанные вызовы',
    call: 'Вызов',
    args: 'Аргументы',
    performed: 'Выполнен',
    yes: 'да',
    no: 'нет (пробный запуск)',
    budget: 'Бюджет',
    duration: 'Длительность, мс',
    cpu: 'Процессор, мс',
    memory: 'Память, байт',
    callCount: 'Вызовов платформы',
  },
});

const json = (value: unknown): string => JSON.stringify(value, null, 2) ?? 'undefined';

const Budget = ({ report: r }: { readonly report: RunReportView }) => {
  const t = useMessages(messages);
  const f = useFormat();
  return (
    <>
      <h3>{t.budget}</h3>
      <dl className="facts">
        <dt>{t.duration}</dt>
        <dd data-testid="run-duration">{f.number(r.durationMs)}</dd>
        <dt>{t.cpu}</dt>
        <dd data-testid="run-cpu">{f.number(r.cpuMs)}</dd>
        <dt>{t.memory}</dt>
        <dd data-testid="run-memory">{f.number(r.memoryBytes)}</dd>
        <dt>{t.callCount}</dt>
        <dd data-testid="run-calls">{f.number(r.calls)}</dd>
      </dl>
    </>
  );
};

const Calls = ({ report: r }: { readonly report: RunReportView }) => {
  const t = useMessages(messages);
  return (
    <table aria-label={t.calls}>
      <thead>
        <tr>
          <th scope="col">{t.call}</th>
          <th scope="col">{t.args}</th>
          <th scope="col">{t.performed}</th>
        </tr>
      </thead>
      <tbody>
        {r.recordedCalls.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: calls are in the order they were made
          <tr key={i} data-testid="recorded-call">
            <td>
              <code>{c.name}</code>
            </td>
            <td>
              <code>{JSON.stringify(c.args)}</code>
            </td>
            <td>{c.performed ? t.yes : t.no}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

/** How a run went: ok or its error (code, message, line), the output, the log, the host calls and the budget used. */
export const ScriptRunReport = ({ report: r }: { readonly report: RunReportView }) => {
  const t = useMessages(messages);
  return (
    <section className="run-report" aria-label={r.dryRun ? t.dry : t.real} data-testid="run-report">
      <p role="status">
        <strong data-testid="run-outcome">{r.ok ? t.ok : t.failed}</strong> {r.dryRun ? t.dry : t.real}
      </p>
      {r.ok ? null : (
        <p data-testid="run-error">
          <code>{r.errorCode}</code> {r.errorMessage}
          {r.errorLine === null ? null : ` (${t.atLine(r.errorLine)})`}
        </p>
      )}
      {r.ok ? (
        <>
          <h3>{t.output}</h3>
          <pre className="payload" data-testid="run-output">
            {json(r.output)}
          </pre>
        </>
      ) : null}
      {r.log.length > 0 ? (
        <>
          <h3>{t.log}</h3>
          <pre className="payload" data-testid="run-log">
            {r.log.map((l) => `[${l.level}] ${l.text}`).join('\n')}
          </pre>
          {r.logTruncated ? <p className="hint">{t.logTruncated}</p> : null}
        </>
      ) : null}
      {r.recordedCalls.length > 0 ? <Calls report={r} /> : null}
      <Budget report={r} />
    </section>
  );
};
