import type { SqlRunner } from '@rustok/kernel';
import type { InboxKind } from '../inbox/kinds.js';

/** A tenant's choice for one kind; a kind it never chose is on, to the kind's default recipients. */
export interface KindChoice {
  readonly enabled: boolean;
  readonly permission: string;
}
export type KindChoices = Readonly<Record<string, KindChoice>>;

/** The tenant's choices (row-level security: the transaction's tenant), by kind. */
export const loadKindChoices = async (tx: SqlRunner): Promise<KindChoices> =>
  (await tx.query<{ kinds: KindChoices }>('SELECT kinds FROM notifications_inbox_settings')).rows[0]?.kinds ?? {};

export const saveKindChoices = async (tx: SqlRunner, kinds: KindChoices): Promise<void> => {
  await tx.query(
    `INSERT INTO notifications_inbox_settings (kinds) VALUES ($1)
     ON CONFLICT (tenant_id) DO UPDATE SET kinds = EXCLUDED.kinds, updated_at = now()`,
    [JSON.stringify(kinds)],
  );
};

/** What applies to a kind: the tenant's choice, or on to its default recipients. */
export const choiceOf = (choices: KindChoices, kind: InboxKind): KindChoice =>
  (Object.hasOwn(choices, kind.kind) ? choices[kind.kind] : undefined) ?? { enabled: true, permission: kind.defaultPermission };
