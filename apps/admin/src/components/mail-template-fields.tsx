import type { MailTemplateDraft, RenderProblem } from '../api/mail-shapes.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { LabelledInput, LabelledTextarea } from './flex-inputs.js';
import { type MailNames, mailNames } from './mail-messages.js';

const messages = defineMessages({
  en: { textHint: 'Leave empty to have it made from the HTML.' },
  ru: { textHint: 'Оставьте пустым, чтобы он получился из HTML.' },
});

/** A render problem as a field shows it: where in the part (line, column) and why. */
export const whereOf = (n: MailNames, p: RenderProblem): string =>
  [p.line ? n.line(p.line) : '', p.column ? n.column(p.column) : ''].filter(Boolean).join(', ');

const problemsIn = (n: MailNames, problems: readonly RenderProblem[], part: string): string[] | undefined => {
  const found = problems.filter((p) => p.part === part).map((p) => [whereOf(n, p), p.message].filter(Boolean).join(': '));
  return found.length > 0 ? found : undefined;
};

interface Props {
  readonly draft: MailTemplateDraft;
  readonly problems: readonly RenderProblem[];
  readonly readOnly: boolean;
  readonly onChange: (draft: MailTemplateDraft) => void;
}

/** A template's parts: subject and MJML body (Liquid in both) and the optional plain-text part, with render problems at their part. */
export const MailTemplateFields = ({ draft, problems, readOnly, onChange }: Props) => {
  const n = useMessages(mailNames);
  const t = useMessages(messages);
  return (
    <>
      <LabelledInput
        label={n.subject}
        value={draft.subject}
        readOnly={readOnly}
        maxLength={2000}
        errors={problemsIn(n, problems, 'subject')}
        onChange={(e) => onChange({ ...draft, subject: e.target.value })}
      />
      <LabelledTextarea
        label={n.mjml}
        className="code"
        rows={18}
        spellCheck={false}
        value={draft.mjml}
        readOnly={readOnly}
        errors={problemsIn(n, problems, 'mjml')}
        onChange={(e) => onChange({ ...draft, mjml: e.target.value })}
      />
      <LabelledTextarea
        label={n.text}
        className="code"
        rows={6}
        spellCheck={false}
        value={draft.text}
        readOnly={readOnly}
        placeholder={t.textHint}
        errors={problemsIn(n, problems, 'text')}
        onChange={(e) => onChange({ ...draft, text: e.target.value })}
      />
    </>
  );
};
