// HAProxy (Debian's package) in front of test nodes, with the configuration scripts/haproxy-config.ts
// renders for operators: a temp dir of its own, checked with `haproxy -c` before it runs in the
// foreground, and its runtime API socket to read what the health checks decided.
import { type ChildProcess, spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { type BalancedNode, renderHaproxyConfig } from "@/scripts/haproxy-config";
import { OutputTail, spawnTestChild } from "./test-child";

const START_TIMEOUT_MS = 10_000;

export type ServerState = {
  /** "UP", "DOWN", or a transition such as "UP 1/2" (one failed check of the two that mark it down). */
  status: string;
  /** Sessions HAProxy holds to the server right now (a WebSocket counts while it is open). */
  sessions: number;
};

export class HaproxyProcess {
  readonly url: string;
  private child: ChildProcess | undefined;
  private dir: string | undefined;
  private readonly output = new OutputTail(200);

  constructor(private readonly options: { binary: string; port: number; nodes: readonly BalancedNode[] }) {
    this.url = `http://127.0.0.1:${options.port}`;
  }

  private get statsSocket(): string {
    if (!this.dir) throw new Error("HAProxy is not started");
    return path.join(this.dir, "admin.sock");
  }

  /** Writes and checks the configuration, starts HAProxy and waits until it accepts connections. */
  async start(): Promise<void> {
    this.dir = await mkdtemp(path.join(os.tmpdir(), "watchfloor-haproxy-"));
    const configPath = path.join(this.dir, "haproxy.cfg");
    const config = renderHaproxyConfig({
      bind: `127.0.0.1:${this.options.port}`,
      nodes: this.options.nodes,
      statsSocket: this.statsSocket,
    });
    await writeFile(configPath, config);
    const check = spawnSync(this.options.binary, ["-c", "-f", configPath], { encoding: "utf8" });
    if (check.status !== 0) {
      throw new Error(`haproxy -c rejected the configuration:\n${check.stdout}${check.stderr}\n${config}`);
    }
    const child = spawnTestChild(this.options.binary, ["-db", "-f", configPath], {}, this.output);
    this.child = child;
    const deadline = Date.now() + START_TIMEOUT_MS;
    // The port can accept before the runtime API's socket exists (seen on a loaded machine): wait for both.
    while (!(await this.answers()) || !(await this.runtimeAnswers())) {
      if (child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`HAProxy did not start:\n${this.output.text()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** What HAProxy thinks of each node, from `show stat` on its runtime API socket. */
  async serverStates(): Promise<Map<string, ServerState>> {
    const csv = await this.runtimeCommand("show stat");
    const [header, ...rows] = csv.replace(/^# /, "").trim().split("\n");
    const columns = (header ?? "").split(",");
    const at = (fields: string[], column: string) => fields[columns.indexOf(column)] ?? "";
    const states = new Map<string, ServerState>();
    for (const fields of rows.map((row) => row.split(","))) {
      const name = at(fields, "svname");
      if (at(fields, "pxname") !== "watchfloor_nodes" || name === "BACKEND") continue;
      states.set(name, { status: at(fields, "status"), sessions: Number(at(fields, "scur")) });
    }
    return states;
  }

  /** Resolves once HAProxy's health checks have brought `server` to `status` ("UP" or "DOWN"). */
  async waitForStatus(server: string, status: "UP" | "DOWN", timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last: string | undefined;
    while (Date.now() < deadline) {
      last = (await this.serverStates()).get(server)?.status;
      if (last === status) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`HAProxy still has ${server} ${last ?? "(unknown)"} after ${timeoutMs} ms, not ${status}`);
  }

  /** HAProxy's own log lines (one per HTTP request, with the cookie flags): for failure messages. */
  log(): string {
    return this.output.text();
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
  }

  private answers(): Promise<boolean> {
    return new Promise((resolve) => {
      const probe = net.connect(this.options.port, "127.0.0.1");
      probe.once("connect", () => {
        probe.destroy();
        resolve(true);
      });
      probe.once("error", () => resolve(false));
    });
  }

  private runtimeAnswers(): Promise<boolean> {
    return this.runtimeCommand("show info").then(
      () => true,
      () => false,
    );
  }

  private runtimeCommand(command: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(this.statsSocket);
      let answer = "";
      socket.setEncoding("utf8");
      socket.on("data", (chunk: string) => {
        answer += chunk;
      });
      socket.once("error", reject);
      socket.once("end", () => resolve(answer));
      socket.write(`${command}\n`);
    });
  }
}
