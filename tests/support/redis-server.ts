// A redis-server of a test's own (Debian's package): on a port of its choosing, nothing written to
// disk, killed and started again on the same port to play an outage under running nodes.
import type { ChildProcess } from "node:child_process";
import net from "node:net";
import { OutputTail, spawnTestChild } from "./test-child";

const START_TIMEOUT_MS = 10_000;

export class RedisServerProcess {
  readonly url: string;
  private child: ChildProcess | undefined;
  private readonly output = new OutputTail(40);

  constructor(private readonly options: { binary: string; port: number }) {
    this.url = `redis://127.0.0.1:${options.port}`;
  }

  /** Starts redis-server and resolves once it answers PING. */
  async start(): Promise<void> {
    const args = ["--port", String(this.options.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];
    const child = spawnTestChild(this.options.binary, args, {}, this.output);
    this.child = child;
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (!(await this.answersPing())) {
      if (child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`redis-server did not start:\n${this.output.text()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** SIGKILL, as a crash: its clients' connections are cut, nothing is said first. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
  }

  private answersPing(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = net.connect({ host: "127.0.0.1", port: this.options.port });
      const done = (answer: boolean) => {
        socket.destroy();
        resolve(answer);
      };
      socket.setTimeout(1_000, () => done(false));
      socket.once("error", () => done(false));
      socket.once("connect", () => socket.write("PING\r\n"));
      socket.once("data", (data) => done(data.toString().startsWith("+PONG")));
    });
  }
}
