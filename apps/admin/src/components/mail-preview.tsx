import type { MailPreviewView, RenderProblem } from '../api/mail-shapes.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { mailNames, partNameOf } from './mail-messages.js';
import { whereOf } from './mail-template-fields.js';

const messages = defineMessages({
  en: {
    title: 'Preview',
    hint: 'Rendered with sample data as you type.',
    rendering: 'Rendering…',
    html: 'The mail as HTML',
    text: 'Plain-text part',
    broken: 'The template does not render:',
  },
  ru: {
    title: 'Предпросмотр',
    hint: 'Письмо с примерными данными, обновляется по мере ввода.',
    rendering: 'Обновляется…',
    html: 'Письмо в HTML',
    text: 'Простой текст',
    broken: 'Шаблон не отображается:',
  },
});

interface Props {
  readonly preview: MailPreviewView | undefined;
  readonly problems: readonly RenderProblem[];
  readonly rendering: boolean;
}

/**
 * The rendered mail: its subject, the HTML in a frame that may run nothing and reach nothing of the
 * admin (`sandbox=""`), and the text part; or where the template breaks.
 */
export const MailPreview = ({ preview, problems, rendering }: Props) => {
  const t = useMessages(messages);
  const n = useMessages(mailNames);
  return (
    <section aria-labelledby="mail-preview" className="mail-preview" aria-busy={rendering}>
      <h2 id="mail-preview">{t.title}</h2>
      <p className="hint">{rendering ? t.rendering : t.hint}</p>
      {problems.length > 0 ? (
        <div className="error" role="alert">
          <p>{t.broken}</p>
          <ul>
            {problems.map((p) => (
              <li key={`${p.part} ${p.line} ${p.column}`} data-testid="render-problem">
                {[partNameOf(n, p.part), whereOf(n, p)].filter(Boolean).join(', ')}: {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {preview && problems.length === 0 ? (
        <>
          <p>
            {n.subject}: <strong data-testid="preview-subject">{preview.subject}</strong>
          </p>
          <iframe title={t.html} sandbox="" srcDoc={preview.html} className="mail-frame" data-testid="preview-html" />
          <h3>{t.text}</h3>
          <pre className="mail-text" data-testid="preview-text">
            {preview.text}
          </pre>
        </>
      ) : null}
    </section>
  );
};
