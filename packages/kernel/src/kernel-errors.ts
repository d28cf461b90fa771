import { defineErrors } from './error-catalogue.js';

/** Every error code kernel raises, with its status and title (see defineErrors in @rustok/kernel). */
export const kernelErrors = defineErrors('kernel', {
  AUTH_FORBIDDEN: { status: 403, title: 'Forbidden' },
  AUTH_REQUIRED: { status: 401, title: 'Unauthorized', description: 'A valid access token is needed' },
  CONFIG_INVALID: { status: 500, title: 'Internal server error' },
  ID_INVALID: { status: 400, title: 'Bad request' },
  KERNEL_CORE_DEPENDS_ON_OPTIONAL: { status: 500, title: 'Internal server error' },
  KERNEL_ERROR_CODE_DUPLICATE: { status: 500, title: 'Internal server error' },
  KERNEL_GRAPHQL_UNPROTECTED: { status: 500, title: 'Internal server error' },
  KERNEL_MANIFEST_INVALID: { status: 500, title: 'Internal server error' },
  KERNEL_MANIFEST_MISMATCH: { status: 500, title: 'Internal server error' },
  KERNEL_MODULE_DEPENDENCY_CYCLE: { status: 500, title: 'Internal server error' },
  KERNEL_MODULE_DEPENDENCY_MISSING: { status: 500, title: 'Internal server error' },
  KERNEL_MODULE_DUPLICATE: { status: 500, title: 'Internal server error' },
  KERNEL_MODULE_INVALID: { status: 500, title: 'Internal server error' },
  KERNEL_ROUTE_UNPROTECTED: { status: 500, title: 'Internal server error' },
  TENANT_REQUIRED: { status: 400, title: 'Bad request' },
  VALIDATION_FAILED: { status: 422, title: 'Validation failed' },
});
