// Which address a request comes from, for the per-address sign-in throttle. Behind a load balancer
// every request's TCP peer is the balancer, so all analysts would share one address and one limit
// (a shift signing in together would be refused from the eleventh). The balancer appends the address
// it saw to X-Forwarded-For; that header is believed only from peers the operator names as proxies
// (TRUSTED_PROXIES), since anyone else can write whatever they like in it.
import { BlockList, isIP } from "node:net";

export type ClientAddressOf = (peer: string | undefined, forwardedFor: string | string[] | undefined) => string;

/**
 * `entries`: addresses or CIDR ranges ("127.0.0.1", "10.0.0.0/8", "::1", "fd00::/8") of the balancers
 * only. A range must not hold analysts' own machines: a client inside it would be taken for a proxy,
 * and the address it wrote into X-Forwarded-For for its own.
 */
export function trustedProxies(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", bits, ...rest] = entry.split("/");
    const family = isIP(address);
    const maxBits = family === 6 ? 128 : 32;
    const validBits = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits);
    if (!family || rest.length || !validBits)
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an address or a CIDR range`);
    if (bits === undefined) list.addAddress(address, family === 6 ? "ipv6" : "ipv4");
    else list.addSubnet(address, Number(bits), family === 6 ? "ipv6" : "ipv4");
  }
  return list;
}

/**
 * The peer, unless it is a trusted proxy: then the right-most address in X-Forwarded-For that is not
 * itself a trusted proxy (the left part of the header is the client's own say and is ignored).
 */
export function clientAddressResolver(proxies: BlockList): ClientAddressOf {
  const isTrusted = (address: string) => {
    const plain = withoutIpv4Prefix(address);
    const family = isIP(plain);
    return family !== 0 && proxies.check(plain, family === 6 ? "ipv6" : "ipv4");
  };
  return (peer, forwardedFor) => {
    let address = withoutIpv4Prefix(peer ?? "unknown");
    if (!isTrusted(address)) return address;
    const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
      .split(",")
      .map((hop) => hop.trim())
      .filter(Boolean);
    while (hops.length && isTrusted(address)) address = withoutIpv4Prefix(hops.pop() as string);
    return address;
  };
}

/** "::ffff:10.0.0.7" (an IPv4 peer on a dual-stack socket) → "10.0.0.7". */
function withoutIpv4Prefix(address: string): string {
  return address.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}
