// Summarizes the V8 CPU profiles Watchfloor's server processes wrote during a scenario (`--profile`):
// where the server's samples went, by part of the stack, so a missed target comes with what limited it.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { round } from "./stats";

type CallFrame = { functionName: string; url: string };
type CpuProfile = {
  nodes: { id: number; callFrame: CallFrame }[];
  samples: number[];
  timeDeltas: number[];
};

export type ProfileShare = { part: string; ms: number; percentOfBusy: number };
export type ProfileSummary = { file: string; busyMs: number; idleMs: number; shares: ProfileShare[] };

/** Parts of the stack, checked in order; the first whose test matches a frame's script names it. */
const PARTS: [part: string, test: (frame: CallFrame) => boolean][] = [
  ["garbage collection", (frame) => frame.functionName === "(garbage collector)"],
  ["native code V8 cannot attribute", (frame) => frame.functionName === "(program)"],
  // The only WebAssembly in the server is Prisma's query compiler.
  [
    "Prisma client (query building, results)",
    (frame) => frame.url.includes("/@prisma/") || frame.url.startsWith("wasm://"),
  ],
  ["node-postgres driver", (frame) => /\/node_modules\/pg(-[a-z]+)?\//.test(frame.url)],
  [
    "Socket.IO, engine.io, ws",
    (frame) => /\/node_modules\/(socket\.io[^/]*|engine\.io[^/]*|ws|@socket\.io\/[^/]+)\//.test(frame.url),
  ],
  ["zod validation", (frame) => frame.url.includes("/node_modules/zod/")],
  ["better-auth", (frame) => frame.url.includes("/better-auth/") || frame.url.includes("/@better-auth/")],
  ["module loading at start", (frame) => frame.url.includes("/tsx/") || frame.url.startsWith("node:internal/modules")],
  ["other dependencies", (frame) => frame.url.includes("/node_modules/")],
  ["Watchfloor code (server/, lib/)", (frame) => /\/(server|lib)\//.test(frame.url)],
  [
    "socket and file writes (native)",
    (frame) => ["writev", "writeBuffer", "writeUtf8String"].includes(frame.functionName),
  ],
  ["Node internals (streams, timers, crypto, …)", () => true],
];

function partOf(frame: CallFrame): string {
  return PARTS.find(([, test]) => test(frame))?.[0] ?? "other";
}

export async function summarizeProfiles(dir: string): Promise<ProfileSummary[]> {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((file) => file.endsWith(".cpuprofile"));
  const summaries: ProfileSummary[] = [];
  for (const file of files.sort()) {
    const profile = JSON.parse(await readFile(path.join(dir, file), "utf8")) as CpuProfile;
    summaries.push(summarize(file, profile));
  }
  // Worker threads write profiles of their own, and one idling in Atomics.wait (piscina) samples as busy:
  // the main threads' come first (Node names a profile CPU.<date>.<time>.<pid>.<thread id>.<n>, the main
  // thread's id being 0), then the busiest.
  const isMainThread = (summary: ProfileSummary) => summary.file.split(".")[4] === "0";
  return summaries.sort((a, b) => Number(isMainThread(b)) - Number(isMainThread(a)) || b.busyMs - a.busyMs);
}

function summarize(file: string, profile: CpuProfile): ProfileSummary {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const byPart = new Map<string, number>();
  let idleUs = 0;
  let busyUs = 0;
  profile.samples.forEach((nodeId, index) => {
    const frame = frames.get(nodeId);
    const us = profile.timeDeltas[index] ?? 0;
    if (!frame || frame.functionName === "(idle)") {
      idleUs += us;
      return;
    }
    busyUs += us;
    const part = partOf(frame);
    byPart.set(part, (byPart.get(part) ?? 0) + us);
  });
  const shares = [...byPart]
    .map(([part, us]) => ({ part, ms: round(us / 1000), percentOfBusy: round((us / Math.max(busyUs, 1)) * 100, 1) }))
    .sort((a, b) => b.ms - a.ms);
  return { file, busyMs: round(busyUs / 1000), idleMs: round(idleUs / 1000), shares };
}
