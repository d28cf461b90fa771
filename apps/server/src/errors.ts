import { defineErrors } from '@rustok/kernel';

/** Every error code server raises, with its status and title (see defineErrors in @rustok/kernel). */
export const serverErrors = defineErrors('server', {
  CLI_ARGUMENT_MISSING: { status: 400, title: 'Bad request' },
  CLI_COMMAND_CONFLICT: { status: 500, title: 'Internal server error' },
  CLI_MODULE_EXISTS: { status: 409, title: 'Conflict' },
  CLI_MODULE_SLUG_INVALID: { status: 400, title: 'Bad request' },
  CLI_PROJECT_NOT_FOUND: { status: 400, title: 'Bad request' },
});
