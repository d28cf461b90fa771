import { defineErrors } from '@rustok/kernel';

/** Every error code api raises, with its status and title (see defineErrors in @rustok/kernel). */
export const apiErrors = defineErrors('api', {
  DATA_CONCURRENT_UPDATE: {
    status: 409,
    title: 'Conflict',
    description: 'The record was changed by another request at the same time; retry',
  },
  DATA_CONSTRAINT_VIOLATED: { status: 422, title: 'Validation failed', description: 'A value breaks a rule of the stored data' },
  DATA_DUPLICATE: { status: 409, title: 'Conflict', description: 'A record with the same unique value already exists' },
  DATA_INVALID_VALUE: {
    status: 422,
    title: 'Validation failed',
    description: 'A value has the wrong form or is out of range for its field',
  },
  DATA_REFERENCE_NOT_FOUND: { status: 404, title: 'Not found', description: 'A record this change refers to does not exist (any more)' },
  DATA_STILL_REFERENCED: { status: 409, title: 'Conflict', description: 'The record is still referred to by other records' },
  EVENT_TYPE_NOT_FOUND: {
    status: 404,
    title: 'Not found',
    description: 'No module of this deployment publishes that event type in that schema version',
  },
  GRAPHQL_BAD_REQUEST: { status: 400, title: 'Bad request' },
  GRAPHQL_FIELD_NOT_FOUND: { status: 404, title: 'Not found' },
  GRAPHQL_TOO_COMPLEX: {
    status: 400,
    title: 'Bad request',
    description: 'The query is more complex than graphql.max_complexity allows (GraphQL extensions.code)',
  },
  GRAPHQL_TOO_DEEP: {
    status: 400,
    title: 'Bad request',
    description: 'The query nests deeper than graphql.max_depth allows (GraphQL extensions.code)',
  },
  GRAPHQL_METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed' },
  INTERNAL_ERROR: { status: 500, title: 'Internal server error' },
  PERSISTED_QUERY_NOT_FOUND: { status: 404, title: 'Not found' },
  PERSISTED_QUERY_NOT_IN_LIST: { status: 403, title: 'Forbidden' },
  PERSISTED_QUERY_NOT_SUPPORTED: { status: 400, title: 'Bad request' },
  RATE_LIMITED: { status: 429, title: 'Too many requests' },
  REQUEST_BAD_URL: { status: 400, title: 'Bad request' },
  REQUEST_MALFORMED: { status: 400, title: 'Bad request' },
  REQUEST_PARAM_TOO_LONG: { status: 414, title: 'URI too long' },
  REQUEST_TOO_LARGE: { status: 413, title: 'Payload too large' },
  REQUEST_UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type' },
  ROUTE_NOT_FOUND: { status: 404, title: 'Not found' },
});
