import { addressUnit, clientAddress } from './client-address';

const SECRET = 'a-proxy-secret-of-some-length';

describe('clientAddress', () => {
  it.each([
    ['a direct client', '203.0.113.9', undefined, undefined, 1, '203.0.113.9'],
    ['a direct client forging the header', '203.0.113.9', '10.0.0.1', undefined, 1, '203.0.113.9'],
    ['a loopback client forging the header', '127.0.0.1', '10.0.0.1', undefined, 1, '127.0.0.1'],
    [
      'a client guessing the secret',
      '127.0.0.1',
      '10.0.0.1',
      'a-proxy-secret-of-some-lengtX',
      1,
      '127.0.0.1',
    ],
    ['our proxy (one hop)', '127.0.0.1', '198.51.100.7', SECRET, 1, '198.51.100.7'],
    [
      'our proxy, a forged entry before its own',
      '::1',
      '6.6.6.6, 198.51.100.8',
      SECRET,
      1,
      '198.51.100.8',
    ],
    ['two trusted hops', '127.0.0.1', '6.6.6.6, 198.51.100.9, 10.0.0.2', SECRET, 2, '198.51.100.9'],
    ['more hops trusted than entries', '127.0.0.1', '198.51.100.10', SECRET, 3, '198.51.100.10'],
    ['hops 0 ignores the header', '127.0.0.1', '198.51.100.7', SECRET, 0, '127.0.0.1'],
    ['our proxy without the header', '127.0.0.1', undefined, SECRET, 1, '127.0.0.1'],
    ['a junk entry', '127.0.0.1', '<script>', SECRET, 1, '127.0.0.1'],
  ])('%s', (_name, peer, header, secret, hops, expected) => {
    expect(
      clientAddress({
        remoteAddress: peer,
        forwardedFor: header,
        proxySecret: secret,
        trustedHops: hops,
        expectedSecret: SECRET,
      }),
    ).toBe(expected);
  });

  it('believes no header when no secret is configured', () => {
    expect(
      clientAddress({
        remoteAddress: '127.0.0.1',
        forwardedFor: '198.51.100.7',
        proxySecret: '',
        trustedHops: 1,
        expectedSecret: undefined,
      }),
    ).toBe('127.0.0.1');
  });

  // Round 10: every address of one IPv6 /64 was a client of its own to every per-address limit.
  it.each([
    ['a privacy address', '2001:db8:1:2:a1b2:c3d4:e5f6:789', '2001:db8:1:2::/64'],
    ['another address of the same /64', '2001:db8:1:2::1', '2001:db8:1:2::/64'],
    ['upper case and leading zeros', '2001:0DB8:0001:0002:FFFF::1', '2001:db8:1:2::/64'],
    ['brackets and a zone', '[fe80::1%eth0]', 'fe80:0:0:0::/64'],
    ['the next /64', '2001:db8:1:3::1', '2001:db8:1:3::/64'],
    ['loopback', '::1', '0:0:0:0::/64'],
    ['IPv4 reached over IPv6', '::ffff:203.0.113.9', '203.0.113.9'],
    ['IPv4-mapped in hex', '::ffff:cb00:7109', '203.0.113.9'],
    ['IPv4', '203.0.113.9', '203.0.113.9'],
    ['not an address', 'proxy-name_1', 'proxy-name_1'],
    // Round 12: a port a proxy appended made every connection a new client.
    ['IPv4 with a port', '203.0.113.9:51234', '203.0.113.9'],
    ['IPv6 in brackets with a port', '[2001:db8:1:2::7]:443', '2001:db8:1:2::/64'],
    ['IPv4-mapped with a port', '[::ffff:203.0.113.9]:8080', '203.0.113.9'],
    // Round 12: prefixes that carry one IPv4 client each (or one IPv4 site per 2^16 /64s).
    ['NAT64 (a whole IPv4 Internet under one /64)', '64:ff9b::203.0.113.9', '203.0.113.9'],
    ['NAT64 in hex, upper case', '64:FF9B::CB00:7109', '203.0.113.9'],
    ['another client behind NAT64', '64:ff9b::198.51.100.7', '198.51.100.7'],
    ['IPv4-compatible (deprecated)', '::203.0.113.9', '203.0.113.9'],
    ['SIIT translated', '::ffff:0:203.0.113.9', '203.0.113.9'],
    ['6to4, one /64 of the site', '2002:cb00:7109:1::1', '203.0.113.9'],
    ['6to4, another /64 of the same site', '2002:cb00:7109:ffff::2', '203.0.113.9'],
    [
      'Teredo (client 203.0.113.9, inverted)',
      '2001:0:4136:e378:8000:63bf:34ff:8ef6',
      '203.0.113.9',
    ],
    [
      'Teredo, another client of the same server',
      '2001:0:4136:e378:8000:63bf:3fff:fdd2',
      '192.0.2.45',
    ],
    ['unspecified', '::', '0:0:0:0::/64'],
    ['IPv4 with a zone-like junk suffix', '203.0.113.9%x', '203.0.113.9'],
  ])('counts %s by its unit', (_name, address, unit) => {
    expect(addressUnit(address)).toBe(unit);
  });

  it('counts the /64 through our proxy and directly', () => {
    const via = (forwardedFor: string) =>
      clientAddress({
        remoteAddress: '127.0.0.1',
        forwardedFor,
        proxySecret: SECRET,
        trustedHops: 1,
        expectedSecret: SECRET,
      });
    expect(via('2001:db8:5:6::a')).toBe(via('2001:db8:5:6:ffff:1:2:3'));
    expect(
      clientAddress({
        remoteAddress: '::ffff:198.51.100.4',
        forwardedFor: undefined,
        proxySecret: undefined,
        trustedHops: 1,
        expectedSecret: SECRET,
      }),
    ).toBe('198.51.100.4');
  });
});
