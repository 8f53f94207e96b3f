import { clientAddress } from './client-address';

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
});
