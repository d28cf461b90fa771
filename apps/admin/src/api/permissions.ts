import type { Me } from './auth.js';

/** Whether the user's effective permissions include this one (`*` is the platform administrator's). The server still decides. */
export const can = (me: Pick<Me, 'permissions'>, permission: string): boolean =>
  me.permissions.includes('*') || me.permissions.includes(permission);
