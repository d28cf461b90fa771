import { defineErrors } from '@rustok/kernel';

/** Every error code notifications raises, with its status and title (see defineErrors in @rustok/kernel). */
export const notificationsErrors = defineErrors('notifications', {
  NOTIFICATIONS_ENDPOINT_NOT_FOUND: { status: 404, title: 'Not found' },
  NOTIFICATIONS_DELIVERY_NOT_FOUND: { status: 404, title: 'Not found' },
  NOTIFICATIONS_URL_REFUSED: { status: 422, title: 'Webhook URL not allowed' },
  NOTIFICATIONS_EVENT_TYPE_UNKNOWN: { status: 422, title: 'Unknown event type' },
  NOTIFICATIONS_HEADER_REFUSED: { status: 422, title: 'Header not allowed' },
  NOTIFICATIONS_TOO_MANY_ENDPOINTS: { status: 409, title: 'Too many endpoints' },
  NOTIFICATIONS_TEMPLATE_NOT_FOUND: { status: 404, title: 'Not found' },
  NOTIFICATIONS_TEMPLATE_INVALID: { status: 422, title: 'The template does not render' },
  NOTIFICATIONS_MAIL_NOT_CONFIGURED: { status: 409, title: 'No mail server configured' },
  NOTIFICATIONS_NOTIFICATION_NOT_FOUND: { status: 404, title: 'Not found' },
  NOTIFICATIONS_KIND_UNKNOWN: { status: 422, title: 'Unknown notification kind' },
  NOTIFICATIONS_PERMISSION_UNKNOWN: { status: 422, title: 'Unknown permission' },
});
