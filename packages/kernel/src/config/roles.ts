import { kernelErrors } from '../kernel-errors.js';

/**
 * What one server process runs (`server.roles`, `rustok start --roles`): `api` serves HTTP, `relay`
 * moves the outbox onward, `consumers` run the event handlers, `jobs` runs the periodic jobs.
 * Every process runs all four unless told otherwise.
 */
export const PROCESS_ROLES = ['api', 'relay', 'consumers', 'jobs'] as const;

export type ProcessRole = (typeof PROCESS_ROLES)[number];

export type ProcessRoles = Readonly<Record<ProcessRole, boolean>>;

/** `api, jobs` or `[api,jobs]` as a list of names (not checked: the config schema checks them). */
export const splitRoleList = (text: string): string[] =>
  text
    .replace(/^\s*\[|\]\s*$/g, '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');

const isRole = (name: string): name is ProcessRole => (PROCESS_ROLES as readonly string[]).includes(name);

/** A role list given outside the config files (`--roles`): CONFIG_INVALID naming `source` for an unknown or missing role. */
export const parseRoleList = (text: string, source: string): ProcessRole[] => {
  const names = splitRoleList(text);
  const unknown = names.filter((name) => !isRole(name));
  if (unknown.length > 0) {
    const list = unknown.map((name) => `"${name}"`).join(', ');
    throw kernelErrors.CONFIG_INVALID(`${source}: unknown role ${list} (roles: ${PROCESS_ROLES.join(', ')})`);
  }
  if (names.length === 0) throw kernelErrors.CONFIG_INVALID(`${source}: no role given (roles: ${PROCESS_ROLES.join(', ')})`);
  return [...new Set(names.filter(isRole))];
};

/** Which roles a process with this `server.roles` runs. */
export const processRoles = (roles: readonly ProcessRole[]): ProcessRoles => ({
  api: roles.includes('api'),
  relay: roles.includes('relay'),
  consumers: roles.includes('consumers'),
  jobs: roles.includes('jobs'),
});

/**
 * Whether a consumer runs under a `server.consumers` filter: every consumer when the filter is empty;
 * otherwise one named in it, or under a `prefix.*` in it (`index.*` takes `index.products`), or `*`.
 */
export const consumerSelected = (filter: readonly string[], consumer: string): boolean =>
  filter.length === 0 ||
  filter.some((entry) => entry === '*' || entry === consumer || (entry.endsWith('.*') && consumer.startsWith(entry.slice(0, -1))));
