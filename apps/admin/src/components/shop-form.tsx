import { type InputHTMLAttributes, useId } from 'react';

/** A form's text, trimmed. */
export const textOf = (data: FormData, name: string): string => String(data.get(name) ?? '').trim();

/** A decimal the person typed (a price "12.50", a rate "19.5") in hundredths: minor units, or basis points of a percent. */
export const hundredthsOf = (data: FormData, name: string): number => Math.round(Number(textOf(data, name).replace(',', '.')) * 100);

/** Hundredths back as the decimal a form shows ("1250" → "12.5"). */
export const decimalOf = (hundredths: number | undefined): string => (hundredths === undefined ? '' : String(hundredths / 100));

type CheckProps = InputHTMLAttributes<HTMLInputElement> & { readonly label: string; readonly name: string };

/** A labelled checkbox (its state is the box's own, not a colour). */
export const CheckField = ({ label, ...input }: CheckProps) => {
  const id = useId();
  return (
    <div className="field check">
      <input id={id} type="checkbox" {...input} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
};

/** A date and time the person picked (`datetime-local`, their own time zone) as an instant, or null when left empty. */
export const instantOf = (data: FormData, name: string): string | null => {
  const value = textOf(data, name);
  return value ? new Date(value).toISOString() : null;
};

/** An instant as a `datetime-local` input shows it, in the person's time zone. */
export const localInputOf = (iso: string | null | undefined): string => {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
