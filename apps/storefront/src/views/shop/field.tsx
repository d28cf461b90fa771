/** A labelled form field whose error (if any) sits next to it and is announced with it. */
export interface FieldProps {
  readonly name: string;
  readonly label: string;
  readonly value?: string | undefined;
  readonly error?: string | undefined;
  readonly type?: 'text' | 'email' | 'password' | 'tel' | 'number';
  readonly autocomplete?: string;
  readonly required?: boolean;
  readonly maxLength?: number;
}

/** The id of a field's element (form names may hold characters ids should not). */
export const fieldId = (name: string): string => `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

export const Field = (props: FieldProps) => {
  const id = fieldId(props.name);
  const errorId = `${id}-error`;
  return (
    <p class="field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        // Preact's input types are a union by `type`; every one given here takes the same attributes.
        type={(props.type ?? 'text') as 'text'}
        value={props.type === 'password' ? undefined : (props.value ?? '')}
        autocomplete={props.autocomplete}
        required={props.required}
        maxLength={props.maxLength}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? errorId : undefined}
      />
      {props.error ? (
        <span class="error" id={errorId}>
          {props.error}
        </span>
      ) : null}
    </p>
  );
};

/** A message at the top of a form (role=alert so it is read out after a post). */
export const FormAlert = ({ text }: { text?: string | undefined }) =>
  text ? (
    <p class="error" role="alert">
      {text}
    </p>
  ) : null;
