export { type AllowEntry, isPublicAddress, parseAllowlist } from './address.js';
export {
  AddressRefused,
  createOutboundGuard,
  type OutboundGuard,
  type OutboundPolicy,
  type Refusal,
  type RefusalReason,
  type ResolvedAddress,
  type Resolver,
} from './guard.js';
export {
  createOutbound,
  type Outbound,
  type OutboundFailure,
  type OutboundRequest,
  type OutboundResponse,
  type OutboundResult,
} from './send.js';
export {
  type AttemptOutcome,
  attemptWebhook,
  newWebhookSecret,
  nextAttemptAt,
  outcomeOf,
  RETRY_DELAYS_MS,
  signatureHeaders,
  type WebhookAttempt,
  type WebhookMessage,
} from './webhook.js';
