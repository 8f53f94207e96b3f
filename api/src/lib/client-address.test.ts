import { clientAddress } from './client-address';

describe('clientAddress', () => {
  it.each([
    ['a direct client', '203.0.113.9', undefined, '203.0.113.9'],
    ['a direct client forging the header', '203.0.113.9', '10.0.0.1', '203.0.113.9'],
    ['our own proxy on loopback', '127.0.0.1', '198.51.100.7, 10.0.0.2', '198.51.100.7'],
    ['our own proxy over IPv6', '::1', '198.51.100.8', '198.51.100.8'],
    ['loopback without the header', '127.0.0.1', undefined, '127.0.0.1'],
  ])('%s', (_name, peer, header, expected) => {
    expect(clientAddress(peer, header)).toBe(expected);
  });
});
