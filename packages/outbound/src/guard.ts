import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import { type AllowEntry, isPublicAddress, parseAllowlist } from './address.js';

/** One answer of a name lookup. */
export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/** Resolves a host name to its addresses (the system resolver by default; tests pass a stub). */
export type Resolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

/** Why a request to a URL was not made. */
export type RefusalReason = 'url' | 'scheme' | 'credentials' | 'address' | 'unresolved';

export interface Refusal {
  readonly ok: false;
  readonly reason: RefusalReason;
  readonly detail: string;
}

export interface OutboundPolicy {
  /** Networks reachable although not public (development and tests only): CIDRs or single addresses. */
  readonly allow?: readonly AllowEntry[];
  readonly resolve?: Resolver;
}

const systemResolver: Resolver = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

const refusal = (reason: RefusalReason, detail: string): Refusal => ({ ok: false, reason, detail });

/** Raised inside a connection's lookup: the connection is never opened. */
export class AddressRefused extends Error {
  readonly code = 'OUTBOUND_ADDRESS_REFUSED';
}

const hostOf = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, '$1');

/**
 * The SSRF guard for requests to URLs a tenant supplied. `checkUrl` refuses what can be told from the
 * URL alone (not http(s), credentials in it, a literal address that is not public). `lookup` is the
 * connection's own name lookup: every address the name resolves to must be public (or allowlisted),
 * and the connection goes to the address that was checked, so a name that changes its answer between a
 * check and the connect (DNS rebinding) cannot slip through: there is no earlier check to trust.
 */
export const createOutboundGuard = (policy: OutboundPolicy = {}) => {
  const allow = parseAllowlist(policy.allow ?? []);
  const resolve = policy.resolve ?? systemResolver;
  const allowed = (address: string) => isPublicAddress(address, allow);

  const checkUrl = (raw: string): { readonly ok: true; readonly url: URL } | Refusal => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return refusal('url', 'is not a URL');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return refusal('scheme', `${url.protocol} is not http or https`);
    if (url.username || url.password) return refusal('credentials', 'carries credentials');
    const host = hostOf(url);
    if (isIP(host) && !allowed(host)) return refusal('address', `${host} is not a public address`);
    return { ok: true, url };
  };

  /** Addresses of a name, all checked; throws AddressRefused when any is not allowed (or there is none). */
  const addressesOf = async (hostname: string): Promise<readonly ResolvedAddress[]> => {
    if (isIP(hostname)) {
      if (!allowed(hostname)) throw new AddressRefused(`${hostname} is not a public address`);
      return [{ address: hostname, family: isIP(hostname) === 6 ? 6 : 4 }];
    }
    const found = await resolve(hostname);
    if (found.length === 0) throw new AddressRefused(`${hostname} resolves to no address`);
    const refused = found.find((a) => !allowed(a.address));
    if (refused) throw new AddressRefused(`${hostname} resolves to ${refused.address}, which is not a public address`);
    return found;
  };

  const lookup: LookupFunction = (hostname, options, callback) => {
    addressesOf(hostname).then(
      (found) => {
        const family = typeof options === 'object' && options.family ? options.family : 0;
        const usable = found.filter((a) => family === 0 || a.family === family);
        if (usable.length === 0) return callback(new AddressRefused(`${hostname} has no address of family ${family}`), '', 0);
        if (typeof options === 'object' && options.all)
          return (callback as unknown as AllCallback)(
            null,
            usable.map((a) => ({ ...a })),
          );
        const first = usable[0] as ResolvedAddress;
        return callback(null, first.address, first.family);
      },
      (error: Error) => callback(error as NodeJS.ErrnoException, '', 0),
    );
  };

  return { checkUrl, lookup, isAllowedAddress: allowed };
};

type AllCallback = (error: NodeJS.ErrnoException | null, addresses: { address: string; family: number }[]) => void;

export type OutboundGuard = ReturnType<typeof createOutboundGuard>;
