// Scenario 4, connections: the server's memory per idle connected analyst — RSS after N sockets have
// connected and joined a board, minus RSS before, over N — against the bare Socket.IO baseline.
import { prepareCast, signInAt } from "../support/cast";
import { rssMiB } from "../support/proc-stats";
import { startBaselineServer } from "../support/processes";
import { round, sleep } from "../support/stats";
import { type BenchContext, closeAll, connectFleet, loadAverage, type ScenarioResult, startWatchfloor } from "./common";

/** Lets the heap settle after the handshakes so RSS reflects held connections, not garbage in flight. */
const SETTLE_MS = 2_000;

async function kibPerConnection(
  side: { url: string; pid: number; target: "watchfloor" | "baseline"; cookies: string[]; boardId: string },
  count: number,
) {
  await sleep(SETTLE_MS);
  const before = rssMiB(side.pid);
  const fleet = await connectFleet({ ...side, count, processes: Math.ceil(count / 500), join: true });
  try {
    await sleep(SETTLE_MS);
    return ((rssMiB(side.pid) - before) * 1024) / count;
  } finally {
    await closeAll(fleet);
  }
}

export async function runConnections(context: BenchContext): Promise<ScenarioResult> {
  const count = context.quick ? 20 : 2_000;
  const started = loadAverage();
  const cast = await prepareCast(context.databaseUrl, { editors: 0, viewers: 20 });
  const wf = await startWatchfloor(context.databaseUrl);
  const baseline = await startBaselineServer();
  try {
    const cookies = await Promise.all(cast.viewers.map((viewer) => signInAt(wf.url, viewer)));
    context.log(`connections: ${count} idle analysts, Watchfloor and baseline`);
    const real = await kibPerConnection(
      { url: wf.url, pid: wf.pid, target: "watchfloor", cookies, boardId: cast.board.id },
      count,
    );
    const bare = await kibPerConnection(
      { url: baseline.url, pid: baseline.pid, target: "baseline", cookies: [""], boardId: cast.board.id },
      count,
    );
    const met = real <= 50;
    return {
      id: "connections",
      title: "4. Connections: server memory per idle connected analyst",
      status: "ran",
      loadAverage: started,
      parameters: { connections: count, sessions: cookies.length, settleMs: SETTLE_MS },
      rows: [
        {
          metric: `RSS delta / ${count} connections`,
          unit: "KiB",
          watchfloor: round(real, 1),
          baseline: round(bare, 1),
        },
      ],
      target: "≤ 50 KiB per connection",
      met,
      notes: met
        ? []
        : [
            `Each joined connection held ${round(real, 1)} KiB of the server's RSS against ${round(bare, 1)} KiB on the bare server.`,
          ],
      usage: {},
    };
  } finally {
    await wf.server.stop();
    await baseline.stop();
  }
}
