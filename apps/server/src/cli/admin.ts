import { AppError } from '@rustok/kernel';
import { loadKernel } from '../boot.js';
import { failWith } from './output.js';

/**
 * Creates the platform admin. Users and roles belong to the identity layer; until a module that
 * owns users is built in, the command validates its input and refuses with a coded error.
 */
export const adminCreate = (options: { email?: string; password?: string }): void => {
  const email = options.email ?? process.env.RUSTOK_ADMIN_EMAIL;
  const password = options.password ?? process.env.RUSTOK_ADMIN_PASSWORD;
  try {
    if (!email || !password) {
      throw new AppError(
        'CLI_ARGUMENT_MISSING',
        'admin create needs --email and --password (or RUSTOK_ADMIN_EMAIL / RUSTOK_ADMIN_PASSWORD)',
        {
          status: 400,
        },
      );
    }
    const { registry } = loadKernel({ overrides: { logger: { level: 'silent' } } });
    if (!registry.get('auth')) {
      throw new AppError(
        'CLI_IDENTITY_NOT_INSTALLED',
        'no identity module (auth) is built into this deployment, so there are no users to create',
        {
          status: 501,
        },
      );
    }
  } catch (error) {
    failWith(error);
  }
};
