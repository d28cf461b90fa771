import type { ReactNode } from 'react';
import { ErrorNotice } from '../error-notice.js';

interface CardProps {
  /** Id of its heading, which names the card's region. */
  readonly id: string;
  readonly title: string;
  readonly children: ReactNode;
}

/** One dashboard card: a region named by its heading. */
export const Card = ({ id, title, children }: CardProps) => (
  <section className="card" aria-labelledby={id} data-testid={id}>
    <h2 id={id}>{title}</h2>
    {children}
  </section>
);

interface LoadingProps {
  readonly error: Error | null;
  readonly loading: boolean;
  /** Shown while the data is on its way. */
  readonly text: string;
}

/** A card's data on its way, or the error that stopped it. */
export const Pending = ({ error, loading, text }: LoadingProps) =>
  error ? (
    <ErrorNotice error={error} />
  ) : loading ? (
    <p role="status" className="hint">
      {text}
    </p>
  ) : null;
