import { type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes, useId } from 'react';

/** What the server said of this input (a 422's field errors at its path), read out with it. */
const Problems = ({ id, errors }: { readonly id: string; readonly errors?: readonly string[] }) =>
  errors && errors.length > 0 ? (
    <small id={id} className="field-error" data-testid="field-error">
      {errors.join('; ')}
    </small>
  ) : null;

const described = (id: string, errors?: readonly string[]): { 'aria-invalid'?: true; 'aria-describedby'?: string } =>
  errors && errors.length > 0 ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {};

type InputProps = InputHTMLAttributes<HTMLInputElement> & {
  readonly label: string;
  readonly errors?: readonly string[];
  /** Read out with the input (after its problems). */
  readonly hint?: string;
};

/** A labelled input with the server's problems of it (and its hint). */
export const LabelledInput = ({ label, errors, hint, ...input }: InputProps) => {
  const id = useId();
  const problems = described(id, errors);
  const describedBy = [problems['aria-describedby'], hint ? `${id}-hint` : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} {...problems} aria-describedby={describedBy} {...input} />
      <Problems id={`${id}-error`} errors={errors} />
      {hint ? (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      ) : null}
    </div>
  );
};

type AreaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & { readonly label: string; readonly errors?: readonly string[] };

export const LabelledTextarea = ({ label, errors, ...area }: AreaProps) => {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} {...described(id, errors)} {...area} />
      <Problems id={`${id}-error`} errors={errors} />
    </div>
  );
};

type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & {
  readonly label: string;
  readonly errors?: readonly string[];
  readonly children: ReactNode;
};

export const LabelledSelect = ({ label, errors, children, ...select }: SelectProps) => {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} {...described(id, errors)} {...select}>
        {children}
      </select>
      <Problems id={`${id}-error`} errors={errors} />
    </div>
  );
};

type CheckProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & { readonly label: string; readonly errors?: readonly string[] };

/** A checkbox with its label after it. */
export const Checkbox = ({ label, errors, ...input }: CheckProps) => {
  const id = useId();
  return (
    <div className="field check">
      <input id={id} type="checkbox" {...described(id, errors)} {...input} />
      <label htmlFor={id}>{label}</label>
      <Problems id={`${id}-error`} errors={errors} />
    </div>
  );
};
