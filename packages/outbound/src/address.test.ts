import { describe, expect, it } from 'vitest';
import { isPublicAddress, parseAllowlist } from './address.js';

describe('outbound: which addresses a request may reach', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.254',
    '192.168.1.1',
    '169.254.169.254', // cloud metadata
    '100.64.0.1',
    '0.0.0.0',
    '255.255.255.255',
    '224.0.0.1',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd00:ec2::254', // cloud metadata over IPv6
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '64:ff9b::7f00:1', // NAT64 of 127.0.0.1
    '2002:7f00:1::1', // 6to4 of 127.0.0.1
    'ff02::1',
    'not-an-address',
    '',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111', '::ffff:93.184.216.34'])('allows public %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it('lets an allowlist open networks and single addresses, and only those', () => {
    const allow = parseAllowlist(['127.0.0.1', '10.0.0.0/8', '::1']);
    expect(isPublicAddress('127.0.0.1', allow)).toBe(true);
    expect(isPublicAddress('::ffff:127.0.0.1', allow)).toBe(true);
    expect(isPublicAddress('127.0.0.2', allow)).toBe(false);
    expect(isPublicAddress('10.200.3.4', allow)).toBe(true);
    expect(isPublicAddress('::1', allow)).toBe(true);
    expect(isPublicAddress('192.168.0.1', allow)).toBe(false);
  });

  it('says which allowlist entry is malformed', () => {
    expect(() => parseAllowlist(['10.0.0.0/8', 'intranet'])).toThrow(/"intranet"/);
    expect(() => parseAllowlist(['10.0.0.0/33'])).toThrow(/10\.0\.0\.0\/33/);
  });
});
