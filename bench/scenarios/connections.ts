// Scenario 4, connections: the server's memory per idle connected analyst at N sockets that connected
// and joined a board, against the bare Socket.IO baseline. Two passes, each on fresh servers:
// - as the OS sees it: RSS after the connect storm minus RSS before, over N — this includes garbage
//   the storm left that V8 has not collected yet, and depends on the heap's state when it began;
// - held: with a full garbage collection before each reading (bench/support/memory-probe.cjs), the V8
//   heap in use plus memory outside it (buffers) that the connections keep. The target is judged on
//   this one. RSS is read in this pass too, but after a collection it does not fall: V8 and the C
//   allocator keep the pages the storm grew, so it is shown, not judged.
import { prepareCast, signInAt } from "../support/cast";
import { armMemoryProbe, type MemoryReading } from "../support/memory-readings";
import { rssMiB } from "../support/proc-stats";
import { startBaselineServer } from "../support/processes";
import { round, sleep } from "../support/stats";
import {
  type BenchContext,
  closeAll,
  connectFleet,
  loadAverage,
  type Row,
  type ScenarioResult,
  startWatchfloor,
} from "./common";

/** Lets the heap settle after the handshakes so RSS reflects held connections, not garbage in flight. */
const SETTLE_MS = 2_000;
const TARGET_KIB = 50;

type Side = { url: string; pid: number; target: "watchfloor" | "baseline"; cookies: string[]; boardId: string };

/** Memory before and after `count` sockets connect and join, per connection; `read` takes a reading. */
async function perConnection(side: Side, count: number, read: (pid: number) => Promise<MemoryReading>) {
  await sleep(SETTLE_MS);
  const before = await read(side.pid);
  const fleet = await connectFleet({ ...side, count, processes: Math.ceil(count / 500), join: true });
  try {
    await sleep(SETTLE_MS);
    const after = await read(side.pid);
    return {
      rssKiB: (after.rss - before.rss) / 1024 / count,
      heldKiB:
        after.heapUsed >= 0
          ? (after.heapUsed + after.external - before.heapUsed - before.external) / 1024 / count
          : null,
    };
  } finally {
    await closeAll(fleet);
  }
}

/** RSS from /proc, with no collection forced: what the OS sees. */
const rssOnly = async (pid: number): Promise<MemoryReading> => ({
  rss: rssMiB(pid) * 1024 * 1024,
  heapUsed: -1,
  external: -1,
});

/** One pass on fresh servers; with `collect`, every reading follows a full garbage collection. */
async function pass(
  context: BenchContext,
  boardId: string,
  viewers: { email: string; password: string }[],
  collect: boolean,
) {
  const count = context.quick ? 20 : 2_000;
  const probe = collect ? await armMemoryProbe() : null;
  const wf = await startWatchfloor(context.databaseUrl, probe?.env ?? {}, probe?.nodeArgs ?? []);
  const baseline = await startBaselineServer(probe?.env ?? {}, probe?.nodeArgs ?? []);
  try {
    const cookies = await Promise.all(viewers.map((viewer) => signInAt(wf.url, viewer)));
    const read = probe ? probe.read : rssOnly;
    context.log(`connections: ${count} idle analysts${collect ? " (collected)" : ""}, Watchfloor and baseline`);
    const real = await perConnection({ url: wf.url, pid: wf.pid, target: "watchfloor", cookies, boardId }, count, read);
    const bare = await perConnection(
      { url: baseline.url, pid: baseline.pid, target: "baseline", cookies: [""], boardId },
      count,
      read,
    );
    return { count, sessions: cookies.length, real, bare };
  } finally {
    await wf.server.stop();
    await baseline.stop();
    await probe?.dispose();
  }
}

export async function runConnections(context: BenchContext): Promise<ScenarioResult> {
  const started = loadAverage();
  const cast = await prepareCast(context.databaseUrl, { editors: 0, viewers: 20 });
  const seen = await pass(context, cast.board.id, cast.viewers, false);
  const held = await pass(context, cast.board.id, cast.viewers, true);
  const { count } = seen;
  const row = (metric: string, real: number | null, bare: number | null): Row => ({
    metric,
    unit: "KiB",
    watchfloor: round(real ?? 0, 1),
    baseline: bare === null ? null : round(bare, 1),
  });
  const heldReal = held.real.heldKiB ?? Number.POSITIVE_INFINITY;
  const met = heldReal <= TARGET_KIB;
  const notes = [
    `Held after full collections: ${round(heldReal, 1)} KiB per connection of V8 heap and buffers ` +
      `(bare Socket.IO ${round(held.bare.heldKiB ?? 0, 1)} KiB). What the OS sees is more: right after a storm of ${count} ` +
      `connects RSS grew ${round(seen.real.rssKiB, 1)} KiB per connection (bare ${round(seen.bare.rssKiB, 1)} KiB), and ` +
      `${round(held.real.rssKiB, 1)} KiB (bare ${round(held.bare.rssKiB, 1)} KiB) in the pass with collections forced. ` +
      "RSS counts the heap pages V8 grew for the storm's garbage — handshakes, session lookups, joins — and keeps " +
      "after collecting it, so it depends on the heap's state when the storm began and differs between runs.",
  ];
  return {
    id: "connections",
    title: "4. Connections: server memory per idle connected analyst",
    status: "ran",
    loadAverage: started,
    parameters: { connections: count, sessions: seen.sessions, settleMs: SETTLE_MS },
    rows: [
      row(`held after full GC (V8 heap + buffers) / ${count} connections`, held.real.heldKiB, held.bare.heldKiB),
      row(`RSS growth / ${count} connections, no collection forced`, seen.real.rssKiB, seen.bare.rssKiB),
      row(`RSS growth / ${count} connections, collections forced`, held.real.rssKiB, held.bare.rssKiB),
    ],
    target: `≤ ${TARGET_KIB} KiB held per idle connection (V8 heap + buffers after a full GC; RSS shown beside it)`,
    met,
    notes,
    usage: {},
  };
}
