/**
 * A small five-field cron matcher (minute hour day-of-month month day-of-week): `*`, numbers,
 * ranges `a-b`, lists `a,b` and steps `*\/n` / `a-b/n`; day-of-week 0-7 (0 and 7 are Sunday). As in
 * cron, when both day fields are restricted a day matches either.
 */
const RANGES: readonly (readonly [number, number])[] = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 7],
];

const parsePart = (part: string, [lo, hi]: readonly [number, number]): number[] => {
  const [range = '', stepText] = part.split('/');
  const step = stepText === undefined ? 1 : Number(stepText);
  const [from, to] =
    range === '*' ? [lo, hi] : range.includes('-') ? range.split('-').map(Number) : [Number(range), stepText ? hi : Number(range)];
  if (
    ![from, to, step].every((n) => Number.isInteger(n)) ||
    step < 1 ||
    (from as number) < lo ||
    (to as number) > hi ||
    (from as number) > (to as number)
  ) {
    throw new Error(`"${part}" is not valid here (allowed ${lo}-${hi})`);
  }
  const out: number[] = [];
  for (let v = from as number; v <= (to as number); v += step) out.push(v);
  return out;
};

export interface CronSchedule {
  matches(date: Date): boolean;
}

/** Parses a cron expression; throws an Error naming the bad field. */
export const parseCron = (expression: string): CronSchedule => {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) throw new Error(`"${expression}" needs 5 fields (minute hour day month weekday)`);
  const sets = fields.map((f, i) => new Set(f.split(',').flatMap((part) => parsePart(part, RANGES[i] as readonly [number, number]))));
  const [minutes, hours, days, months, weekdays] = sets as [Set<number>, Set<number>, Set<number>, Set<number>, Set<number>];
  if (weekdays.has(7)) weekdays.add(0);
  const dayRestricted = fields[2] !== '*';
  const weekdayRestricted = fields[4] !== '*';
  return {
    matches(date) {
      if (!minutes.has(date.getMinutes()) || !hours.has(date.getHours()) || !months.has(date.getMonth() + 1)) return false;
      const byDay = days.has(date.getDate());
      const byWeekday = weekdays.has(date.getDay());
      if (dayRestricted && weekdayRestricted) return byDay || byWeekday;
      return byDay && byWeekday;
    },
  };
};
