// With --profile, the click-to-screen scenario records a V8 CPU profile of each page (Chrome DevTools
// Protocol, Profiler domain) over the timed notes and sums where its main thread's time went, by part of
// the page's code (script-parts.ts says which part a script position belongs to).
import type { Page } from "@playwright/test";
import { type ScriptParts, scriptParts } from "./script-parts";
import { round } from "./stats";

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type CpuProfile = { nodes: { id: number; callFrame: CallFrame }[]; samples?: number[]; timeDeltas?: number[] };

export type PageProfileSummary = {
  page: string;
  wallMs: number;
  busyMs: number;
  parts: { part: string; ms: number }[];
};

/** Sampling every 200 µs: a note's work in a page is a few milliseconds to a few hundred. */
const SAMPLING_INTERVAL_US = 200;

/** Starts profiling the pages; `stop` ends it and summarizes each page's profile. */
export async function profilePages(pages: { name: string; page: Page }[]) {
  const sessions = await Promise.all(
    pages.map(async ({ name, page }) => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: SAMPLING_INTERVAL_US });
      await cdp.send("Profiler.start");
      return { name, page, cdp };
    }),
  );
  return {
    stop: async (): Promise<PageProfileSummary[]> => {
      const parts = scriptParts();
      const summaries: PageProfileSummary[] = [];
      for (const { name, page, cdp } of sessions) {
        const { profile } = await cdp.send("Profiler.stop");
        await cdp.detach();
        summaries.push(await summarizePageProfile(name, profile as CpuProfile, parts, new URL(page.url()).origin));
      }
      return summaries;
    },
  };
}

async function summarizePageProfile(
  name: string,
  profile: CpuProfile,
  parts: ScriptParts,
  origin: string,
): Promise<PageProfileSummary> {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const byPart = new Map<string, number>();
  let wallUs = 0;
  let busyUs = 0;
  const samples = profile.samples ?? [];
  for (const [index, nodeId] of samples.entries()) {
    const us = profile.timeDeltas?.[index] ?? 0;
    wallUs += us;
    const frame = frames.get(nodeId);
    if (!frame || frame.functionName === "(idle)" || frame.functionName === "(root)") continue;
    busyUs += us;
    const part = await parts.partOf(frame, origin);
    byPart.set(part, (byPart.get(part) ?? 0) + us);
  }
  return {
    page: name,
    wallMs: round(wallUs / 1000),
    busyMs: round(busyUs / 1000),
    parts: [...byPart].map(([part, us]) => ({ part, ms: round(us / 1000) })).sort((a, b) => b.ms - a.ms),
  };
}

/** One line for the report: the page's busy time per note and its biggest parts. */
export function describePageProfile(summary: PageProfileSummary, notes: number, context: string): string {
  const perNote = (ms: number) => round(ms / Math.max(notes, 1), 1);
  const parts = summary.parts
    .slice(0, 7)
    .map(({ part, ms }) => `${part} ${perNote(ms)} ms (${Math.round((ms / Math.max(summary.busyMs, 1)) * 100)} %)`);
  return (
    `CPU profile of ${summary.page} (${context}; V8 sampling through CDP, every ${SAMPLING_INTERVAL_US} µs): ` +
    `busy ${perNote(summary.busyMs)} ms per note (${round(summary.busyMs, 0)} of ${round(summary.wallMs, 0)} ms), ` +
    `per note: ${parts.join("; ")}.`
  );
}
