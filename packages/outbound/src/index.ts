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
