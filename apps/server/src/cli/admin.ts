import { bootPlatform } from '../boot.js';
import { serverErrors } from '../errors.js';
import { createPlatformAdmin } from '../platform/admin.js';
import { failWith } from './output.js';

/** Creates a platform administrator (super_admin) in the default tenant. */
export const adminCreate = async (options: { email?: string; password?: string }): Promise<void> => {
  const email = options.email ?? process.env.RUSTOK_ADMIN_EMAIL;
  const password = options.password ?? process.env.RUSTOK_ADMIN_PASSWORD;
  if (!email || !password) {
    failWith(
      serverErrors.CLI_ARGUMENT_MISSING('admin create needs --email and --password (or RUSTOK_ADMIN_EMAIL / RUSTOK_ADMIN_PASSWORD)'),
    );
    return;
  }
  try {
    const platform = await bootPlatform();
    try {
      await platform.app.ready();
      const user = await createPlatformAdmin(platform.access.auth, platform.defaultTenant().id, { email, password });
      process.stdout.write(`platform administrator ${user.email} created (id ${user.id}) in tenant ${platform.defaultTenant().slug}\n`);
    } finally {
      await platform.app.close();
    }
  } catch (error) {
    failWith(error);
  }
};
