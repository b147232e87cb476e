// Worker task "map": the board snapshot arrives as JSON text and is parsed here, off the event loop,
// then drawn by renderMapFile.
import type { ChartTheme } from "@/lib/charts/chart-palette";
import type { BoardSnapshot } from "@/lib/schemas/board";
import { formatUtc } from "@/lib/time";
import { asKnownAtLine } from "../charts/as-known-at";
import { mapInputOfSnapshot } from "./map-export-input";
import { renderMapFile } from "./render-map-file";

export type MapTaskInput = {
  format: "svg" | "png";
  snapshotJson: string;
  from?: string;
  to?: string;
  theme?: ChartTheme;
  exporterName: string;
  exportedAt: Date;
  /** The instant an as-of export shows the board at (issue 19); null for the board now. */
  knownAt?: Date | null;
};

export function renderMapTask(input: MapTaskInput): Promise<Buffer> {
  const snapshot = JSON.parse(input.snapshotJson) as BoardSnapshot;
  return renderMapFile({
    format: input.format,
    ...mapInputOfSnapshot(snapshot, input),
    theme: input.theme,
    knownAtLine: input.knownAt ? asKnownAtLine(input.knownAt) : undefined,
    footer: `Exported by ${input.exporterName} at ${formatUtc(input.exportedAt.toISOString())}`,
  });
}
