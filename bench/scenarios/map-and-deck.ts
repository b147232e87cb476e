// The map and the briefing deck (issue 16): what an analyst waits for. (1) Each export of a board the size
// of fan-out-exporting's, one after another from a warm pool: the map (SVG, PNG) against one chart PNG from
// the same renderer, and the deck against the briefing PDF it sits beside — targets map.png ≤ 1.5 × chart.png
// and briefing.pptx ≤ 2 × briefing.pdf. (2) Gazetteer suggestions as a person types: place:search round
// trips against the cheapest request the server answers (a refused annotation:create, as the server probe
// sends), interleaved — target p99 ≤ 50 ms, well inside what typing feels as instant; the first search,
// which waits for the index to be built off the event loop, is reported on its own.
import type { Socket } from "socket.io-client";
import { prepareCast, signInAt } from "../support/cast";
import { fillLargeBoard } from "../support/large-board";
import { openSocket } from "../support/open-socket";
import { round, summarize } from "../support/stats";
import { type BenchContext, loadAverage, type Row, type ScenarioResult, startWatchfloor } from "./common";
import { type ExportMix, runFanOutExporting } from "./fan-out-exporting";

const BOARD = { annotations: 1_500, observations: 2_000, indicators: 4, events: 60 };
const EXPORTS = ["chart.png", "map.svg", "map.png", "briefing.pdf", "briefing.pptx"] as const;
type ExportName = (typeof EXPORTS)[number];
const MAP_RATIO = 1.5;
const DECK_RATIO = 2;
const SEARCH_P99_MS = 50;
/** What an analyst types, a letter at a time, in Latin and Cyrillic: each prefix is one search. */
const TYPED = ["Kyiv", "Київ", "Kiev", "Almaty", "Алматы", "Geneva", "Brussels", "Yelnya", "Voronezh", "Minsk"];

const row = (metric: string, unit: string, watchfloor: number, baseline: number | null = null): Row => ({
  metric,
  unit,
  watchfloor,
  baseline,
});
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function timeExport(url: string, cookie: string): Promise<{ ms: number; bytes: number }> {
  const began = performance.now();
  const response = await fetch(url, { headers: { cookie } });
  const body = await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
  return { ms: performance.now() - began, bytes: body.byteLength };
}

async function roundTrip(socket: Socket, event: string, payload: unknown): Promise<number> {
  const began = performance.now();
  await socket.timeout(30_000).emitWithAck(event, payload);
  return performance.now() - began;
}

export async function runMapAndDeck(context: BenchContext): Promise<ScenarioResult> {
  const runs = context.quick ? 2 : 7;
  const started = loadAverage();
  const cast = await prepareCast(context.databaseUrl, { editors: 1, viewers: 1 });
  await fillLargeBoard(context.databaseUrl, cast, BOARD);
  const wf = await startWatchfloor(context.databaseUrl);
  const rows: Row[] = [];
  const notes: string[] = [];
  let searchP99 = Number.POSITIVE_INFINITY;
  const medians = new Map<ExportName, number>();
  try {
    const editor = cast.editors[0];
    if (!editor) throw new Error("no editor");
    const cookie = await signInAt(wf.url, editor);

    // (2) first, on a fresh server: the first search builds the gazetteer index.
    const socket = await openSocket(wf.url, cookie);
    try {
      const firstMs = await roundTrip(socket, "place:search", { query: "Kyiv" });
      rows.push(row("first place:search (index built off the event loop)", "ms", round(firstMs)));
      const searches: number[] = [];
      const bare: number[] = [];
      for (let pass = 0; pass < (context.quick ? 1 : 3); pass++) {
        for (const word of TYPED) {
          for (let letters = 1; letters <= word.length; letters++) {
            searches.push(await roundTrip(socket, "place:search", { query: word.slice(0, letters) }));
            bare.push(await roundTrip(socket, "annotation:create", {}));
          }
        }
      }
      const found = summarize(searches);
      const refused = summarize(bare);
      searchP99 = found.p99;
      rows.push(
        row("place:search p50 (bare: a refused request)", "ms", found.p50, refused.p50),
        row(`place:search p99 (target ≤ ${SEARCH_P99_MS} ms)`, "ms", found.p99, refused.p99),
        row("place:search max", "ms", found.max, refused.max),
        row("searches", "count", found.count),
      );
    } finally {
      socket.close();
    }

    // (1) exports, warm: one unmeasured round first (the worker loads its renderers), then `runs` each, in turn.
    const base = `${wf.url}/api/boards/${cast.board.slug}/export/`;
    const samples = new Map<ExportName, { ms: number; bytes: number }[]>(EXPORTS.map((name) => [name, []]));
    for (const name of EXPORTS) await timeExport(base + name, cookie);
    for (let run = 0; run < runs; run++) {
      for (const name of EXPORTS) samples.get(name)?.push(await timeExport(base + name, cookie));
    }
    for (const name of EXPORTS) {
      const taken = samples.get(name) ?? [];
      medians.set(name, median(taken.map((sample) => sample.ms)));
      rows.push(row(`${name} median of ${runs}`, "ms", round(median(taken.map((sample) => sample.ms)))));
      rows.push(row(`${name} size`, "KiB", round(median(taken.map((sample) => sample.bytes)) / 1024, 1)));
    }
  } finally {
    await wf.server.stop();
  }
  const ratio = (a: ExportName, b: ExportName) => round((medians.get(a) ?? 0) / Math.max(medians.get(b) ?? 0, 0.01));
  const mapRatio = ratio("map.png", "chart.png");
  const deckRatio = ratio("briefing.pptx", "briefing.pdf");
  rows.push(
    row(`map.png ÷ chart.png (target ≤ ${MAP_RATIO})`, "ratio", mapRatio),
    row(`briefing.pptx ÷ briefing.pdf (target ≤ ${DECK_RATIO})`, "ratio", deckRatio),
  );
  const met = mapRatio <= MAP_RATIO && deckRatio <= DECK_RATIO && searchP99 <= SEARCH_P99_MS;
  if (mapRatio > MAP_RATIO) notes.push(`The map PNG takes ${mapRatio}× a chart PNG.`);
  if (deckRatio > DECK_RATIO) notes.push(`The deck takes ${deckRatio}× the briefing PDF.`);
  if (searchP99 > SEARCH_P99_MS) notes.push(`place:search p99 is ${searchP99} ms.`);
  return {
    id: "map-and-deck",
    title: "Map and briefing deck: export times, gazetteer suggestions",
    status: "ran",
    loadAverage: started,
    parameters: {
      board: `${BOARD.annotations} annotations, ${BOARD.observations} observations, ${BOARD.indicators} indicators, ${BOARD.events} events (two in three with a place)`,
      exportRuns: runs,
      typed: TYPED.join(", "),
    },
    rows,
    target: `map.png ≤ ${MAP_RATIO} × chart.png; briefing.pptx ≤ ${DECK_RATIO} × briefing.pdf; place:search p99 ≤ ${SEARCH_P99_MS} ms`,
    met,
    notes,
    usage: {},
  };
}

/** Issue 11's fan-out-while-exporting, the analysts fetching the map and the deck instead. */
const SLIDES_MIX: ExportMix = {
  id: "fan-out-slides",
  title: "Fan-out while exporting maps and decks (one writer, 20 watchers, K analysts exporting)",
  paths: ["/export/briefing.pptx", "/export/map.png", "/export/map.svg"],
  described: "briefing.pptx, map.png, map.svg in turn; a 503 waits Retry-After",
};

export const runFanOutSlides = (context: BenchContext) => runFanOutExporting(context, SLIDES_MIX);
