import { describe, expect, it } from "vitest";
import { clientAddressResolver, trustedProxies } from "@/server/http/client-address";

describe("client address behind a load balancer", () => {
  const behindBalancer = clientAddressResolver(trustedProxies(["127.0.0.1", "10.1.0.0/16", "fd00::/8"]));

  it("is the peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    const direct = clientAddressResolver(trustedProxies([]));
    expect(direct("203.0.113.9", "198.51.100.1")).toBe("203.0.113.9");
    expect(direct("::ffff:203.0.113.9", undefined)).toBe("203.0.113.9");
  });

  it("is the peer when the peer is not a trusted proxy", () => {
    expect(behindBalancer("203.0.113.9", "198.51.100.1")).toBe("203.0.113.9");
  });

  it("takes the address the trusted balancer appended, not what the client wrote before it", () => {
    expect(behindBalancer("127.0.0.1", "198.51.100.1")).toBe("198.51.100.1");
    expect(behindBalancer("::ffff:127.0.0.1", "6.6.6.6, 198.51.100.1")).toBe("198.51.100.1");
  });

  it("walks back over a chain of trusted proxies, in ranges and IPv6", () => {
    expect(behindBalancer("127.0.0.1", "6.6.6.6, 198.51.100.1, 10.1.4.2")).toBe("198.51.100.1");
    expect(behindBalancer("fd00::5", ["2001:db8::7", "10.1.0.3"])).toBe("2001:db8::7");
  });

  it("ends at the last hop it has when the header is missing or names only proxies", () => {
    expect(behindBalancer("127.0.0.1", undefined)).toBe("127.0.0.1");
    expect(behindBalancer("127.0.0.1", "10.1.0.9")).toBe("10.1.0.9");
  });

  it("refuses a setting that is not an address or a range", () => {
    expect(() => trustedProxies(["balancer.internal"])).toThrow(/TRUSTED_PROXIES/);
  });
});
