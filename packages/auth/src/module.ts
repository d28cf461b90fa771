import { defineModule } from '@rustok/kernel';
import { authErrors } from './errors.js';
import { authEvents } from './events.js';
import { authGraphQL } from './graphql/index.js';
import { accountsGraphQL } from './graphql-accounts.js';
import { authMigrations } from './migrations.js';
import { authRoutes } from './routes.js';

/** Users, roles and tokens of every tenant, as a platform module. */
export const authModule = defineModule({
  slug: 'auth',
  name: 'Identity and access',
  description: 'Users, argon2id passwords, JWT access tokens with key rotation, refresh-token families, roles and permissions',
  version: '0.1.0',
  kind: 'core',
  errors: [authErrors],
  dependencies: ['tenancy'],
  permissions: ['auth.users.read', 'auth.users.manage', 'auth.roles.manage', 'auth.access_tokens.create', 'auth.access_tokens.manage'],
  migrations: authMigrations,
  events: { emits: authEvents },
  rest: authRoutes,
  graphql: (builder) => {
    authGraphQL(builder);
    accountsGraphQL(builder);
  },
});
