// The processes of a bench run besides bench/run.ts: load clients (IPC-driven), the baseline server, and
// the pid of Watchfloor's server process for /proc readings.
import { type ChildProcess, fork } from "node:child_process";
import path from "node:path";
import type { ServerProcess } from "../../tests/support/kill-harness";
import type { ClientCommand, ClientReply } from "./protocol";

const BENCH_DIR = path.resolve(import.meta.dirname, "..");
const children = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});

function forkTs(file: string, env: Record<string, string> = {}, nodeArgs: string[] = []): ChildProcess {
  const child = fork(path.join(BENCH_DIR, file), [], {
    execArgv: [...nodeArgs, "--import", "tsx"],
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

type Command = ClientCommand extends infer C ? (C extends { id: number } ? Omit<C, "id"> : never) : never;

/** One load-generator process; `send` resolves with the client's answer to a command. */
export class LoadClient {
  private readonly child = forkTs("load-client.ts");
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  constructor() {
    this.child.on("message", (reply: ClientReply) => {
      const waiter = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.ok) waiter?.resolve(reply.value);
      else waiter?.reject(new Error(`load client: ${reply.error}`));
    });
    this.child.once("exit", (code) => {
      for (const waiter of this.pending.values()) waiter.reject(new Error(`load client exited (${code})`));
    });
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  send<T>(command: Command): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.child.send({ ...command, id });
    });
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    await this.send({ cmd: "close" }).catch(() => undefined);
    await exited;
  }
}

/**
 * The bare Socket.IO server (bench/baseline-server.ts) in its own process; `env` adds to this process's
 * environment (BASELINE_REDIS_URL and BASELINE_REDIS_KEY join it to other baseline processes).
 */
export async function startBaselineServer(
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const child = forkTs("baseline-server.ts", env, nodeArgs);
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (message: { port: number }) => resolve(message.port));
    child.once("exit", (code) => reject(new Error(`the baseline server exited (${code})`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid ?? 0,
    stop: async () => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/**
 * The OS pid of a ServerProcess. The harness keeps its child private and is not this suite's file to
 * change; `node --import tsx` runs the entry in that same process, so the child's pid is the server's.
 */
export function serverPid(server: ServerProcess): number {
  const pid = (server as unknown as { child?: ChildProcess }).child?.pid;
  if (!pid) throw new Error("the server process is not running");
  return pid;
}
