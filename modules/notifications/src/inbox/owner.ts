import { kernelErrors } from '@rustok/kernel';
import type { NotificationsContext } from '../context.js';

/** Whose inbox a call reads: the caller's own, whatever their role (401 without a user). */
export const inboxOwnerOf = (ctx: NotificationsContext): string => {
  const { userId } = ctx.actor;
  if (!userId) throw kernelErrors.AUTH_REQUIRED('An inbox belongs to a signed-in user');
  return userId;
};
