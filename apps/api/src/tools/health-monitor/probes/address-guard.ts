/**
 * Keeps monitors from reaching private networks (SSRF): checked when a monitor is saved and again at
 * probe time inside the socket's DNS lookup, so the address checked is the address connected to.
 */
import { lookup as dnsLookup, LookupAddress, LookupOptions } from 'node:dns';
import { isIP, LookupFunction } from 'node:net';

export type BlockedReason = 'private-address' | 'unresolvable' | 'invalid-url';

export class BlockedTargetError extends Error {
  /** Lets the socket error be classified like the other network errors. */
  readonly code = 'EBLOCKEDTARGET';
  constructor(
    message: string,
    readonly reason: BlockedReason,
  ) {
    super(message);
    this.name = 'BlockedTargetError';
  }
}

/** IPv4 ranges that are not on the public internet (RFC 6890 special-purpose, multicast, reserved). */
const blockedV4: [string, number][] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
];

const blockedV4Ranges = blockedV4.map(([base, bits]) => ({ base: v4ToInt(base) ?? 0, mask: (~0 << (32 - bits)) >>> 0 }));

/**
 * True for any address a public monitor must not reach: loopback, RFC 1918, link-local, CGNAT,
 * unique-local, multicast, reserved and documentation ranges, and IPv6 forms that embed such an
 * IPv4 address (::ffff:a.b.c.d, NAT64, 6to4). Anything that is not an IP address counts as private.
 */
export function isPrivateAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 4) {
    const n = v4ToInt(ip);
    return n === null || isPrivateV4(n);
  }
  if (family === 6) return isPrivateV6(ip);
  return true;
}

function isPrivateV4(n: number): boolean {
  return blockedV4Ranges.some(({ base, mask }) => ((n & mask) >>> 0) === base);
}

function isPrivateV6(ip: string): boolean {
  const h = v6ToHextets(ip.split('%')[0]); // drop a zone id (fe80::1%eth0)
  if (!h) return true;
  const embeddedV4 = (hi: number, lo: number) => ((h[hi] << 16) | h[lo]) >>> 0;
  const zeros = (from: number, to: number) => h.slice(from, to).every((x) => x === 0);

  if (zeros(0, 5) && h[5] === 0xffff) return isPrivateV4(embeddedV4(6, 7)); // IPv4-mapped ::ffff:a.b.c.d
  if (zeros(0, 6)) return true; // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d
  if (zeros(0, 4) && h[4] === 0xffff && h[5] === 0) return isPrivateV4(embeddedV4(6, 7)); // SIIT ::ffff:0:a.b.c.d
  if (h[0] === 0x64 && h[1] === 0xff9b && zeros(2, 6)) return isPrivateV4(embeddedV4(6, 7)); // NAT64 64:ff9b::/96
  if (h[0] === 0x64 && h[1] === 0xff9b) return true; // local-use NAT64 64:ff9b:1::/48
  if (h[0] === 0x2002) return isPrivateV4(embeddedV4(1, 2)); // 6to4
  if (h[0] === 0x0100 && zeros(1, 4)) return true; // discard-only 100::/64
  if (h[0] === 0x2001 && h[1] < 0x200) return true; // 2001::/23 IETF special-purpose (Teredo, ORCHID...)
  if (h[0] === 0x2001 && h[1] === 0x0db8) return true; // documentation
  if (h[0] === 0x3fff && h[1] < 0x1000) return true; // documentation 3fff::/20
  if ((h[0] & 0xfe00) === 0xfc00) return true; // unique-local fc00::/7
  if ((h[0] & 0xffc0) === 0xfe80) return true; // link-local fe80::/10
  if ((h[0] & 0xffc0) === 0xfec0) return true; // deprecated site-local fec0::/10
  if ((h[0] & 0xff00) === 0xff00) return true; // multicast
  return false;
}

/**
 * For monitor create/update: refuses URLs whose host is, or resolves to, a non-public address.
 * Throws BlockedTargetError with a message fit for a 400 answer.
 */
export async function assertPublicTarget(url: string, opts: { allowPrivate: boolean }): Promise<void> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new BlockedTargetError(`${url} is not a valid URL`, 'invalid-url');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new BlockedTargetError(`Only http and https URLs can be monitored, not ${parsed.protocol}`, 'invalid-url');
  }
  if (opts.allowPrivate) return;
  const host = hostOf(parsed);
  if (isIP(host)) {
    if (isPrivateAddress(host)) throw blockedAddress(host, host);
    return;
  }
  let addresses: LookupAddress[];
  try {
    addresses = await new Promise<LookupAddress[]>((resolve, reject) =>
      dnsLookup(host, { all: true }, (err, found) => (err ? reject(err) : resolve(found))),
    );
  } catch {
    throw new BlockedTargetError(`The host ${host} does not resolve`, 'unresolvable');
  }
  const blocked = addresses.find((a) => isPrivateAddress(a.address));
  if (blocked) throw blockedAddress(host, blocked.address);
}

/**
 * A `lookup` for node:http/https requests that rejects private answers before the socket connects,
 * so a DNS answer that changes between the save-time check and the probe cannot slip through.
 * Literal IP hosts skip lookup entirely: check those with isPrivateAddress before sending.
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname: string, options: LookupOptions, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const blocked = allowPrivate ? undefined : addresses.find((a) => isPrivateAddress(a.address));
      if (blocked) return callback(blockedAddress(hostname, blocked.address), []);
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };
}

/** URL.hostname keeps IPv6 brackets ("[::1]"); isIP wants them off. */
export function hostOf(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

/** The error (and 400 message) for a host that is or resolves to a non-public address. */
export function blockedAddress(host: string, address: string): BlockedTargetError {
  const where = host === address ? address : `${host} (${address})`;
  return new BlockedTargetError(
    `${where} is a private, loopback or link-local address; monitors may only reach public hosts`,
    'private-address',
  );
}

function v4ToInt(ip: string): number | null {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return null;
  return ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
}

/** Eight 16-bit groups; handles "::" and a trailing dotted IPv4 part. Null when malformed. */
function v6ToHextets(ip: string): number[] | null {
  let text = ip.toLowerCase();
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.', lastColon)) {
    const v4 = v4ToInt(text.slice(lastColon + 1));
    if (v4 === null) return null;
    text = `${text.slice(0, lastColon + 1)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parse = (s: string) => (s === '' ? [] : s.split(':').map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN)));
  const head = parse(halves[0]);
  const tail = halves.length === 2 ? parse(halves[1]) : [];
  const fill = 8 - head.length - tail.length;
  if ((halves.length === 2 && fill < 1) || (halves.length === 1 && fill !== 0)) return null;
  const groups = [...head, ...new Array<number>(halves.length === 2 ? fill : 0).fill(0), ...tail];
  return groups.some((g) => Number.isNaN(g)) ? null : groups;
}
