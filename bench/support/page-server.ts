// Watchfloor with its pages (what `npm start` runs, server/index.ts under NODE_ENV=production) as its own
// process, for the browser half of the board-load scenario. It serves the existing `.next` build and does
// not build: `npm start` would rebuild a stale tree, which is not the bench's to decide mid-run.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sleep } from "./stats";

const ROOT = path.resolve(import.meta.dirname, "../..");
const HEALTH_TIMEOUT_MS = 60_000;

export type PageServer = { url: string; pid: number; stop: () => Promise<void> };

/** Why the pages cannot be served, or null when a build is there. */
export function pageServerProblem(root = ROOT): string | null {
  return existsSync(path.join(root, ".next", "BUILD_ID"))
    ? null
    : `no \`.next\` build in ${root} (run \`npm run build\` there first)`;
}

/**
 * `root` serves another checkout of Watchfloor (a worktree of an earlier commit, for before/after numbers);
 * `cpuProfileDir` has the server write a V8 CPU profile there when it stops.
 */
export async function startPageServer(options: {
  databaseUrl: string;
  port: number;
  root?: string;
  cpuProfileDir?: string;
}): Promise<PageServer> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "watchfloor-bench-pages-"));
  const url = `http://127.0.0.1:${options.port}`;
  const profile = options.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", "server/index.ts"], {
    cwd: options.root ?? ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? os.homedir(),
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      HOST: "127.0.0.1",
      PORT: String(options.port),
      PUBLIC_URL: url,
      DATABASE_URL: options.databaseUrl,
      DATA_DIR: dataDir,
      AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123",
      LOG_LEVEL: "warn",
      SIGN_IN_ATTEMPTS_PER_MINUTE: "0",
      WRITE_RATE_PER_SEC: "0",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on("data", (chunk: Buffer) => {
      output.push(...chunk.toString().trimEnd().split("\n"));
      output.splice(0, Math.max(0, output.length - 40));
    });
  }
  // A bench that dies must not leave a server holding the scratch database.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  child.once("exit", () => process.off("exit", killOnExit));
  const stop = async () => {
    await stopChild(child);
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(url, child, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, pid: child.pid ?? 0, stop };
}

async function waitForHealth(url: string, child: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the page server exited:\n${output.join("\n")}`);
    const healthy = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(1_000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await sleep(100);
  }
  throw new Error(`the page server was not healthy within ${HEALTH_TIMEOUT_MS} ms:\n${output.join("\n")}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}
