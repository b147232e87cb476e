// A TCP proxy a test can cut: one node's way to a shared service (Redis) goes through it, so that node
// alone loses the service while the others keep it. Cutting resets every connection and refuses new
// ones until it is restored.
import net from "node:net";

export class CuttableProxy {
  private server: net.Server | undefined;
  private readonly connections = new Set<net.Socket>();
  private cutOff = false;
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<void> {
    const server = net.createServer((client) => this.accept(client));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    this.port = (server.address() as net.AddressInfo).port;
  }

  cut(): void {
    this.cutOff = true;
    for (const socket of this.connections) socket.resetAndDestroy();
  }

  restore(): void {
    this.cutOff = false;
  }

  async stop(): Promise<void> {
    this.cut();
    await new Promise((resolve) => this.server?.close(resolve) ?? resolve(undefined));
  }

  private accept(client: net.Socket): void {
    if (this.cutOff) {
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect(this.target);
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      this.connections.add(from);
      from.on("error", () => to.destroy());
      from.on("close", () => {
        this.connections.delete(from);
        to.destroy();
      });
      from.pipe(to);
    }
  }
}
