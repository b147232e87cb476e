// Analysts preparing a briefing while the board is live (issue 11): each fetches the board's exports
// one after another in a loop — PDF, PNG, SVG, JSON-LD, CSV — until told to stop. A 503 from a full
// export queue is "shed": the analyst waits as its Retry-After says and asks again; anything else that
// is not a 200 is a failed export.
import { sleep } from "./stats";

export const EXPORT_PATHS = [
  "/export/briefing.pdf",
  "/export/chart.png",
  "/export/chart.svg",
  "/export/annotations.jsonld",
  "/export/annotations.csv",
] as const;

const FAILED_PAUSE_MS = 200;

export type ExportTally = { completed: number; shed: number; failed: number; failures: string[] };

export type ExportAnalysts = {
  /** Resolves once every analyst has finished one export: the pool is warm and the load is on. */
  warm: Promise<void>;
  /** Zeroes the counts: the measured window starts now. */
  reset: () => void;
  /** Stops the loops after the exports in flight and returns what happened since the last reset. */
  stop: () => Promise<ExportTally>;
};

export function startExportAnalysts(options: {
  url: string;
  slug: string;
  cookies: string[];
  /** The exports fetched in turn; EXPORT_PATHS when absent. */
  paths?: readonly string[];
}): ExportAnalysts {
  const paths = options.paths ?? EXPORT_PATHS;
  let tally: ExportTally = { completed: 0, shed: 0, failed: 0, failures: [] };
  let stopping = false;
  const warmed: Promise<void>[] = [];
  const loops = options.cookies.map((cookie, analyst) => {
    let markWarm: () => void = () => {};
    warmed.push(new Promise<void>((resolve) => (markWarm = resolve)));
    return (async () => {
      for (let turn = analyst; !stopping; turn++) {
        const path = paths[turn % paths.length] as string;
        await fetchExport(`${options.url}/api/boards/${options.slug}${path}`, cookie, () => tally);
        markWarm();
      }
    })();
  });
  return {
    warm: Promise.all(warmed).then(() => undefined),
    reset: () => {
      tally = { completed: 0, shed: 0, failed: 0, failures: [] };
    },
    stop: async () => {
      stopping = true;
      await Promise.all(loops);
      return tally;
    },
  };
}

/** One export, asked again after a shed until it is answered; the tally is read late so a reset counts. */
async function fetchExport(url: string, cookie: string, tally: () => ExportTally): Promise<void> {
  for (;;) {
    try {
      const response = await fetch(url, { headers: { cookie } });
      // The whole body: a download is not done until its last byte has arrived.
      await response.arrayBuffer();
      if (response.status === 200) {
        tally().completed++;
        return;
      }
      if (response.status === 503 && response.headers.has("retry-after")) {
        tally().shed++;
        await sleep(Number(response.headers.get("retry-after")) * 1000);
        continue;
      }
      await fail(tally(), `${url.slice(url.lastIndexOf("/"))}: HTTP ${response.status}`);
      return;
    } catch (error) {
      await fail(tally(), `${url.slice(url.lastIndexOf("/"))}: ${String(error)}`);
      return;
    }
  }
}

/** Counted, and a pause so that an export failing at once does not become a busy loop. */
async function fail(tally: ExportTally, why: string): Promise<void> {
  tally.failed++;
  if (tally.failures.length < 5) tally.failures.push(why);
  await sleep(FAILED_PAUSE_MS);
}
