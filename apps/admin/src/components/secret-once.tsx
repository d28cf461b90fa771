import { type ReactNode, useId, useState } from 'react';

/** What a secret's panel says (each caller's own words: a signing secret, an access token). */
export interface SecretOnceTexts {
  readonly title: string;
  readonly once: string;
  readonly copy: string;
  readonly copied: string;
  readonly notCopied: string;
}

type Copied = 'no' | 'yes' | 'refused';

/**
 * A secret shown this once: the text itself (selectable), a copy button, the warning that it is not
 * shown again, and whatever else the caller puts in the row (e.g. a button that hides it).
 */
export const SecretOnce = (props: {
  readonly secret: string;
  readonly texts: SecretOnceTexts;
  readonly testId: string;
  readonly children?: ReactNode;
}) => {
  const { secret, texts: t } = props;
  const id = useId();
  const [copied, setCopied] = useState<Copied>('no');
  const copy = () =>
    navigator.clipboard.writeText(secret).then(
      () => setCopied('yes'),
      () => setCopied('refused'),
    );
  return (
    <section className="secret-once" aria-labelledby={id}>
      <h2 id={id}>{t.title}</h2>
      <p>
        <strong>{t.once}</strong>
      </p>
      <p>
        <code data-testid={props.testId}>{secret}</code>
      </p>
      <div className="row">
        <button type="button" onClick={() => void copy()}>
          {t.copy}
        </button>
        {props.children}
        {copied === 'no' ? null : <span role="status">{copied === 'yes' ? t.copied : t.notCopied}</span>}
      </div>
    </section>
  );
};
