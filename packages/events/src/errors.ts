import { defineErrors } from '@rustok/kernel';

/** Every error code events raises, with its status and title (see defineErrors in @rustok/kernel). */
export const eventsErrors = defineErrors('events', {
  EVENTS_BACKPRESSURE: { status: 503, title: 'Service unavailable' },
  EVENTS_DEAD_LETTER_NOT_FOUND: { status: 404, title: 'Not found' },
  EVENTS_NATS_NOT_CONFIGURED: { status: 500, title: 'Internal server error' },
  EVENTS_REPLAY_FAILED: { status: 409, title: 'Conflict' },
  EVENTS_STREAM_CONFLICT: { status: 409, title: 'Conflict' },
  EVENT_DUPLICATE_DECLARATION: { status: 500, title: 'Internal server error' },
  EVENT_INVALID: { status: 422, title: 'Unprocessable content' },
  EVENT_UNKNOWN_TYPE: { status: 422, title: 'Unprocessable content' },
});
