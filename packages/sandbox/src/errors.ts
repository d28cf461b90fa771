import { defineErrors } from '@rustok/kernel';

/**
 * Every code a script run can fail with, with its status and title (see defineErrors in
 * @rustok/kernel). The sandbox returns them as values (`{ ok: false, code }`); a module that runs
 * scripts for a request raises them with `sandboxErrors[code](message)`.
 */
export const sandboxErrors = defineErrors('sandbox', {
  SCRIPT_TIMEOUT: { status: 422, title: 'Unprocessable content', description: 'The script ran past its CPU or wall-time budget.' },
  SCRIPT_MEMORY_LIMIT: { status: 422, title: 'Unprocessable content', description: 'The script ran out of its memory budget.' },
  SCRIPT_STACK_LIMIT: { status: 422, title: 'Unprocessable content', description: 'The script recursed past its stack budget.' },
  SCRIPT_ERROR: { status: 422, title: 'Unprocessable content', description: 'The script threw an exception it did not catch.' },
  SCRIPT_SYNTAX: { status: 422, title: 'Unprocessable content', description: 'The script does not parse.' },
  SCRIPT_CALL_LIMIT: { status: 422, title: 'Unprocessable content', description: 'The script made more host calls than its budget.' },
  SCRIPT_OUTPUT_INVALID: {
    status: 422,
    title: 'Unprocessable content',
    description: 'The script returned a value that is not JSON or is larger than its budget.',
  },
  SCRIPT_BUSY: { status: 429, title: 'Too many requests', description: 'Too many runs of this tenant are running or waiting.' },
  SCRIPT_CPU_BUDGET: {
    status: 429,
    title: 'Too many requests',
    description: "The tenant's scripts have spent their CPU time for the last minute; runs start again as it renews.",
  },
  SCRIPT_CRASHED: { status: 500, title: 'Internal server error', description: 'The worker running the script failed.' },
});
