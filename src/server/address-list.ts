// A list of addresses and networks (ZJTX_METRICS_ALLOW, ZJTX_TRUST_PROXY): IPv4/IPv6 addresses,
// CIDRs, and the names proxy-addr (Fastify's trustProxy) also accepts: loopback, linklocal, uniquelocal.
import { BlockList, isIP } from 'node:net';

const NAMED: Record<string, string[]> = {
  loopback: ['127.0.0.1/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/** Why an entry is not an address, a CIDR or a known name; undefined when it is one. */
export function addressEntryProblem(entry: string): string | undefined {
  if (NAMED[entry]) return undefined;
  const [address, bits, extra] = entry.split('/');
  const family = isIP(address ?? '');
  if (!family || extra !== undefined) return `“${entry}”不是 IP 地址或网段`;
  if (bits === undefined) return undefined;
  const n = Number(bits);
  if (!/^\d{1,3}$/.test(bits) || n > (family === 4 ? 32 : 128)) return `“${entry}”的前缀长度无效`;
  return undefined;
}

/** IPv4 addresses a dual-stack socket reports as ::ffff:a.b.c.d are matched as IPv4. */
function plain(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/** A matcher for the entries (checked beforehand with addressEntryProblem; a bad entry throws). */
export function addressMatcher(entries: readonly string[]): (address: string | undefined) => boolean {
  const list = new BlockList();
  for (const entry of entries.flatMap((e) => NAMED[e] ?? [e])) {
    const problem = addressEntryProblem(entry);
    if (problem) throw new Error(problem);
    const [address = '', bits] = entry.split('/');
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return (address) => {
    if (!address) return false;
    const a = plain(address);
    const family = isIP(a);
    return family ? list.check(a, family === 6 ? 'ipv6' : 'ipv4') : false;
  };
}
