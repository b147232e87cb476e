// A TCP port on the loopback that was free a moment ago: for the servers, clusters and balancers the
// tests and benchmarks start themselves (and, left unused, for a port nothing listens on).
import net from "node:net";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}
