// The sources: title and publisher, date, the source's reliability (A–F) and the Admiralty grades of
// the observations that cite it.
import type PptxGenJS from "pptxgenjs";
import type { SourceRow } from "../briefing/briefing-content";
import { reliabilityText } from "../briefing/draw-sources";
import { addTableSlides, type Column } from "./table-slides";

const COLUMNS: Column<SourceRow>[] = [
  {
    title: "Source",
    width: 6.0,
    cell: ({ source }) => ({ text: source.title, detail: source.publisher || undefined }),
  },
  {
    title: "Published (UTC)",
    width: 1.9,
    cell: ({ source }) => ({ text: source.publishedAt?.slice(0, 10) ?? "undated" }),
  },
  { title: "Reliability", width: 2.6, cell: ({ source }) => ({ text: reliabilityText(source.reliability) }) },
  {
    title: "Observation grades",
    width: 1.833,
    cell: ({ citedGrades }) => ({ text: citedGrades.join(", ") || "none" }),
  },
];

export function addSourceSlides(pptx: PptxGenJS, rows: SourceRow[]): void {
  addTableSlides(pptx, {
    title: "Sources",
    subtitle: "Admiralty code: reliability A completely reliable … E unreliable, F cannot be judged; credibility 1–6.",
    columns: COLUMNS,
    rows,
    emptyText: "The board lists no sources.",
  });
}
