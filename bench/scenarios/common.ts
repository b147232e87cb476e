// What every scenario reports, and the pieces they share: the server under test and the baseline side
// by side, load clients spread over processes, and the fan-out measurement both sides run.
import os from "node:os";
import { freePort } from "../../tests/support/free-port";
import { ServerProcess } from "../../tests/support/kill-harness";
import type { ProfileSummary } from "../support/cpu-profile";
import { type ProcessUsage, watchProcess } from "../support/proc-stats";
import { LoadClient, serverPid } from "../support/processes";
import type { ClientReport, Target } from "../support/protocol";
import { type LatencySummary, round, sleep, summarize } from "../support/stats";

export type Row = { metric: string; unit: string; watchfloor: number; baseline: number | null };

export type SideUsage = { server: ProcessUsage; loadClients: ProcessUsage[]; loadClientEventLoopP99Ms: number };

export type ScenarioResult = {
  id: string;
  title: string;
  status: "ran" | "not run";
  /** 1, 5 and 15 minute load averages when the scenario started: the machine is shared. */
  loadAverage: number[];
  parameters: Record<string, number | string>;
  rows: Row[];
  target: string;
  met: boolean | null;
  /** What limited the result where the target was missed: only what was measured. */
  notes: string[];
  usage: Record<string, SideUsage>;
  /** With --profile: where the Watchfloor servers' CPU time went during the scenario. */
  profiles?: ProfileSummary[];
};

/** A scenario that did not run (a failure, or a service it needs is missing), with why. */
export function notRunResult(id: string, title: string, why: string): ScenarioResult {
  return {
    id,
    title,
    status: "not run",
    loadAverage: [],
    parameters: {},
    rows: [],
    target: "",
    met: null,
    notes: [why],
    usage: {},
  };
}

export { freePort };

export type BenchContext = { databaseUrl: string; quick: boolean; log: (message: string) => void };

export const loadAverage = () => os.loadavg().map((value) => round(value));

/** The write limit stays on, as in production, at a rate no bench writer reaches: its query is paid. */
const UNREACHED_WRITE_LIMIT = { WRITE_RATE_PER_SEC: "100000", WRITE_BURST: "100000" };

/**
 * Starts Watchfloor as its own process. With BENCH_CPU_PROFILE_DIR set (bench/run.ts --profile), the
 * server writes a V8 CPU profile there when it stops.
 */
export async function startWatchfloor(
  databaseUrl: string,
  env: Record<string, string> = {},
  extraNodeArgs: string[] = [],
) {
  const profileDir = process.env.BENCH_CPU_PROFILE_DIR;
  const nodeArgs = [...extraNodeArgs, ...(profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [])];
  const server = new ServerProcess({
    databaseUrl,
    port: await freePort(),
    env: { ...UNREACHED_WRITE_LIMIT, ...env },
    nodeArgs,
  });
  await server.start();
  return { server, url: server.url, pid: serverPid(server) };
}

/** Sockets spread over `processes` load clients, all connected (and joined to the board when asked). */
export async function connectFleet(options: {
  url: string;
  target: Target;
  cookies: string[];
  count: number;
  processes: number;
  boardId: string;
  join: boolean;
}): Promise<LoadClient[]> {
  const clients = Array.from(
    { length: Math.max(1, Math.min(options.processes, options.count)) },
    () => new LoadClient(),
  );
  await Promise.all(
    clients.map((client, index) => {
      const count = Math.floor(options.count / clients.length) + (index < options.count % clients.length ? 1 : 0);
      return client.send({ ...options, cmd: "connect", count });
    }),
  );
  return clients;
}

export async function closeAll(clients: LoadClient[]): Promise<void> {
  await Promise.all(clients.map((client) => client.close()));
}

/**
 * Runs `work` while watching the server and the load clients; returns the usage and the clients' reports.
 * `otherPids` are watched over the same window and come back as `others`, in order (a second node, Redis).
 */
export async function measured<T>(
  serverPidValue: number,
  clients: LoadClient[],
  work: () => Promise<T>,
  otherPids: number[] = [],
) {
  await Promise.all(clients.map((client) => client.send({ cmd: "reset" })));
  const watches = [serverPidValue, ...otherPids, ...clients.map((client) => client.pid)].map((pid) =>
    watchProcess(pid),
  );
  const value = await work();
  const [server, ...rest] = watches.map((watch) => watch.stop());
  const others = rest.slice(0, otherPids.length);
  const loadClients = rest.slice(otherPids.length);
  const reports = await Promise.all(clients.map((client) => client.send<ClientReport>({ cmd: "report" })));
  const usage: SideUsage = {
    server: server as ProcessUsage,
    loadClients,
    loadClientEventLoopP99Ms: eventLoopP99(reports),
  };
  return { value, usage, reports, others };
}

const eventLoopP99 = (reports: ClientReport[]) => round(Math.max(0, ...reports.map((report) => report.eventLoop.p99)));

export type FanOutSide = {
  url: string;
  /** The writer's server when it is not the watchers' (scenario 6: writer on node A, watchers on node B). */
  writerUrl?: string;
  pid: number;
  /** Further processes to watch over the measured window, e.g. the other node and Redis. */
  otherPids?: number[];
  target: Target;
  boardId: string;
  eventId?: string;
  watcherCookies: string[];
  writerCookie: string;
};

/**
 * Watchers are spread 100 per load client up to this many processes. Each process joins 50 at a time, so
 * this also caps the joins in flight at 200: at 1000 watchers in 10 processes, 500 joins queued on the
 * server's snapshot transactions and the last ones passed the load client's 10 s ack timeout.
 */
const MAX_WATCHER_PROCESSES = 4;

/** One writer sends `writes` creates, paced; every watcher's receipt of each is a latency sample. */
export async function measureFanOut(side: FanOutSide, watchers: number, writes: number, intervalMs: number) {
  const common = { url: side.url, target: side.target, boardId: side.boardId, join: true };
  const fleet = await connectFleet({
    ...common,
    cookies: side.watcherCookies,
    count: watchers,
    processes: Math.min(Math.ceil(watchers / 100), MAX_WATCHER_PROCESSES),
  });
  // The writer does not join: it would count its own broadcasts as deliveries.
  const [writer] = await connectFleet({
    ...common,
    url: side.writerUrl ?? side.url,
    join: false,
    cookies: [side.writerCookie],
    count: 1,
    processes: 1,
  });
  if (!writer) throw new Error("no writer");
  try {
    const { usage, reports, others } = await measured(
      side.pid,
      [...fleet, writer],
      async () => {
        await writer.send({ cmd: "write", count: writes, intervalMs, eventId: side.eventId });
        // Let the last broadcasts land before the samples are read.
        await sleep(500);
      },
      side.otherPids,
    );
    const samples = reports.flatMap((report) => report.latencies);
    // The writer's load client is the last: split so each can be reported beside the server it talks to.
    const roles = {
      watchers: { loadClients: usage.loadClients.slice(0, -1), eventLoopP99Ms: eventLoopP99(reports.slice(0, -1)) },
      writer: { loadClients: usage.loadClients.slice(-1), eventLoopP99Ms: eventLoopP99(reports.slice(-1)) },
    };
    return { latency: summarize(samples), expected: watchers * writes, usage, otherServers: others, roles };
  } finally {
    await closeAll([...fleet, writer]);
  }
}

export const latencyRows = (label: string, wf: LatencySummary, base: LatencySummary): Row[] =>
  (["p50", "p95", "p99", "max"] as const).map((key) => ({
    metric: `${label} ${key}`,
    unit: "ms",
    watchfloor: wf[key],
    baseline: base[key],
  }));
