// A program a test runs as its own process (a Watchfloor server, redis-server, HAProxy): killed with
// the test process when a run is cut short, so no port stays held, and the last lines it wrote kept for
// the message when it fails to start.
import { type ChildProcess, type SpawnOptions, spawn } from "node:child_process";

const liveChildren = new Set<ChildProcess>();

/** For a test's afterAll: a run cut short (a timeout) must not leave a child behind. */
export function killLeftoverChildren(): void {
  for (const child of liveChildren) child.kill("SIGKILL");
}

process.once("exit", killLeftoverChildren);

/** The last `keep` lines a child wrote (to stdout and stderr), kept across the children fed into it. */
export class OutputTail {
  private lines: string[] = [];

  constructor(private readonly keep: number) {}

  follow(child: ChildProcess): void {
    for (const stream of [child.stdout, child.stderr]) {
      stream?.on("data", (chunk: Buffer) => {
        this.lines.push(...chunk.toString().trimEnd().split("\n"));
        this.lines = this.lines.slice(-this.keep);
      });
    }
  }

  recent(): string[] {
    return [...this.lines];
  }

  text(): string {
    return this.lines.join("\n");
  }
}

/** Spawns a child whose output goes to `tail` and which is killed if the test process exits first. */
export function spawnTestChild(
  command: string,
  args: readonly string[],
  options: Omit<SpawnOptions, "stdio">,
  tail: OutputTail,
): ChildProcess {
  const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
  liveChildren.add(child);
  child.once("exit", () => liveChildren.delete(child));
  tail.follow(child);
  return child;
}
