import ipaddr from 'ipaddr.js';

/** An allowlist entry: a network in CIDR notation, or one address (`127.0.0.1` is `127.0.0.1/32`). */
export type AllowEntry = string;

type Parsed = ipaddr.IPv4 | ipaddr.IPv6;
type Network = [Parsed, number];

/**
 * The address as IPv4 when it is an IPv4 address carried in IPv6 (`::ffff:10.0.0.1`), so that it is
 * judged as the IPv4 address it reaches; anything else as it is.
 */
const normalised = (address: Parsed): Parsed =>
  address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() ? (address as ipaddr.IPv6).toIPv4Address() : address;

/** Parses the allowlist once; a malformed entry is an error of the configuration, said at once. */
export const parseAllowlist = (entries: readonly AllowEntry[]): readonly Network[] =>
  entries.map((entry) => {
    try {
      if (entry.includes('/')) return ipaddr.parseCIDR(entry) as Network;
      const address = ipaddr.parse(entry);
      return [address, address.kind() === 'ipv4' ? 32 : 128] as Network;
    } catch {
      throw new Error(`outbound allowlist: "${entry}" is not an address or a CIDR network`);
    }
  });

/**
 * Whether a request may connect to this address: only public unicast addresses, unless the allowlist
 * names it. Refused: loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (which
 * holds the cloud metadata address 169.254.169.254), carrier-grade NAT, unspecified, broadcast,
 * multicast, reserved, and the IPv6 forms that embed an IPv4 address (6to4, Teredo, NAT64), which
 * could reach any of those. Not an address at all: refused.
 */
export const isPublicAddress = (raw: string, allow: readonly Network[] = []): boolean => {
  if (!ipaddr.isValid(raw)) return false;
  const address = normalised(ipaddr.parse(raw));
  if (allow.some(([network, bits]) => network.kind() === address.kind() && address.match(network, bits))) return true;
  return address.range() === 'unicast';
};
