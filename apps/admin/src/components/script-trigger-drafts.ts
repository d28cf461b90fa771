import type { TriggerInputDraft, TriggerKind, TriggerView } from '../api/scripting-shapes.js';

/** A trigger as the form edits it: event patterns as typed (comma-separated), the cron text, the writes ticked. */
export interface TriggerRow {
  /** Stable while the form lives (rows are added and removed). */
  readonly key: number;
  readonly kind: TriggerKind;
  readonly eventTypes: string;
  readonly cron: string;
  readonly writes: readonly string[];
}

let nextKey = 0;

export const newTriggerRow = (kind: TriggerKind = 'manual'): TriggerRow => ({ key: nextKey++, kind, eventTypes: '', cron: '', writes: [] });

export const triggerRowsOf = (triggers: readonly TriggerView[]): TriggerRow[] =>
  triggers.map((t) => ({ ...newTriggerRow(t.kind), eventTypes: t.eventTypes.join(', '), cron: t.cron ?? '', writes: t.writes }));

const patternsOf = (text: string): string[] => [
  ...new Set(
    text
      .split(/[\s,]+/)
      .map((p) => p.trim())
      .filter(Boolean),
  ),
];

/** The triggers the rows make (each with the fields of its kind only). */
export const triggersOfRows = (rows: readonly TriggerRow[]): TriggerInputDraft[] =>
  rows.map((r) => ({
    kind: r.kind,
    ...(r.kind === 'event' ? { eventTypes: patternsOf(r.eventTypes) } : {}),
    ...(r.kind === 'cron' ? { cron: r.cron.trim() } : {}),
    ...(r.kind === 'validate' ? { writes: r.writes } : {}),
  }));
