import type { Liquid } from 'liquidjs';

/** What a render knows beyond the template's variables: read by the filters, never by the template itself. */
export interface RenderEnvironment {
  /** BCP 47 tag the mail is written for, e.g. `de-AT`; numbers and dates follow it. */
  readonly locale: string;
  /** IANA time zone dates are shown in; default `UTC`. */
  readonly timeZone: string;
}

type DateStyle = 'short' | 'medium' | 'long' | 'full';
const DATE_STYLES: readonly string[] = ['short', 'medium', 'long', 'full'];

/**
 * An amount in minor units (cents) as the locale writes it: `money(123456, 'EUR', 'de')` is `1.234,56 €`.
 * The currency's own number of decimals is used (JPY has none).
 */
export function formatMoney(minor: unknown, currency: unknown, locale: string): string {
  if (typeof minor !== 'number' || !Number.isInteger(minor)) throw new TypeError(`money: ${String(minor)} is not an integer amount`);
  if (typeof currency !== 'string' || !/^[A-Za-z]{3}$/.test(currency)) throw new TypeError(`money: ${String(currency)} is no currency`);
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency: currency.toUpperCase() });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}

/** A date (ISO string, epoch ms or Date) as the locale writes it, in the given time zone; `time` adds the time of day. */
export function formatDate(value: unknown, env: RenderEnvironment, style: unknown = 'medium', time?: unknown): string {
  const date = value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) throw new TypeError(`date: ${String(value)} is not a date`);
  const dateStyle = asStyle(style, 'date');
  const timeStyle = time === undefined ? undefined : asStyle(time, 'time');
  return new Intl.DateTimeFormat(env.locale, { dateStyle, timeStyle, timeZone: env.timeZone }).format(date);
}

function asStyle(value: unknown, what: string): DateStyle {
  if (typeof value === 'string' && DATE_STYLES.includes(value)) return value as DateStyle;
  throw new TypeError(`date: ${what} style must be one of ${DATE_STYLES.join(', ')}`);
}

/** Registers `money` and `date` (replacing LiquidJS's strftime `date`); both read the render's environment. */
export function registerFilters(engine: Liquid): void {
  engine.registerFilter('money', function (this: { context: { globals: object } }, minor: unknown, currency: unknown) {
    return formatMoney(minor, currency, environmentOf(this.context.globals).locale);
  });
  engine.registerFilter('date', function (this: { context: { globals: object } }, value: unknown, style?: unknown, time?: unknown) {
    return formatDate(value, environmentOf(this.context.globals), style, time);
  });
}

const ENV = Symbol.for('rustok.mail.environment');

/** The render's globals: the environment hidden under a symbol, so no template variable can reach or replace it. */
export function environmentGlobals(env: RenderEnvironment): object {
  return { [ENV]: env };
}

function environmentOf(globals: object): RenderEnvironment {
  const env = (globals as { [ENV]?: RenderEnvironment })[ENV];
  if (!env) throw new Error('mail filters used outside a mail render');
  return env;
}
