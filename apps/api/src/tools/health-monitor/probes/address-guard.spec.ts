import { lookup } from 'node:dns';
import { assertPublicTarget, BlockedTargetError, guardedLookup, isPrivateAddress } from './address-guard';

jest.mock('node:dns', () => ({ lookup: jest.fn() }));
const dnsLookup = lookup as unknown as jest.Mock;

/** Makes the mocked dns.lookup answer `host` with these addresses (all: true form). */
function resolveTo(answers: Record<string, string[]>) {
  dnsLookup.mockImplementation((host: string, _opts: unknown, cb: (err: Error | null, a?: { address: string; family: number }[]) => void) => {
    const found = answers[host];
    if (!found) return cb(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }));
    cb(null, found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
  });
}

describe('isPrivateAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.255.255.254', true],
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['172.32.0.1', false],
    ['192.168.1.10', true],
    ['169.254.169.254', true], // cloud metadata
    ['100.64.0.1', true],
    ['100.127.255.255', true],
    ['100.128.0.1', false],
    ['0.0.0.0', true],
    ['0.1.2.3', true],
    ['224.0.0.251', true],
    ['239.255.255.250', true],
    ['255.255.255.255', true],
    ['192.0.2.10', true],
    ['198.18.0.5', true],
    ['8.8.8.8', false],
    ['104.244.42.1', false],
    ['157.240.1.35', false],
    ['::1', true],
    ['::', true],
    ['fe80::1', true],
    ['fe80::1%eth0', true],
    ['febf::1', true],
    ['fc00::1', true],
    ['fd12:3456:789a::1', true],
    ['ff02::1', true],
    ['2001:db8::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:7f00:1', true], // the same, in hex
    ['::ffff:10.0.0.1', true],
    ['::FFFF:192.168.0.1', true],
    ['::ffff:8.8.8.8', false],
    ['::127.0.0.1', true], // deprecated IPv4-compatible form
    ['64:ff9b::a9fe:a9fe', true], // NAT64 of 169.254.169.254
    ['64:ff9b::808:808', false], // NAT64 of 8.8.8.8
    ['2002:c0a8:0101::1', true], // 6to4 of 192.168.1.1
    ['2001::1', true], // Teredo
    ['2606:4700:4700::1111', false],
    ['2a03:2880:f10c:83:face:b00c:0:25de', false],
    ['not-an-ip', true],
    ['1:2:3:4:5:6:7:8:9', true],
    ['300.1.1.1', true],
  ])('%s → %s', (ip, expected) => {
    expect(isPrivateAddress(ip)).toBe(expected);
  });
});

describe('assertPublicTarget', () => {
  afterEach(() => dnsLookup.mockReset());

  it('accepts a host that resolves only to public addresses', async () => {
    resolveTo({ 'api.x.com': ['104.244.42.66', '2606:1f80::1'] });
    await expect(assertPublicTarget('https://api.x.com/2/users/me', { allowPrivate: false })).resolves.toBeUndefined();
  });

  it('refuses a host when any resolved address is private, naming host and address', async () => {
    resolveTo({ 'evil.example': ['93.184.216.34', '10.0.0.5'] });
    const err = await assertPublicTarget('http://evil.example/', { allowPrivate: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BlockedTargetError);
    expect((err as BlockedTargetError).reason).toBe('private-address');
    expect((err as Error).message).toBe('evil.example (10.0.0.5) is a private, loopback or link-local address; monitors may only reach public hosts');
  });

  it.each(['http://127.0.0.1:4100/health', 'http://[::1]/', 'http://[::ffff:169.254.169.254]/latest', 'http://0.0.0.0/'])(
    'refuses the literal address in %s without DNS',
    async (url) => {
      await expect(assertPublicTarget(url, { allowPrivate: false })).rejects.toThrow(BlockedTargetError);
      expect(dnsLookup).not.toHaveBeenCalled();
    },
  );

  it('refuses unresolvable hosts, bad URLs and other protocols', async () => {
    resolveTo({});
    await expect(assertPublicTarget('https://nope.invalid/', { allowPrivate: false })).rejects.toMatchObject({ reason: 'unresolvable' });
    await expect(assertPublicTarget('not a url', { allowPrivate: false })).rejects.toMatchObject({ reason: 'invalid-url' });
    await expect(assertPublicTarget('file:///etc/passwd', { allowPrivate: true })).rejects.toMatchObject({ reason: 'invalid-url' });
  });

  it('allows private targets when allowPrivate is set', async () => {
    await expect(assertPublicTarget('http://127.0.0.1:4100/x/2/users/me', { allowPrivate: true })).resolves.toBeUndefined();
  });
});

describe('guardedLookup', () => {
  afterEach(() => dnsLookup.mockReset());
  const run = (allowPrivate: boolean, host: string, all: boolean) =>
    new Promise<{ err: Error | null; address: unknown; family?: number }>((resolve) =>
      guardedLookup(allowPrivate)(host, { all }, (err, address, family) => resolve({ err, address, family })),
    );

  it('answers in the shape the socket asked for', async () => {
    resolveTo({ 'status.example': ['93.184.216.34', '2606:2800:220:1::1'] });
    expect(await run(false, 'status.example', false)).toEqual({ err: null, address: '93.184.216.34', family: 4 });
    const all = await run(false, 'status.example', true);
    expect(all.address).toEqual([
      { address: '93.184.216.34', family: 4 },
      { address: '2606:2800:220:1::1', family: 6 },
    ]);
  });

  it('fails the connection when the name resolves to a private address (DNS rebinding)', async () => {
    resolveTo({ 'rebind.example': ['127.0.0.1'] });
    const { err } = await run(false, 'rebind.example', true);
    expect(err).toBeInstanceOf(BlockedTargetError);
    expect(await run(true, 'rebind.example', false)).toMatchObject({ err: null, address: '127.0.0.1' });
  });

  it('passes DNS errors through', async () => {
    resolveTo({});
    expect((await run(false, 'gone.example', false)).err).toMatchObject({ code: 'ENOTFOUND' });
  });
});
