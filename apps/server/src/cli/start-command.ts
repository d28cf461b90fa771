import { parseRoleList, splitRoleList } from '@rustok/kernel';
import { loadKernel } from '../boot.js';
import { startServer } from '../start.js';
import { failWith, progressLine } from './output.js';
import { prepareEmbeddedApart } from './prepare-apart.js';

export interface StartCommandOptions {
  readonly migrate: boolean;
  readonly seed: boolean;
  /** `--roles api,jobs`: what this process runs (over `server.roles`). */
  readonly roles?: string;
  /** `--consumers index.*`: which event consumers it runs (over `server.consumers`; checked with the config). */
  readonly consumers?: string;
}

export const startCommand = async (options: StartCommandOptions): Promise<void> => {
  try {
    const serverOverrides = {
      ...(options.roles === undefined ? {} : { roles: parseRoleList(options.roles, '--roles') }),
      ...(options.consumers === undefined ? {} : { consumers: splitRoleList(options.consumers) }),
    };
    const overrides = Object.keys(serverOverrides).length === 0 ? undefined : { server: serverOverrides };
    if (options.migrate && (await prepareEmbeddedApart(loadKernel({ overrides })))) progressLine('embedded database created and migrated');
    const server = await startServer({
      migrate: options.migrate,
      seed: options.seed,
      progress: progressLine,
      overrides,
      settleMemory: true,
    });
    const roles = server.config.server.roles.join(',');
    process.stderr.write(`RusToK ${server.db.kind === 'pglite' ? '(embedded database) ' : ''}[${roles}] listening on ${server.address}\n`);
  } catch (error) {
    failWith(error);
  }
};
