// The timeline of the period: the events in it, numbered as on the charts, with time (UTC), category,
// place and the Admiralty grade of what reported them.
import type PptxGenJS from "pptxgenjs";
import type { NumberedEvent } from "@/lib/charts/chart-model";
import { formatUtc } from "@/lib/time";
import { addTableSlides, type Column } from "./table-slides";

const COLUMNS: Column<NumberedEvent>[] = [
  { title: "No.", width: 0.6, cell: ({ number }) => ({ text: String(number) }) },
  {
    title: "Time (UTC)",
    width: 2.1,
    cell: ({ event }) => ({
      text: event.endsAt ? `${formatUtc(event.occurredAt)} –\n${formatUtc(event.endsAt)}` : formatUtc(event.occurredAt),
    }),
  },
  { title: "Event", width: 4.6, cell: ({ event }) => ({ text: event.title }) },
  { title: "Category", width: 1.5, cell: ({ event }) => ({ text: event.category }) },
  { title: "Place", width: 2.5, cell: ({ event }) => ({ text: event.place?.label ?? "—" }) },
  {
    title: "Grade",
    width: 1.033,
    cell: ({ event }) => ({
      text:
        event.sourceReliability && event.infoCredibility ? `${event.sourceReliability}${event.infoCredibility}` : "—",
    }),
  },
];

export function addTimelineSlides(pptx: PptxGenJS, events: NumberedEvent[]): void {
  addTableSlides(pptx, {
    title: "Timeline",
    subtitle: "Events in the period, numbered as on the charts. Grade: source reliability A–F, credibility 1–6.",
    columns: COLUMNS,
    rows: events,
    emptyText: "No events in this period.",
  });
}
