// Scenario 6, two nodes: fan-out latency when the writer is on node A and the watchers on node B, so
// every op crosses Redis, against the same two nodes with writer and watchers both on node A. Measured
// exactly like scenario 1; also for the bare Socket.IO baseline joined through the same Redis adapter,
// and for one Watchfloor node with no adapter, to show what the adapter alone costs.
import { randomBytes } from "node:crypto";
import { prepareCast, signInAt } from "../support/cast";
import type { ProcessUsage } from "../support/proc-stats";
import { startBaselineServer } from "../support/processes";
import { localRedisPid, redisProblem } from "../support/redis";
import { type LatencySummary, round } from "../support/stats";
import {
  type BenchContext,
  type FanOutSide,
  latencyRows,
  loadAverage,
  measureFanOut,
  notRunResult,
  type Row,
  type ScenarioResult,
  type SideUsage,
  startWatchfloor,
} from "./common";

const ID = "two-nodes";
const TITLE = "6. Two nodes: fan-out across nodes through Redis vs one node";
/** Where the issue's Redis runs when REDIS_URL does not say otherwise (.ci and the dev machine). */
const LOCAL_REDIS = "redis://127.0.0.1:6379";
const VIEWER_SESSIONS = 10;
const INTERVAL_MS = 20;
/** The issue's target: crossing nodes may at most double the one-node p99. */
const MAX_RATIO = 2;
/** A short fan-out before each measured one, discarded (full runs only). */
const WARM_UP = { watchers: 10, writes: 30 };

type FanOut = Awaited<ReturnType<typeof measureFanOut>>;
/** The writer is always on node A; the watchers on A (one node) or on B (every op crosses Redis). */
type Placement = { watchersOn: "A" | "B" };
/** The same fan-out with everyone on one node, and across two. */
type Pair = Record<"one" | "two", FanOut>;
type Nodes = { a: { url: string; pid: number }; b: { url: string; pid: number } };

export async function runTwoNodes(context: BenchContext): Promise<ScenarioResult> {
  const redisUrl = process.env.REDIS_URL ?? LOCAL_REDIS;
  const problem = await redisProblem(redisUrl);
  if (problem) return notRunResult(ID, TITLE, `Needs Redis (REDIS_URL, else ${LOCAL_REDIS}). ${problem}`);
  const watchers = context.quick ? 5 : 200;
  const writes = context.quick ? 10 : 100;
  const started = loadAverage();
  const redisPid = await localRedisPid(redisUrl);
  const cast = await prepareCast(context.databaseUrl, { editors: 1, viewers: VIEWER_SESSIONS });
  const usage: Record<string, SideUsage> = {};

  // Watchfloor's nodes derive their Redis key from the database, which is this run's own scratch one;
  // the bare baseline gets a random key. Neither can meet another run's rooms.
  const redisEnv = { REDIS_URL: redisUrl };
  const [nodeA, nodeB] = await Promise.all([
    startWatchfloor(context.databaseUrl, redisEnv),
    startWatchfloor(context.databaseUrl, redisEnv),
  ]);
  const bareEnv = {
    BASELINE_REDIS_URL: redisUrl,
    BASELINE_REDIS_KEY: `bench-baseline-${randomBytes(6).toString("hex")}`,
  };
  const [bareA, bareB] = await Promise.all([startBaselineServer(bareEnv), startBaselineServer(bareEnv)]);
  let wf: Pair;
  let bare: Pair;
  let writerCookie: string;
  let watcherCookies: string[];
  try {
    watcherCookies = await Promise.all(cast.viewers.map((viewer) => signInAt(nodeA.url, viewer)));
    const editor = cast.editors[0];
    if (!editor) throw new Error("no editor");
    writerCookie = await signInAt(nodeA.url, editor);
    const pair = { context, watchers, writes, redisPid, boardId: cast.board.id, usage };
    wf = await measurePair(
      { ...pair, label: "Watchfloor", nodes: { a: nodeA, b: nodeB } },
      { target: "watchfloor", eventId: cast.board.eventId, watcherCookies, writerCookie },
    );
    bare = await measurePair(
      { ...pair, label: "bare", nodes: { a: bareA, b: bareB } },
      { target: "baseline", watcherCookies: [""], writerCookie: "" },
    );
  } finally {
    await Promise.all([nodeA.server.stop(), nodeB.server.stop(), bareA.stop(), bareB.stop()]);
  }

  // Full runs only: a fourth server start would slow the smoke run for a comparison it does not judge.
  const noRedis = context.quick
    ? null
    : await measureWithoutAdapter({
        context,
        watchers,
        writes,
        boardId: cast.board.id,
        eventId: cast.board.eventId,
        watcherCookies,
        writerCookie,
      });
  if (noRedis) usage["Watchfloor one node, no Redis"] = noRedis.usage;

  const rows: Row[] = [
    ...latencyRows("Watchfloor cross-node", wf.two.latency, wf.one.latency),
    deliveries("Watchfloor", wf.two, wf.one),
    ...latencyRows("bare Socket.IO cross-node", bare.two.latency, bare.one.latency),
    deliveries("bare Socket.IO", bare.two, bare.one),
    ...(noRedis ? latencyRows("Watchfloor one node, Redis adapter (vs none)", wf.one.latency, noRedis.latency) : []),
  ];
  const complete = wf.two.latency.count === wf.two.expected;
  const met = complete && wf.two.latency.p99 <= MAX_RATIO * wf.one.latency.p99;
  return {
    id: ID,
    title: TITLE,
    status: "ran",
    loadAverage: started,
    parameters: {
      watchers,
      writes,
      writeIntervalMs: INTERVAL_MS,
      viewerSessions: VIEWER_SESSIONS,
      columns:
        "Watchfloor = writer on node A, watchers on node B (the bare rows: the bare server in the same places); " +
        "Baseline = writer and watchers on node A, node B up (the last rows, full runs only: one node with Redis vs one with no adapter)",
    },
    rows,
    target: `cross-node p99 at ${watchers} watchers ≤ ${MAX_RATIO} × one-node p99 (both nodes on Redis), every op delivered`,
    met,
    notes: met ? [] : missedNotes({ wf, bare, complete, usage }),
    usage,
  };
}

/** The same fan-out on one Watchfloor node with no adapter, started only now so that it runs alone. */
async function measureWithoutAdapter(run: {
  context: BenchContext;
  watchers: number;
  writes: number;
  boardId: string;
  eventId: string;
  watcherCookies: string[];
  writerCookie: string;
}): Promise<FanOut> {
  run.context.log(`two-nodes: Watchfloor without Redis, ${run.watchers} watchers`);
  const alone = await startWatchfloor(run.context.databaseUrl);
  try {
    return await warmThenMeasure(
      {
        url: alone.url,
        pid: alone.pid,
        target: "watchfloor",
        boardId: run.boardId,
        eventId: run.eventId,
        watcherCookies: run.watcherCookies,
        writerCookie: run.writerCookie,
      },
      { watchers: run.watchers, writes: run.writes, warmUp: true },
    );
  } finally {
    await alone.server.stop();
  }
}

/** Fan-out with writer and watchers on node A, then with the watchers on node B; usage goes into `usage`. */
async function measurePair(
  run: {
    context: BenchContext;
    label: string;
    nodes: Nodes;
    watchers: number;
    writes: number;
    redisPid: number | null;
    boardId: string;
    usage: Record<string, SideUsage>;
  },
  clients: Omit<FanOutSide, "url" | "pid" | "boardId">,
): Promise<Pair> {
  const measure = async (placement: Placement) => {
    const where = placement.watchersOn === "A" ? "one node" : "two nodes";
    run.context.log(
      `two-nodes: ${run.label}, ${where}, writer on A, ${run.watchers} watchers on ${placement.watchersOn}`,
    );
    const result = await warmThenMeasure(
      { ...clients, ...placed(run.nodes, placement, run.redisPid), boardId: run.boardId },
      { watchers: run.watchers, writes: run.writes, warmUp: !run.context.quick },
    );
    Object.assign(run.usage, usageByNode(`${run.label} ${where}`, result, placement, run.redisPid));
    return result;
  };
  return { one: await measure({ watchersOn: "A" }), two: await measure({ watchersOn: "B" }) };
}

/**
 * The placements are measured one after another on the same processes: without a warm-up the first
 * would also pay for cold code paths (JIT, the first queries) and look worse than it is.
 */
async function warmThenMeasure(side: FanOutSide, size: { watchers: number; writes: number; warmUp: boolean }) {
  if (size.warmUp) await measureFanOut(side, Math.min(size.watchers, WARM_UP.watchers), WARM_UP.writes, INTERVAL_MS);
  return measureFanOut(side, size.watchers, size.writes, INTERVAL_MS);
}

/** The side's URLs and the processes to watch: the watchers' server first, then the other node and Redis. */
function placed(nodes: Nodes, placement: Placement, redisPid: number | null) {
  const watchersNode = placement.watchersOn === "A" ? nodes.a : nodes.b;
  const otherNode = placement.watchersOn === "A" ? nodes.b : nodes.a;
  return {
    url: watchersNode.url,
    writerUrl: nodes.a.url,
    pid: watchersNode.pid,
    otherPids: redisPid ? [otherNode.pid, redisPid] : [otherNode.pid],
  };
}

/** One usage row per process: each node beside the load clients connected to it, and Redis on its own. */
function usageByNode(label: string, result: FanOut, placement: Placement, redisPid: number | null) {
  const [otherServer, redis] = result.otherServers as [ProcessUsage, ProcessUsage | undefined];
  const nodeA = placement.watchersOn === "A" ? result.usage.server : otherServer;
  const nodeB = placement.watchersOn === "A" ? otherServer : result.usage.server;
  const none = { loadClients: [], eventLoopP99Ms: 0 };
  const clientsOfA =
    placement.watchersOn === "A" ? [result.roles.watchers, result.roles.writer] : [result.roles.writer];
  const clientsOfB = placement.watchersOn === "A" ? [none] : [result.roles.watchers];
  const side = (server: ProcessUsage, clients: { loadClients: ProcessUsage[]; eventLoopP99Ms: number }[]) => ({
    server,
    loadClients: clients.flatMap((client) => client.loadClients),
    loadClientEventLoopP99Ms: Math.max(0, ...clients.map((client) => client.eventLoopP99Ms)),
  });
  const rows: Record<string, SideUsage> = {
    [`${label}: node A (writer${placement.watchersOn === "A" ? ", watchers" : ""})`]: side(nodeA, clientsOfA),
    [`${label}: node B (${placement.watchersOn === "B" ? "watchers" : "no clients"})`]: side(nodeB, clientsOfB),
  };
  if (redisPid && redis) rows[`${label}: redis-server`] = side(redis, [none]);
  return rows;
}

function deliveries(label: string, cross: FanOut, one: FanOut): Row {
  return {
    metric: `${label} deliveries`,
    unit: "of expected",
    watchfloor: round(cross.latency.count / cross.expected, 4),
    baseline: round(one.latency.count / one.expected, 4),
  };
}

/** What was measured alongside a missed target: the ratios, the processes' CPU and the load generators. */
function missedNotes(run: { wf: Pair; bare: Pair; complete: boolean; usage: Record<string, SideUsage> }): string[] {
  const ratio = (cross: LatencySummary, one: LatencySummary) => round(cross.p99 / Math.max(one.p99, 0.01));
  const notes = [
    `Cross-node p99 is ${run.wf.two.latency.p99} ms against ${run.wf.one.latency.p99} ms on one node ` +
      `(${ratio(run.wf.two.latency, run.wf.one.latency)}×); the bare Socket.IO server through the same Redis ` +
      `adapter: ${run.bare.two.latency.p99} ms against ${run.bare.one.latency.p99} ms (${ratio(run.bare.two.latency, run.bare.one.latency)}×).`,
    `CPU during the cross-node run: ${Object.entries(run.usage)
      .filter(([label]) => label.startsWith("Watchfloor two nodes"))
      .map(([label, use]) => `${label.replace("Watchfloor two nodes: ", "")} ${use.server.cpuPercent} %`)
      .join(", ")}; the load generators' event-loop p99 ${run.wf.two.usage.loadClientEventLoopP99Ms} ms.`,
  ];
  if (!run.complete)
    notes.push(
      `Only ${run.wf.two.latency.count} of ${run.wf.two.expected} cross-node deliveries arrived within 500 ms of the last write.`,
    );
  return notes;
}
