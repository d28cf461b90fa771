import { inTenant, requirePermission } from '@rustok/api';
import { parseInput } from '@rustok/kernel';
import type { NotificationsContext } from '../context.js';
import { notificationsErrors } from '../errors.js';
import { availableKinds } from '../inbox/kinds.js';
import { type InboxSettings, InboxSettingsInput } from '../schemas-inbox.js';
import { choiceOf, type KindChoice, type KindChoices, loadKindChoices, saveKindChoices } from '../store/inbox-settings.js';

const MANAGE = 'notifications.inbox.manage';

const settingsOf = (ctx: NotificationsContext, choices: KindChoices): InboxSettings => ({
  kinds: availableKinds(ctx.eventTypes).map((k) => ({
    kind: k.kind,
    description: k.description,
    eventType: k.eventType,
    ...choiceOf(choices, k),
    defaultPermission: k.defaultPermission,
  })),
});

/** GET /notifications/inbox/settings: every kind of notice the deployment makes, on or off, and who receives it. */
export const getInboxSettings = (ctx: NotificationsContext): Promise<InboxSettings> => {
  requirePermission(ctx.actor, MANAGE);
  return inTenant(ctx, async (w) => settingsOf(ctx, await loadKindChoices(w.tx)));
};

/** The choices of a PUT body: known kinds only (422 otherwise), each to a permission the deployment declares. */
const choicesOf = (ctx: NotificationsContext, input: InboxSettingsInput): KindChoices => {
  const kinds = availableKinds(ctx.eventTypes);
  const out: Record<string, KindChoice> = {};
  for (const [i, entry] of input.kinds.entries()) {
    const kind = kinds.find((k) => k.kind === entry.kind);
    if (!kind) throw notificationsErrors.NOTIFICATIONS_KIND_UNKNOWN(`/kinds/${i}/kind: no notice of kind ${entry.kind} here`);
    const permission = entry.permission ?? kind.defaultPermission;
    if (!ctx.permissions.includes(permission)) {
      throw notificationsErrors.NOTIFICATIONS_PERMISSION_UNKNOWN(`/kinds/${i}/permission: no module declares ${permission}`);
    }
    out[kind.kind] = { enabled: entry.enabled, permission };
  }
  return out;
};

/** PUT /notifications/inbox/settings: replaces the tenant's choices whole (a kind not listed is on, to its default recipients). */
export const putInboxSettings = (ctx: NotificationsContext, raw: InboxSettingsInput): Promise<InboxSettings> => {
  requirePermission(ctx.actor, MANAGE);
  const choices = choicesOf(ctx, parseInput(InboxSettingsInput, raw) as InboxSettingsInput);
  return inTenant(ctx, async (w) => {
    await saveKindChoices(w.tx, choices);
    return settingsOf(ctx, choices);
  });
};
