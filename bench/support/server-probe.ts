// How long the server's event loop keeps a request waiting, seen from outside its process (issue 15): a
// socket on no board sends `annotation:create` with an empty payload every 20 ms, which the server refuses
// at its schema check (VALIDATION, no database, logged at debug only), and times the answer. Runs as its
// own process, so that nothing the bench process or a load client decodes delays the probe.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { openSocket } from "./open-socket";
import { type LatencySummary, sleep, summarize } from "./stats";

const INTERVAL_MS = 20;
const SELF = fileURLToPath(import.meta.url);

type ProbeMessage = { ready: true } | { summary: LatencySummary };

export type ServerProbe = { stop: () => Promise<LatencySummary> };

/** Resolves once the probe's socket is connected and its first round trip is done. */
export async function startServerProbe(url: string, cookie: string): Promise<ServerProbe> {
  const child = fork(SELF, [url, cookie], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const next = () =>
    new Promise<ProbeMessage>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`server probe exited (${code})`));
      child.once("exit", onExit);
      child.once("message", (message: ProbeMessage) => {
        child.off("exit", onExit);
        resolve(message);
      });
    });
  await next();
  return {
    stop: async () => {
      const answer = next();
      child.send("stop");
      const message = await answer;
      if (!("summary" in message)) throw new Error("server probe answered without its summary");
      return message.summary;
    },
  };
}

async function probe(url: string, cookie: string) {
  const socket = await openSocket(url, cookie);
  let stopped = false;
  process.on("message", () => {
    stopped = true;
  });
  const samples: number[] = [];
  const roundTrip = async () => {
    const began = performance.now();
    await socket.timeout(10_000).emitWithAck("annotation:create", {});
    return performance.now() - began;
  };
  await roundTrip();
  process.send?.({ ready: true } satisfies ProbeMessage);
  while (!stopped) {
    samples.push(await roundTrip());
    await sleep(INTERVAL_MS);
  }
  socket.close();
  process.send?.({ summary: summarize(samples) } satisfies ProbeMessage, () => process.exit(0));
}

if (process.argv[1] === SELF) await probe(process.argv[2] ?? "", process.argv[3] ?? "");
