import { rotateSigningKey } from '@rustok/auth';
import type { Command } from 'commander';
import { loadKernel, openKernelDatabase } from '../boot.js';
import { failWith, table } from './output.js';

interface KeyRow extends Record<string, unknown> {
  kid: string;
  created_at: Date;
  retired_at: Date | null;
}

/** `rustok auth rotate-keys`: a new signing key; the keys it replaces keep verifying until their tokens expire. */
const rotateKeys = async (): Promise<void> => {
  try {
    const kernel = loadKernel();
    const { db } = await openKernelDatabase(kernel);
    try {
      const kid = await rotateSigningKey(db, kernel.config.auth);
      const { rows } = await db.query<KeyRow>(
        'SELECT kid, created_at, retired_at FROM sys_signing_keys WHERE retired_at IS NULL OR retired_at > now() ORDER BY created_at DESC',
      );
      const state = (row: KeyRow) => (row.kid === kid ? 'signing' : `verifies until ${new Date(row.retired_at ?? 0).toISOString()}`);
      process.stdout.write(`new signing key ${kid}\n`);
      process.stdout.write(
        `${table([['KID', 'CREATED', 'STATE'], ...rows.map((r) => [r.kid, new Date(r.created_at).toISOString(), state(r)])])}\n`,
      );
    } finally {
      await db.close();
    }
  } catch (error) {
    failWith(error);
  }
};

/** `rustok auth …`: operator commands of the identity layer. */
export const registerAuthCommands = (program: Command): void => {
  const auth = program.command('auth').description('identity and access');
  auth
    .command('rotate-keys')
    .description('create a new signing key; older keys keep verifying until the tokens they signed have expired')
    .action(rotateKeys);
};
