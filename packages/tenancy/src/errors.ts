import { defineErrors } from '@rustok/kernel';

/** Every error code tenancy raises, with its status and title (see defineErrors in @rustok/kernel). */
export const tenancyErrors = defineErrors('tenancy', {
  FEATURE_FLAG_NOT_FOUND: { status: 404, title: 'Not found' },
  MODULE_CORE_CANNOT_BE_DISABLED: { status: 409, title: 'Conflict' },
  MODULE_DEPENDENCY_DISABLED: { status: 409, title: 'Conflict' },
  MODULE_HAS_DEPENDENTS: { status: 409, title: 'Conflict' },
  MODULE_NOT_FOUND: { status: 404, title: 'Not found' },
  MODULE_SETTINGS_INVALID: { status: 422, title: 'Unprocessable content' },
  TENANT_CONFIG_INVALID: { status: 500, title: 'Internal server error' },
  TENANT_DOMAIN_TAKEN: { status: 409, title: 'Conflict' },
  TENANT_IDENTIFIER_INVALID: { status: 400, title: 'Invalid tenant identifier' },
  TENANT_INACTIVE: { status: 403, title: 'Forbidden' },
  TENANT_LOCALES_INVALID: { status: 422, title: 'Validation failed' },
  TENANT_NOT_FOUND: { status: 404, title: 'Not found' },
  TENANT_SLUG_RESERVED: { status: 400, title: 'Reserved tenant slug' },
  TENANT_SLUG_TAKEN: { status: 409, title: 'Conflict' },
});
